import { api, ApiError, json, sleep } from '../api';
import { errorBox, h } from '../dom';
import { verifyReceipt, type Result } from '../receipt/verify';
import { forgetJobs, jobs } from '../state';

interface Dsr {
  id: string;
  type: string;
  status: string;
  requestedAt?: string;
  completedAt?: string;
}

/** The requests made from this screen and their status (GET /v1/dsr/{id}). */
class Requests {
  readonly el: HTMLElement;
  private readonly body = h('tbody', {});
  constructor() {
    this.el = h(
      'table',
      { id: 'requests', class: 'requests' },
      h('caption', {}, 'Your requests'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Request'), h('th', { scope: 'col' }, 'Status'))),
      this.body,
    );
  }
  set(kind: string, status: string, id?: string): void {
    let row = this.body.querySelector<HTMLTableRowElement>(`tr[data-kind="${kind}"]`);
    if (!row) {
      row = h('tr', { 'data-kind': kind }, h('th', { scope: 'row' }, kind), h('td', {}));
      this.body.append(row);
    }
    row.dataset.status = status;
    if (id) row.dataset.id = id;
    row.cells[1].textContent = status;
  }
}

function save(blob: Blob, filename: string): void {
  const a = h('a', { href: URL.createObjectURL(blob), download: filename, hidden: true });
  document.body.append(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 60_000);
}

async function pollDsr(path: string, requests: Requests, kind: string, atMostMs = 120_000): Promise<Dsr> {
  const deadline = Date.now() + atMostMs;
  let last: Dsr | undefined;
  while (Date.now() < deadline) {
    last = await json<Dsr>(path);
    requests.set(kind, last.status, last.id);
    if (last.status === 'completed' || last.status === 'failed') return last;
    await sleep(1000);
  }
  throw new ApiError(0, 'Still working', `Your ${kind} request is still in progress.`);
}

function retryAfter(r: Response): number {
  const s = Number(r.headers.get('Retry-After'));
  return Number.isFinite(s) && s > 0 ? Math.min(s, 10) * 1000 : 1000;
}

function receiptView(result: Result): HTMLElement {
  const mark = result.verified
    ? h('p', { class: 'verified', id: 'receipt-status', 'data-verified': 'true' }, h('span', { 'aria-hidden': 'true' }, '✔ '), 'Verified in your browser')
    : h('p', { class: 'error', id: 'receipt-status', 'data-verified': 'false', role: 'alert' }, 'Not verified: ' + result.message);
  const list = h('ul', { class: 'photos' });
  for (const p of result.photos) {
    list.append(h('li', {}, `${p.view} photo destroyed after ${(p.lifetimeMs / 1000).toFixed(1)} s${p.reason ? ` (${p.reason})` : ''}`));
  }
  return h(
    'div',
    { class: 'receipt' },
    mark,
    list,
    h(
      'details',
      {},
      h('summary', {}, 'What your browser checked'),
      h(
        'ul',
        {},
        h('li', {}, `The audit log's checkpoint (tree size ${result.treeSize ?? '?'}) carries a valid Ed25519 signature by ${result.signedBy.join(', ') || 'no trusted key'}, the key published at /v1/audit/public-key.`),
        h('li', {}, 'Each entry, hashed as RFC 8785 JSON, is in that signed tree at its index (RFC 9162 inclusion proof, SHA-256).'),
        h('li', {}, 'Each entry is about this job, and every photo received has a successful destruction within 300 seconds.'),
        h('li', {}, 'Not checked here: that the published key is the operator\'s genuine key (compare it with the operator\'s publication), and that the log is consistent with checkpoints seen earlier (the offline audit-verifier does that).'),
      ),
    ),
  );
}

export function myDataScreen(onErased: () => void): HTMLElement {
  const requests = new Requests();
  const status = h('div', { id: 'mydata-status', 'aria-live': 'polite' });
  const exportBtn = h('button', { type: 'button', id: 'export' }, 'Download all my data');
  const restrictBtn = h('button', { type: 'button', id: 'restrict' }, 'Restrict processing');
  const eraseBtn = h('button', { type: 'button', id: 'erase', class: 'danger' }, 'Erase all my data');
  const receiptSlot = h('div', { id: 'receipt' });
  const jobList = jobs();
  const receiptBtn = h('button', { type: 'button', id: 'check-receipt', disabled: jobList.length === 0 }, 'Check the destruction receipt');

  const confirmYes = h('button', { type: 'button', id: 'erase-confirm', class: 'danger' }, 'Yes, erase everything');
  const confirmNo = h('button', { type: 'button', id: 'erase-cancel' }, 'Cancel');
  const dialog = h(
    'dialog',
    { id: 'erase-dialog', 'aria-labelledby': 'erase-title', 'aria-describedby': 'erase-text' },
    h('h3', { id: 'erase-title' }, 'Erase all your data?'),
    h('p', { id: 'erase-text' }, 'Your measurements, 3D models and account data will be deleted everywhere. This cannot be undone. The audit log keeps only that an erasure happened, without your data.'),
    h('div', { class: 'row' }, confirmNo, confirmYes),
  );

  const fail = (e: unknown) => {
    const err = e as ApiError;
    status.replaceChildren(errorBox(err.detail || err.message, err.title || 'Request failed'));
  };

  exportBtn.addEventListener('click', async () => {
    exportBtn.disabled = true;
    status.replaceChildren();
    requests.set('export', 'requested');
    try {
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const r = await api('/v1/subjects/me/export', { headers: { Accept: 'application/zip, application/json' } }, [202]);
        if (r.status === 200) {
          const zip = await r.blob();
          requests.set('export', 'completed');
          save(zip, 'mensura-my-data.zip');
          break;
        }
        const pending = (await r.json()) as Dsr;
        requests.set('export', pending.status ?? 'in progress', pending.id);
        await sleep(1000);
      }
    } catch (e) {
      requests.set('export', 'failed');
      fail(e);
    } finally {
      exportBtn.disabled = false;
    }
  });

