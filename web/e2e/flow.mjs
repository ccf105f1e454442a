#!/usr/bin/env node
// The browser flow against a running suite behind web/serve.mjs, at a phone's viewport (390×844),
// with Debian's Chromium (dev/chromium) through playwright-core. Prints each step; exit 0 only if
// every step passed.
//
// Env: MENSURA_WEB_URL          the app (serve.mjs), e.g. http://127.0.0.1:41234
//      MENSURA_TOKEN            JWT of a fresh subject (the whole journey)
//      MENSURA_FRONT, MENSURA_SIDE                  JPEG paths of a good pair
//      MENSURA_TOKEN2           JWT of a second fresh subject (the retake)
//      MENSURA_ARMSDOWN_FRONT, MENSURA_ARMSDOWN_SIDE   a pair whose front has the arms down
//      MENSURA_SCREENSHOTS      directory for the PNG screenshots
//      MENSURA_CAPTURE_DIR      optional: the receipt and keys the browser verified are saved here
//      MENSURA_CHROMIUM         optional: a chromium binary (default: the path dev/chromium prints)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const env = (name) => {
  const v = process.env[name];
  if (!v) {
    console.error(`flow: ${name} is not set`);
    process.exit(2);
  }
  return v;
};
const BASE = env('MENSURA_WEB_URL');
const SHOTS = env('MENSURA_SCREENSHOTS');
const CAPTURE = process.env.MENSURA_CAPTURE_DIR;
mkdirSync(SHOTS, { recursive: true });

const executablePath =
  process.env.MENSURA_CHROMIUM ||
  execFileSync(path.join(REPO, 'dev/chromium'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGL without a GPU: SwiftShader, which newer Chromium only enables on request
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

let step = 0;
const started = Date.now();
async function run(name, fn) {
  step++;
  const t = Date.now();
  try {
    const detail = await fn();
    console.log(`step ${step}: ${name} ... ok (${Date.now() - t} ms)${detail ? ' — ' + detail : ''}`);
  } catch (e) {
    console.log(`step ${step}: ${name} ... FAILED: ${e && e.message ? e.message.split('\n')[0] : e}`);
    throw e;
  }
}
function check(cond, message) {
  if (!cond) throw new Error(message);
}
const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true });

