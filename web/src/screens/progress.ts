import { api, ApiError, authHeaders, problemOf, sleep } from '../api';
import { errorBox, h } from '../dom';
import { rememberJob } from '../state';
import type { Capture } from './capture';

interface Job {
  id: string;
  status: string;
  stage: string;
  progress: number;
  message?: string;
}

interface Progress {
  stage: string;
  progress: number;
  message?: string;
  status?: string;
}

const ENDED = new Set(['completed', 'failed']);

/** POST /v1/jobs with upload progress (XMLHttpRequest: fetch has no upload progress). */
function upload(c: Capture, onProgress: (fraction: number) => void): Promise<string> {
  const form = new FormData();
  form.append('front', c.front, 'front.jpg');
  form.append('side', c.side, 'side.jpg');
  form.append('heightCm', String(c.heightCm));
  form.append('blurFaces', String(c.blurFaces));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/jobs');
    for (const [k, v] of Object.entries(authHeaders({ Accept: 'application/json' }))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'Upload failed', 'The connection was lost. Check your network and try again.'));
    xhr.onload = async () => {
      if (xhr.status === 202 || xhr.status === 200 || xhr.status === 201) {
        onProgress(1);
        resolve((JSON.parse(xhr.responseText) as { id: string }).id);
      } else {
        const headers = new Headers({ 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' });
        reject(await problemOf(new Response(xhr.responseText, { status: xhr.status, headers })));
      }
    };
    xhr.send(form);
  });
}

/** Reads GET /v1/jobs/{id}/events (SSE over fetch, so that the Authorization header goes along). */
async function follow(jobId: string, onEvent: (p: Progress) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(`/v1/jobs/${encodeURIComponent(jobId)}/events`, {
    headers: authHeaders({ Accept: 'text/event-stream' }),
    cache: 'no-store',
    signal,
  });
  if (!response.ok || !response.body) throw await problemOf(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.substring(0, end);
      buffer = buffer.substring(end + 2);
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.substring(5).replace(/^ /, ''))
        .join('\n');
      if (data) {
        try {
          onEvent(JSON.parse(data) as Progress);
        } catch {
          // a keep-alive or a line we do not understand
        }
      }
    }
  }
}

const STAGE_NAMES: Record<string, string> = {
  queued: 'Queued',
  vision: 'Finding your body in the photos',
  fitting: 'Fitting the 3D body model',
  done: 'Done',
};

export function progressScreen(c: Capture, onDone: (jobId: string) => void, onRetake: () => void): HTMLElement {
  const uploadBar = h('progress', { id: 'upload-progress', max: 100, value: 0, 'aria-labelledby': 'upload-label' });
  const jobBar = h('progress', { id: 'job-progress', max: 100, 'aria-labelledby': 'job-label' });
  const stages = h('ol', { id: 'stages', class: 'stages', 'aria-live': 'polite' });
  const outcome = h('div', { id: 'outcome' });
  const screen = h(
    'section',
    { id: 'screen-progress', 'aria-labelledby': 'progress-heading' },
    h('h2', { id: 'progress-heading' }, 'Measuring'),
    h('p', { id: 'upload-label' }, 'Uploading your photos'),
    uploadBar,
    h('p', { id: 'job-label' }, 'Processing'),
    jobBar,
    stages,
    outcome,
  );

  const retake = (reason: string, title: string) => {
    const again = h('button', { type: 'button', id: 'retake', class: 'primary' }, 'Retake photos');
    again.addEventListener('click', onRetake);
    outcome.replaceChildren(
      h('div', { class: 'error retake', role: 'alert', id: 'retake-reason' }, h('strong', {}, title), h('p', {}, reason)),
      again,
    );
    again.focus();
  };

  const stageLine = (p: Progress) => {
    const text = p.message ? `${STAGE_NAMES[p.stage] ?? p.stage}: ${p.message}` : STAGE_NAMES[p.stage] ?? p.stage;
    const last = stages.lastElementChild as HTMLElement | null;
    if (last && last.dataset.stage === p.stage) last.textContent = text;
    else stages.append(h('li', { 'data-stage': p.stage }, text));
    if (typeof p.progress === 'number') jobBar.value = p.progress;
  };

  (async () => {
    let jobId: string;
    try {
      jobId = await upload(c, (f) => (uploadBar.value = Math.round(f * 100)));
    } catch (e) {
      const err = e as ApiError;
      retake(err.detail || err.message, err.title || 'Upload failed');
      return;
    }
    rememberJob(jobId);
    screen.dataset.jobId = jobId;
    const stop = new AbortController();
    // the stream ends when the job ends; progress lines are best effort, so the status is polled too
    let streamEnded = false;
    const streamed = follow(jobId, stageLine, stop.signal)
      .catch(() => undefined)
      .then(() => {
        streamEnded = true;
      });
    let job: Job | undefined;
    const deadline = Date.now() + 10 * 60_000;
    while (Date.now() < deadline) {
      try {
        job = await (await api(`/v1/jobs/${encodeURIComponent(jobId)}`, { headers: { Accept: 'application/json' } })).json();
      } catch (e) {
        stop.abort();
        const err = e as ApiError;
        outcome.replaceChildren(errorBox(err.detail || err.message, err.title));
        return;
      }
      if (job && ENDED.has(job.status)) break;
      await (streamEnded ? sleep(1000) : Promise.race([streamed, sleep(2000)]));
    }
    stop.abort();
    if (job?.status === 'completed') {
      jobBar.value = 100;
      onDone(jobId);
    } else if (job?.status === 'failed') {
      retake(job.message || 'The photos could not be measured.', 'Please retake your photos');
    } else {
      outcome.replaceChildren(errorBox('This is taking longer than expected. Try again later.', 'Still processing'));
    }
  })();
  return screen;
}
