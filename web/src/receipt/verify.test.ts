import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalize, keyHash, leafHash, nodeHash, parseCheckpoint, verifyInclusion, verifyReceipt, type Receipt } from './verify';

// A receipt and the published keys exactly as a browser got them from the running suite
// (web/e2e/flow.mjs, MENSURA_CAPTURE_DIR), checked by audit-verifier too (JourneyIT does the same).
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const KEYS = fixture('keys.txt');
const RECEIPT = JSON.parse(fixture('receipt.json')) as Receipt;
const copy = (): Receipt => structuredClone(RECEIPT);

describe('verifyReceipt on a receipt from the running suite', () => {
  it('verifies: signature, every inclusion proof, one job, every photo destroyed within 300 s', async () => {
    const result = await verifyReceipt(RECEIPT, KEYS, RECEIPT.jobId);
    expect(result.message).toMatch(/every photo of the job was destroyed/);
    expect(result.verified).toBe(true);
    expect(result.signatureVerified).toBe(true);
    expect(result.signedBy).toEqual(['mensura.dev/audit']);
    expect(result.photos.map((p) => p.view).sort()).toEqual(['front', 'side']);
  });

  it('fails when an entry was changed (a longer lifetime)', async () => {
    const r = copy();
    const destroyed = r.entries.find((e) => (e.entry as { action: string }).action === 'photo.destroyed')!;
    (destroyed.entry as { details: { lifetimeMs: number } }).details.lifetimeMs += 1;
    const result = await verifyReceipt(r, KEYS);
    expect(result.verified).toBe(false);
    expect(result.message).toMatch(/is not in the signed log as shown/);
  });

  it('fails when an entry is dropped from under its proof (index moved)', async () => {
    const r = copy();
    r.entries[0].index += 1;
    expect((await verifyReceipt(r, KEYS)).verified).toBe(false);
  });

  it('fails when a proof hash was changed', async () => {
    const r = copy();
    const withProof = r.entries.find((e) => e.inclusionProof.length > 0)!;
    const bytes = Buffer.from(withProof.inclusionProof[0], 'base64');
    bytes[0] ^= 1;
    withProof.inclusionProof[0] = bytes.toString('base64');
    const result = await verifyReceipt(r, KEYS);
    expect(result.verified).toBe(false);
    expect(result.message).toMatch(/is not in the signed log/);
  });

  it('fails when the checkpoint was changed (its signature no longer verifies)', async () => {
    const r = copy();
    const lines = r.checkpoint.split('\n');
    lines[1] = String(Number(lines[1]) + 1);
    r.checkpoint = lines.join('\n');
    const result = await verifyReceipt(r, KEYS);
    expect(result.verified).toBe(false);
    expect(result.message).toMatch(/invalid signature by mensura.dev\/audit/);
  });

  it('fails against a key the receipt was not signed with', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const hash = Buffer.from(await keyHash('mensura.dev/audit', raw));
    const other = `mensura.dev/audit+${hash.toString('hex')}+${Buffer.concat([Buffer.from([1]), raw]).toString('base64')}\n`;
    const result = await verifyReceipt(RECEIPT, other);
    expect(result.verified).toBe(false);
    expect(result.message).toMatch(/no signature by a trusted key/);
  });

  it('fails for another job than the one asked about', async () => {
    const result = await verifyReceipt(RECEIPT, KEYS, '00000000-0000-0000-0000-000000000000');
    expect(result.verified).toBe(false);
    expect(result.message).toMatch(/another job/);
  });

  it('fails when an entry belongs to another job (pseudonym swapped)', async () => {
    const r = copy();
    r.jobPseudonym = r.jobPseudonym.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
    const result = await verifyReceipt(r, KEYS);
    expect(result.verified).toBe(false);
    expect(result.message).toMatch(/about something else than this job/);
  });

  it('fails when a destruction entry is left out', async () => {
    const r = copy();
    const i = r.entries.findIndex((e) => (e.entry as { action: string }).action === 'photo.destroyed');
    r.entries.splice(i, 1);
    const result = await verifyReceipt(r, KEYS);
    expect(result.verified).toBe(false);
    expect(result.message).toMatch(/has no recorded destruction/);
  });
});

// ---- the primitives, against a log built here (RFC 9162 MTH) and signed with a key made here ----

const sha = (...parts: Uint8Array[]) => new Uint8Array(createHash('sha256').update(Buffer.concat(parts)).digest());
const leafOf = (e: unknown) => sha(new Uint8Array([0]), new TextEncoder().encode(canonicalize(e)));
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(new Uint8Array([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function path(m: number, leaves: Uint8Array[]): Uint8Array[] {
  if (leaves.length === 1) return [];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m < k ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))] : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}

async function signedLog(entries: unknown[], name = 'test.example/log') {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
  const hash = await keyHash(name, raw);
  const leaves = entries.map(leafOf);
  const text = `${name}\n${leaves.length}\n${Buffer.from(mth(leaves)).toString('base64')}\n`;
  const sig = sign(null, Buffer.from(text), privateKey);
  const note = `${text}\n\u2014 ${name} ${Buffer.concat([hash, sig]).toString('base64')}\n`;
  const keys = `${name}+${Buffer.from(hash).toString('hex')}+${Buffer.concat([Buffer.from([1]), raw]).toString('base64')}\n`;
  const proofs = leaves.map((_, i) => path(i, leaves).map((p) => Buffer.from(p).toString('base64')));
  return { note, keys, proofs, leaves };
}

