/**
 * Destruction-receipt verification in the browser: a port of audit-verifier's ReceiptVerifier
 * (and of libs/tlog's SignedNote, VerifierKey, Checkpoint, Jcs, Proofs) on WebCrypto.
 *
 * What it checks, exactly as the offline verifier does:
 *  1. the receipt's checkpoint is a C2SP signed note with at least one Ed25519 signature by a
 *     trusted key (the keys of GET /v1/audit/public-key, `name+hash+base64(0x01 || key)`); a
 *     signature by a trusted key that does not verify fails; signatures by unknown keys are ignored;
 *  2. its text is a tlog-checkpoint (origin, canonical decimal size, 32-byte base64 root);
 *  3. every entry, canonicalized with RFC 8785 (JCS), hashes (leaf = SHA-256(0x00 || entry)) to a
 *     leaf that the RFC 9162 inclusion proof places at its index in the signed tree;
 *  4. every entry is about the receipt's job (`job:<pseudonym>/photo:<view>`);
 *  5. every photo received has a successful destruction within 300 s.
 * In addition (the browser knows which job it asked about): the receipt names that job id.
 */

export const MAX_LIFETIME_MS = 300_000;

export interface ProvenEntry {
  index: number;
  entry: unknown;
  leafHash?: string;
  inclusionProof: string[];
}

export interface Receipt {
  format?: string;
  jobId?: string;
  jobPseudonym: string;
  checkpoint: string;
  entries: ProvenEntry[];
}

export interface Photo {
  view: string;
  lifetimeMs: number;
  reason: string;
}

export interface Result {
  verified: boolean;
  message: string;
  photos: Photo[];
  /** Whether the checkpoint's Ed25519 signature was checked (false only when it failed to or could not be). */
  signatureVerified: boolean;
  /** Names of the trusted keys whose signatures verified. */
  signedBy: string[];
  treeSize?: number;
}

export interface VerifierKey {
  name: string;
  hash: Uint8Array;
  publicKey: Uint8Array;
}

const DASH = '\u2014 ';
const ED25519 = 0x01;
const enc = new TextEncoder();

function subtle(): SubtleCrypto {
  const c = globalThis.crypto;
  if (!c || !c.subtle) {
    throw new Error('WebCrypto is not available (the page must be served over https or from localhost)');
  }
  return c.subtle;
}

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', data as BufferSource));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Strict standard base64 (as java.util.Base64.getDecoder()): throws on anything else. */
export function base64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || (text.includes('=') && text.length % 4 !== 0)) {
    throw new Error('not base64');
  }
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export async function leafHash(entryBytes: Uint8Array): Promise<Uint8Array> {
  return sha256(concat(new Uint8Array([0x00]), entryBytes));
}

export async function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(concat(new Uint8Array([0x01]), left, right));
}

/** The 4-byte key hash: SHA-256(name || 0x0A || 0x01 || public key)[0..4]. */
export async function keyHash(name: string, publicKey: Uint8Array): Promise<Uint8Array> {
  const digest = await sha256(concat(enc.encode(name), new Uint8Array([0x0a, ED25519]), publicKey));
  return digest.slice(0, 4);
}

function checkName(name: string): void {
  if (!name || [...name].some((c) => c === '+' || c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f)) {
    throw new Error('a key name is non-empty, without spaces or +');
  }
}

/** One verifier key, `name+hash+base64(0x01 || key)` (libs/tlog VerifierKey.parse). */
export async function parseVerifierKey(vkey: string): Promise<VerifierKey> {
  const s = vkey.trim();
  const first = s.indexOf('+');
  const second = first < 0 ? -1 : s.indexOf('+', first + 1);
  if (first <= 0 || second < 0) throw new Error('a verifier key is name+hash+key');
  const name = s.substring(0, first);
  checkName(name);
  const material = base64(s.substring(second + 1));
  if (material.length !== 33 || material[0] !== ED25519) {
    throw new Error('only Ed25519 verifier keys (type 0x01) are supported');
  }
  const publicKey = material.slice(1);
  const hash = await keyHash(name, publicKey);
  if (s.substring(first + 1, second) !== hex(hash)) {
    throw new Error("the verifier key's hash does not match its name and key");
  }
  return { name, hash, publicKey };
}