  restrictBtn.addEventListener('click', async () => {
    restrictBtn.disabled = true;
    try {
      const view = await json<Record<string, unknown>>('/v1/subjects/me/restriction', { method: 'POST' });
      requests.set('restriction', view.restricted === false ? 'not restricted' : 'restricted');
    } catch (e) {
      restrictBtn.disabled = false;
      fail(e);
    }
  });

  receiptBtn.addEventListener('click', async () => {
    const jobId = jobList[0];
    receiptBtn.disabled = true;
    receiptSlot.replaceChildren(h('p', {}, 'Fetching the receipt and checking it…'));
    try {
      const keys = await (await api('/v1/audit/public-key', { headers: { Accept: 'text/plain' } })).text();
      const deadline = Date.now() + 90_000;
      let result: Result | undefined;
      while (Date.now() < deadline) {
        const r = await api(`/v1/jobs/${encodeURIComponent(jobId)}/receipt`, { headers: { Accept: 'application/json' } }, [409]);
        if (r.status === 409) {
          receiptSlot.replaceChildren(h('p', {}, 'The log has not signed this yet; waiting…'));
          await sleep(retryAfter(r));
          continue;
        }
        result = await verifyReceipt(await r.json(), keys, jobId);
        // destructions reach the log shortly after the job ends: wait for them, not for anything else
        if (result.verified || !/no recorded destruction|records no photo/.test(result.message)) break;
        receiptSlot.replaceChildren(h('p', {}, 'Waiting for the destruction of your photos to be logged…'));
        await sleep(1000);
      }
      receiptSlot.replaceChildren(result ? receiptView(result) : errorBox('The receipt was not ready in time; try again shortly.', 'Not ready'));
    } catch (e) {
      const err = e as ApiError;
      receiptSlot.replaceChildren(errorBox(err.detail || err.message, err.title || 'Receipt unavailable'));
    } finally {
      receiptBtn.disabled = false;
    }
  });

  eraseBtn.addEventListener('click', () => dialog.showModal());
  confirmNo.addEventListener('click', () => dialog.close());
  confirmYes.addEventListener('click', async () => {
    dialog.close();
    eraseBtn.disabled = true;
    requests.set('erasure', 'requested');
    try {
      const r = await api('/v1/subjects/me', { method: 'DELETE', headers: { Accept: 'application/json' } });
      const location = r.headers.get('Location');
      const body = (await r.json().catch(() => ({}))) as Partial<Dsr>;
      const path = location ? new URL(location, window.location.href).pathname : `/v1/dsr/${body.id}`;
      const done = await pollDsr(path, requests, 'erasure');
      if (done.status === 'completed') {
        forgetJobs();
        status.replaceChildren(h('p', { class: 'ok' }, 'All your data has been erased.'));
        onErased();
      }
    } catch (e) {
      eraseBtn.disabled = false;
      requests.set('erasure', 'failed');
      fail(e);
    }
  });

  return h(
    'section',
    { id: 'screen-mydata', 'aria-labelledby': 'mydata-heading' },
    h('h2', { id: 'mydata-heading' }, 'My data'),
    h('h3', {}, 'Proof that your photos were destroyed'),
    h('p', {}, jobList.length ? 'Your browser checks the signed audit log itself.' : 'Measure first: the receipt covers your latest job.'),
    receiptBtn,
    receiptSlot,
    h('h3', {}, 'Your rights'),
    h('div', { class: 'actions' }, exportBtn, restrictBtn, eraseBtn),
    status,
    requests.el,
    dialog,
  );
}