const photo = (job: string, view: string, action: string, details: Record<string, unknown> = {}) => ({
  action,
  actor: 'ingest-service',
  correlationId: job,
  details,
  eventId: `${job}-${view}-${action}`,
  outcome: 'success',
  resource: `job:${job}/photo:${view}`,
  source: '/mensura/ingest-service',
  time: '2026-11-23T10:00:02Z',
});

describe('primitives', () => {
  it('canonicalizes as RFC 8785 with integers only', () => {
    expect(canonicalize({ b: [1, 'x', true, null], a: { d: -0, c: 'é\n' } })).toBe('{"a":{"c":"é\\n","d":0},"b":[1,"x",true,null]}');
    expect(() => canonicalize({ h: 175.5 })).toThrow(/integer/);
    expect(() => canonicalize({ n: 2 ** 53 })).toThrow(/2\^53/);
  });

  it('hashes leaves and nodes as RFC 9162 says', async () => {
    const empty = new Uint8Array();
    // SHA-256 of the single byte 0x00: the RFC 6962/9162 hash of an empty leaf
    expect(Buffer.from(await leafHash(empty)).toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    const l = new Uint8Array(32).fill(1);
    const r = new Uint8Array(32).fill(2);
    expect(await nodeHash(l, r)).toEqual(sha(new Uint8Array([1]), l, r));
  });

  it('checks inclusion in trees of every size up to 17, and refuses a wrong index or proof', async () => {
    for (let n = 1; n <= 17; n++) {
      const leaves = Array.from({ length: n }, (_, i) => leafOf({ i }));
      const root = mth(leaves);
      for (let m = 0; m < n; m++) {
        expect(await verifyInclusion(leaves[m], BigInt(m), BigInt(n), path(m, leaves), root)).toBe(true);
        if (n > 1) {
          expect(await verifyInclusion(leaves[m], BigInt((m + 1) % n), BigInt(n), path(m, leaves), root)).toBe(false);
        }
      }
      expect(await verifyInclusion(leaves[0], BigInt(n), BigInt(n), [], root)).toBe(false);
    }
  });

  it('parses checkpoints strictly', () => {
    const root = Buffer.alloc(32).toString('base64');
    expect(parseCheckpoint(`o\n12\n${root}\n`).size).toBe(12n);
    expect(() => parseCheckpoint(`o\n012\n${root}\n`)).toThrow(/canonical/);
    expect(() => parseCheckpoint(`o\n12\n${root}`)).toThrow(/newline/);
    expect(() => parseCheckpoint(`o\n12\nAAAA\n`)).toThrow(/32 bytes/);
  });
});

describe('verifyReceipt on a log built here', () => {
  const job = 'p-0123456789abcdef';
  const receiptOf = async (entries: unknown[]) => {
    const log = await signedLog([{ action: 'other', resource: 'x' }, ...entries]);
    const receipt = {
      jobId: 'j',
      jobPseudonym: job,
      checkpoint: log.note,
      entries: entries.map((entry, i) => ({ index: i + 1, entry, inclusionProof: log.proofs[i + 1] })),
    };
    return { receipt, keys: log.keys };
  };

  it('verifies a complete receipt', async () => {
    const { receipt, keys } = await receiptOf([
      photo(job, 'front', 'photo.received'),
      photo(job, 'side', 'photo.received'),
      photo(job, 'front', 'photo.destroyed', { lifetimeMs: 2100, reason: 'vision-completed' }),
      photo(job, 'side', 'photo.destroyed', { lifetimeMs: 2200, reason: 'vision-completed' }),
    ]);
    const result = await verifyReceipt(receipt, keys, 'j');
    expect(result.verified).toBe(true);
    expect(result.treeSize).toBe(5);
  });

  it('refuses a photo that lived over 300 s, even when the log says so honestly', async () => {
    const { receipt, keys } = await receiptOf([
      photo(job, 'front', 'photo.received'),
      photo(job, 'front', 'photo.destroyed', { lifetimeMs: 300_001, reason: 'deadline' }),
    ]);
    const result = await verifyReceipt(receipt, keys);
    expect(result.verified).toBe(false);
    expect(result.message).toMatch(/lived 300001 ms/);
  });

  it('refuses a receipt whose photo was never destroyed', async () => {
    const { receipt, keys } = await receiptOf([photo(job, 'front', 'photo.received')]);
    expect((await verifyReceipt(receipt, keys)).message).toMatch(/front photo has no recorded destruction/);
  });

  it('refuses a note with a malformed signature line', async () => {
    const { receipt, keys } = await receiptOf([photo(job, 'front', 'photo.received')]);
    receipt.checkpoint = receipt.checkpoint.replace('\u2014 ', '- ');
    expect((await verifyReceipt(receipt, keys)).message).toMatch(/em dash/);
  });
});