/** The keys of GET /v1/audit/public-key: one per non-empty line. */
export async function parseVerifierKeys(text: string): Promise<VerifierKey[]> {
  const keys: VerifierKey[] = [];
  for (const line of text.split('\n')) {
    if (line.trim()) keys.push(await parseVerifierKey(line));
  }
  return keys;
}

/** Whether this browser's WebCrypto can verify Ed25519 signatures. */
export async function ed25519Supported(): Promise<boolean> {
  try {
    await subtle().importKey('raw', new Uint8Array(32).fill(1) as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    return true;
  } catch (e) {
    return !(e instanceof Error && (e.name === 'NotSupportedError' || /unrecognized|not supported/i.test(e.message)));
  }
}

async function ed25519Verify(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  let key: CryptoKey;
  try {
    key = await subtle().importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    if (e instanceof Error && e.name === 'NotSupportedError') {
      throw new SignatureUnsupported();
    }
    return false;
  }
  try {
    return await subtle().verify({ name: 'Ed25519' }, key, signature as BufferSource, message as BufferSource);
  } catch {
    return false;
  }
}

export class SignatureUnsupported extends Error {
  constructor() {
    super("this browser's WebCrypto has no Ed25519: the checkpoint's signature could not be checked");
  }
}

/** Opens a signed note (libs/tlog SignedNote.open): its text and the trusted keys that signed it. */
export async function openNote(note: string, trusted: VerifierKey[]): Promise<{ text: string; verifiedBy: string[] }> {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('malformed note: no signature block');
  const text = note.substring(0, split + 1);
  const message = enc.encode(text);
  const verifiedBy: string[] = [];
  // Java's String.split drops trailing empty strings
  const lines = note.substring(split + 2).split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (!line.startsWith(DASH)) throw new Error('malformed note: a signature line must start with an em dash');
    const parts = line.substring(DASH.length).split(' ');
    if (parts.length !== 2) throw new Error("malformed note: signature line is '— name signature'");
    let blob: Uint8Array;
    try {
      blob = base64(parts[1]);
    } catch {
      throw new Error('malformed note: signature is not base64');
    }
    if (blob.length < 5) throw new Error('malformed note: signature too short');
    const hash = blob.slice(0, 4);
    const signature = blob.slice(4);
    for (const key of trusted) {
      if (key.name === parts[0] && equal(key.hash, hash)) {
        if (!(await ed25519Verify(key.publicKey, signature, message))) {
          throw new Error('invalid signature by ' + key.name);
        }
        verifiedBy.push(key.name);
      }
    }
  }
  if (verifiedBy.length === 0) throw new Error('no signature by a trusted key');
  return { text, verifiedBy };
}

export interface Checkpoint {
  origin: string;
  size: bigint;
  rootHash: Uint8Array;
}

/** A checkpoint body (libs/tlog Checkpoint.parse). */
export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') {
    throw new Error('a checkpoint is at least three lines, each ending in a newline');
  }
  if (!/^-?\d+$/.test(lines[1])) throw new Error('tree size is not a decimal number');
  const size = BigInt(lines[1]);
  if (lines[1] !== size.toString()) throw new Error('tree size is not in canonical decimal form');
  if (size < 0n) throw new Error('size must not be negative');
  let root: Uint8Array;
  try {
    root = base64(lines[2]);
  } catch {
    throw new Error('root hash is not base64');
  }
  if (root.length !== 32) throw new Error('root hash must be 32 bytes');
  if (!lines[0]) throw new Error('origin must be one non-empty line');
  return { origin: lines[0], size, rootHash: root };
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** RFC 8785 canonical JSON of a parsed value (libs/tlog Jcs: integers only, within ±(2^53 − 1)). */
export function canonicalize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isInteger(value)) throw new Error('only integer numbers are allowed');
      if (Math.abs(value) > MAX_SAFE) throw new Error('integers must be within ±(2^53 - 1)');
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
        throw new Error('lone surrogate in a string');
      }
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return '[' + value.map(canonicalize).join(',') + ']';
      const obj = value as Record<string, unknown>;
      // UTF-16 code unit order, as RFC 8785 says and as Array.prototype.sort compares strings
      const keys = Object.keys(obj).sort();
      return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalize(obj[k])).join(',') + '}';
    }
    default:
      throw new Error('unsupported JSON value: ' + typeof value);
  }
}