async function downloadOf(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(selector)]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'mensura-chromium-'));
let context;
let page;
let exit = 0;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ARGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: true,
    acceptDownloads: true,
    locale: 'en-GB',
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      consoleErrors.push(m.text());
      console.log(`  (console ${m.type()}: ${m.text()})`);
    }
  });
  page.on('pageerror', (e) => {
    consoleErrors.push(String(e));
    console.log(`  (page error: ${e})`);
  });
  const logErrors = (p) =>
    p.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/v1/') && r.status() >= 400 && r.status() !== 409) {
        console.log(`  (http ${r.request().method()} ${u.pathname} -> ${r.status()})`);
      }
    });
  logErrors(page);

  // ---- subject 1: the whole journey ----
  await run('consent screen with the privacy notice; nothing to upload yet', async () => {
    await page.goto(`${BASE}/#token=${encodeURIComponent(env('MENSURA_TOKEN'))}`);
    await page.waitForSelector('#screen-consent');
    await page.waitForSelector('#screen-consent [aria-busy="false"]');
    check(!page.url().includes('token='), 'the token is still in the address bar');
    check((await page.locator('input[type=file]').count()) === 0, 'the upload is reachable before consent');
    const source = await page.getAttribute('#screen-consent [aria-busy="false"]', 'data-source');
    const lang = await page.getAttribute('html', 'lang');
    check(lang === 'en', 'html has no lang');
    await shot(page, '01-consent.png');
    return `notice from ${source}`;
  });

  await run('keyboard: the grant button is reachable with Tab and shows focus', async () => {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'grant-consent')) {
        const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
        check(outline !== 'none', 'no visible focus on the grant button');
        return `${i + 1} Tab presses`;
      }
    }
    throw new Error('grant button not reached by keyboard');
  });

  await run('grant consent (PUT /v1/subjects/me/consents/body-measurement)', async () => {
    await page.keyboard.press('Enter');
    await page.waitForSelector('#screen-capture');
  });

  await run('capture guide: outline, hints, labelled inputs; choose photos, height 175', async () => {
    check((await page.locator('svg.pose').count()) === 2, 'no A-pose outlines');
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, button, select, textarea')]
        .filter((el) => el.tagName === 'INPUT' && (!el.labels || el.labels.length === 0))
        .map((el) => el.id || el.name),
    );
    check(unlabelled.length === 0, `inputs without a label: ${unlabelled}`);
    check((await page.getAttribute('#photo-front', 'capture')) === 'environment', 'no capture=environment');
    await page.setInputFiles('#photo-front', env('MENSURA_FRONT'));
    await page.setInputFiles('#photo-side', env('MENSURA_SIDE'));
    await page.fill('#height', '175');
    await page.waitForSelector('#upload:not([disabled])');
    // the previews are decoded: nothing moves under the pointer any more
    await page.waitForFunction(() => [...document.querySelectorAll('img.preview')].every((i) => i.complete && i.naturalWidth > 0));
    await shot(page, '02-capture.png');
  });

  let jobId;
  await run('upload with progress (POST /v1/jobs), live stages over SSE', async () => {
    // submitted with the keyboard: a pointer click here lands its mouseup off the button after the
    // full-page screenshot (pointerdown on #upload, click on the form) — an open issue, see the report
    // every stage line the app adds from the SSE stream (the status poll adds none), recorded as it
    // appears: the progress screen is gone by the time the results are checked
    await page.evaluate(() => {
      window.__stagesSeen = [];
      new MutationObserver((changes) => {
        for (const change of changes) {
          for (const node of change.addedNodes) {
            if (node instanceof HTMLElement && node.matches('#stages li')) window.__stagesSeen.push(node.dataset.stage);
          }
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.focus('#upload');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#screen-progress', { timeout: 10_000 }).catch(async () => {
      const state = await page.evaluate(() => ({
        active: document.activeElement?.id,
        disabled: document.querySelector('#upload')?.disabled,
        valid: document.querySelector('#capture-form')?.checkValidity(),
        invalid: [...document.querySelectorAll('#capture-form :invalid')].map((e) => e.id + ':' + e.validationMessage),
      }));
      throw new Error('no progress screen after the upload click: ' + JSON.stringify(state));
    });
    await page.waitForFunction(() => document.querySelector('#screen-progress')?.dataset.jobId, null, { timeout: 60_000 });
    jobId = await page.getAttribute('#screen-progress', 'data-job-id');
    await page.waitForSelector('#stages li', { timeout: 120_000 }).catch(() => undefined);
    await shot(page, '03-progress.png');
    const uploaded = await page.evaluate(() => document.querySelector('#upload-progress').value);
    check(uploaded === 100, `upload progress shows ${uploaded}`);
    return `job ${jobId}`;
  });

  await run('results: measurement table and the 3D model rendered', async () => {
    await page.waitForSelector('#screen-results, #retake-reason', { timeout: 300_000 });
    if (await page.$('#retake-reason')) {
      throw new Error('the job failed: ' + (await page.textContent('#retake-reason')));
    }
    const stages = await page.evaluate(() => window.__stagesSeen);
    check(stages.includes('fitting') || stages.includes('done'), `no live stage came over SSE (seen: ${stages.join(',')})`);
    await page.waitForSelector('#measurements table tbody tr');
    const rows = await page.locator('#measurements tbody tr').count();
    const stature = await page.textContent('#measurements tbody tr:has(th:text-is("Stature")) td.num');
    check(rows >= 4, `only ${rows} rows`);
    await page.waitForSelector('#model-canvas[data-rendered="true"]', { timeout: 90_000 });
    const painted = await page.evaluate(() => {
      const c = document.getElementById('model-canvas');
      const copy = document.createElement('canvas');
      copy.width = c.width;
      copy.height = c.height;
      const g = copy.getContext('2d');
      g.drawImage(c, 0, 0);
      const d = g.getImageData(0, 0, copy.width, copy.height).data;
      let differ = 0;
      for (let i = 0; i < d.length; i += 4) {
        // the background is #f2f4f7
        if (Math.abs(d[i] - 0xf2) + Math.abs(d[i + 1] - 0xf4) + Math.abs(d[i + 2] - 0xf7) > 30) differ++;
      }
      return differ / (d.length / 4);
    });
    check(painted > 0.02, `the canvas shows no model (${(painted * 100).toFixed(2)}% painted)`);
    await shot(page, '04-results.png');
    return `${rows} measurements, stature ${stature} cm, ${(painted * 100).toFixed(1)}% of the canvas is body, stages seen: ${stages.join(',')}`;
  });

  await run('downloads: glb, JSON, CSV', async () => {
    await page.waitForSelector('#download-glb');
    await page.waitForSelector('#download-csv');
    const glb = await downloadOf(page, '#download-glb');
    check(glb.bytes.subarray(0, 4).toString('latin1') === 'glTF', 'the .glb is not glTF');
    const json = await downloadOf(page, '#download-json');
    const m = JSON.parse(json.bytes.toString('utf8'));
    check(m.jobId === jobId && m.measurements.length > 0, 'the JSON has no measurements');
    const csv = await downloadOf(page, '#download-csv');
    const lines = csv.bytes.toString('utf8').trim().split(/\r?\n/);
    check(lines[0] === 'name,value,unit,uncertainty', 'the CSV header is ' + lines[0]);
    check(lines.length === m.measurements.length + 1, 'the CSV rows do not match the JSON');
    return `${glb.name} ${glb.bytes.length} B, ${json.name}, ${csv.name} ${lines.length - 1} rows`;
  });

  await run('my data: export downloads a zip (GET /v1/subjects/me/export, 202 then 200)', async () => {
    await page.click('#nav-mydata');
    await page.waitForSelector('#screen-mydata');
    const zip = await downloadOf(page, '#export');
    check(zip.bytes.subarray(0, 2).toString('latin1') === 'PK', 'not a zip');
    await page.waitForSelector('#requests tr[data-kind="export"][data-status="completed"]');
    return `${zip.name} ${zip.bytes.length} B`;
  });

  await run('destruction receipt verified in the browser (signature + inclusion proofs)', async () => {
    await page.click('#check-receipt');
    await page.waitForSelector('#receipt-status', { timeout: 120_000 });
    const verified = await page.getAttribute('#receipt-status', 'data-verified');
    await page.click('#receipt details summary');
    await shot(page, '05-mydata-receipt.png');
    check(verified === 'true', 'receipt not verified: ' + (await page.textContent('#receipt-status')));
    if (CAPTURE) {
      // the very receipt and keys the browser checked: fixtures for web/src/receipt/verify.test.ts
      const captured = await page.evaluate(async (id) => {
        const auth = { Authorization: 'Bearer ' + sessionStorage.getItem('mensura.token') };
        const receipt = await (await fetch(`/v1/jobs/${id}/receipt`, { headers: auth })).text();
        const keys = await (await fetch('/v1/audit/public-key')).text();
        return { receipt, keys };
      }, jobId);
      mkdirSync(CAPTURE, { recursive: true });
      writeFileSync(path.join(CAPTURE, 'receipt.json'), captured.receipt);
      writeFileSync(path.join(CAPTURE, 'keys.txt'), captured.keys);
    }
    return (await page.$$eval('#receipt ul.photos li', (li) => li.map((l) => l.textContent))).join('; ');
  });

  await run('erasure with confirmation (DELETE /v1/subjects/me, then GET /v1/dsr/{id} until completed)', async () => {
    await page.click('#erase');
    await page.waitForSelector('#erase-dialog[open]');
    await shot(page, '06-erase-confirm.png');
    await page.click('#erase-confirm');
    await page.waitForSelector('#requests tr[data-kind="erasure"][data-status="completed"]', { timeout: 150_000 });
    await shot(page, '07-erased.png');
    return 'request ' + (await page.getAttribute('#requests tr[data-kind="erasure"]', 'data-id'));
  });

  // ---- subject 2: arms down, told what to retake ----
  await run('second subject: arms-down front photo shows the retake reason', async () => {
    const p2 = await context.newPage();
    logErrors(p2);
    p2.setDefaultTimeout(30_000);
    await p2.goto(`${BASE}/#token=${encodeURIComponent(env('MENSURA_TOKEN2'))}`);
    await p2.click('#grant-consent');
    await p2.waitForSelector('#screen-capture');
    await p2.setInputFiles('#photo-front', env('MENSURA_ARMSDOWN_FRONT'));
    await p2.setInputFiles('#photo-side', env('MENSURA_ARMSDOWN_SIDE'));
    await p2.fill('#height', '175');
    await p2.click('#upload');
    await p2.waitForSelector('#retake-reason, #screen-results', { timeout: 300_000 });
    check(!(await p2.$('#screen-results')), 'the arms-down photo was measured');
    const reason = (await p2.textContent('#retake-reason')) ?? '';
    await p2.screenshot({ path: path.join(SHOTS, '08-retake.png'), fullPage: true });
    check(/A-pose/i.test(reason), 'the retake reason does not mention the A-pose: ' + reason);
    await p2.close();
    return reason.trim();
  });

  await run('no script errors in the page', async () => {
    const relevant = consoleErrors.filter((e) => !/status of (409|404)|WebGL|GPU stall|swiftshader/i.test(e));
    check(relevant.length === 0, relevant.join(' | '));
  });
} catch (e) {
  exit = 1;
  if (page) await shot(page, 'failure.png').catch(() => undefined);
} finally {
  if (context) await context.close().catch(() => undefined);
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`${exit === 0 ? 'PASSED' : 'FAILED'}: ${step} steps in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(exit);