/** RFC 9162 §2.1.3.2 (libs/tlog Proofs.verifyInclusion). */
export async function verifyInclusion(
  leaf: Uint8Array,
  index: bigint,
  size: bigint,
  proof: Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (index < 0n || index >= size) return false;
  let fn = index;
  let sn = size - 1n;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n || p.length !== 32) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && equal(r, root);
}

function fail(message: string, photos: Photo[] = [], extra: Partial<Result> = {}): Result {
  return { verified: false, message, photos, signatureVerified: false, signedBy: [], ...extra };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/**
 * Verifies a destruction receipt (GET /v1/jobs/{id}/receipt) against the published verifier keys
 * (GET /v1/audit/public-key). {@code expectedJobId}: the job the caller asked about.
 */
export async function verifyReceipt(receipt: unknown, keysText: string, expectedJobId?: string): Promise<Result> {
  const r = (receipt ?? {}) as Partial<Receipt>;
  let trusted: VerifierKey[];
  try {
    trusted = await parseVerifierKeys(keysText);
  } catch (e) {
    return fail('the published keys do not parse: ' + (e as Error).message);
  }
  if (trusted.length === 0) return fail('no trusted key');
  let checkpoint: Checkpoint;
  let signedBy: string[];
  try {
    const opened = await openNote(str(r.checkpoint), trusted);
    signedBy = opened.verifiedBy;
    checkpoint = parseCheckpoint(opened.text);
  } catch (e) {
    if (e instanceof SignatureUnsupported) return fail(e.message);
    return fail("the receipt's checkpoint does not verify: " + (e as Error).message);
  }
  const ok = { signatureVerified: true, signedBy, treeSize: Number(checkpoint.size) };
  if (expectedJobId !== undefined && r.jobId !== expectedJobId) {
    return fail('the receipt is for another job than the one asked about', [], ok);
  }
  const job = str(r.jobPseudonym);
  const prefix = 'job:' + job + '/photo:';
  const entries = Array.isArray(r.entries) ? r.entries : [];
  if (!job || entries.length === 0) return fail('the receipt has no job or no entries', [], ok);
  const received = new Map<string, boolean>();
  const photos: Photo[] = [];
  for (const proven of entries) {
    const index = typeof proven?.index === 'number' && Number.isInteger(proven.index) ? proven.index : -1;
    const entry = proven?.entry as Record<string, unknown> | undefined;
    let leaf: Uint8Array;
    try {
      if (entry === undefined) throw new Error('no entry');
      leaf = await leafHash(enc.encode(canonicalize(entry)));
    } catch {
      return fail('entry ' + index + ' is not a valid log entry', [], ok);
    }
    const proof: Uint8Array[] = [];
    try {
      for (const p of proven.inclusionProof ?? []) proof.push(base64(str(p)));
    } catch {
      return fail('entry ' + index + ' has a proof that is not base64', [], ok);
    }
    if (!(await verifyInclusion(leaf, BigInt(index), checkpoint.size, proof, checkpoint.rootHash))) {
      return fail('entry ' + index + ' is not in the signed log as shown', [], ok);
    }
    const resource = str(entry.resource);
    if (!resource.startsWith(prefix)) {
      return fail('entry ' + index + ' is about something else than this job', [], ok);
    }
    const view = resource.substring(prefix.length);
    const action = str(entry.action);
    if (action === 'photo.received') {
      if (!received.has(view)) received.set(view, false);
    } else if (action === 'photo.destroyed' && str(entry.outcome) === 'success') {
      const details = (entry.details ?? {}) as Record<string, unknown>;
      const lifetime = typeof details.lifetimeMs === 'number' ? Math.trunc(details.lifetimeMs) : -1;
      if (lifetime < 0 || lifetime > MAX_LIFETIME_MS) {
        return fail(`the ${view} photo lived ${lifetime} ms, over the promised ${MAX_LIFETIME_MS / 1000} s`, [], ok);
      }
      received.set(view, true);
      photos.push({ view, lifetimeMs: lifetime, reason: str(details.reason) });
    }
  }
  for (const [view, destroyed] of received) {
    if (!destroyed) return fail(`the ${view} photo has no recorded destruction`, photos, ok);
  }
  if (received.size === 0) return fail('the receipt records no photo', photos, ok);
  return {
    verified: true,
    message: `every photo of the job was destroyed (${photos.length} destruction entries in a signed checkpoint of size ${checkpoint.size})`,
    photos,
    ...ok,
  };
}
