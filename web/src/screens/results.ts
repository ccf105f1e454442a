import { api, ApiError, json } from '../api';
import { toCsv } from '../csv';
import { errorBox, h } from '../dom';
import type { Measurements } from '../state';
import { showModel } from '../viewer';

function pretty(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function download(id: string, label: string, blob: Blob, filename: string): HTMLAnchorElement {
  return h('a', { id, class: 'button', href: URL.createObjectURL(blob), download: filename }, label);
}

export function resultsScreen(jobId: string): HTMLElement {
  const table = h('div', { id: 'measurements', 'aria-busy': 'true' }, h('p', {}, 'Loading your measurements…'));
  const viewer = h('div', { id: 'viewer', class: 'viewer' }, h('p', {}, 'Loading your 3D model…'));
  const downloads = h('div', { id: 'downloads', class: 'downloads' });
  const screen = h(
    'section',
    { id: 'screen-results', 'aria-labelledby': 'results-heading', 'data-job-id': jobId },
    h('h2', { id: 'results-heading' }, 'Your measurements'),
    table,
    h('h3', {}, '3D model'),
    viewer,
    h('h3', {}, 'Download'),
    downloads,
  );
  const base = `/v1/jobs/${encodeURIComponent(jobId)}`;

  (async () => {
    let m: Measurements;
    try {
      m = await json<Measurements>(`${base}/measurements`);
    } catch (e) {
      const err = e as ApiError;
      table.replaceChildren(errorBox(err.detail || err.message, err.title));
      return;
    }
    const body = h('tbody', {});
    for (const x of m.measurements) {
      body.append(
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, pretty(x.name)),
          h('td', { class: 'num' }, x.value.toFixed(1)),
          h('td', {}, m.unit),
          h('td', { class: 'num' }, `± ${x.uncertainty.toFixed(1)}`),
        ),
      );
    }
    table.replaceChildren(
      h(
        'table',
        { class: 'measurements' },
        h('caption', {}, `${m.standard}; model fit within ${m.fitQualityCm.toFixed(2)} cm`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Measurement'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Unit'), h('th', { scope: 'col' }, 'Uncertainty'))),
        body,
      ),
    );
    table.setAttribute('aria-busy', 'false');
    const jsonBlob = new Blob([JSON.stringify(m, null, 2)], { type: 'application/json' });
    downloads.append(
      download('download-json', 'Measurements (JSON)', jsonBlob, `mensura-${jobId}.json`),
      download('download-csv', 'Measurements (CSV)', new Blob([toCsv(m)], { type: 'text/csv' }), `mensura-${jobId}.csv`),
    );
  })();

  (async () => {
    let glb: ArrayBuffer;
    try {
      glb = await (await api(`${base}/model.glb`, { headers: { Accept: 'model/gltf-binary' } })).arrayBuffer();
    } catch (e) {
      const err = e as ApiError;
      viewer.replaceChildren(errorBox(err.detail || err.message, err.title));
      return;
    }
    downloads.prepend(download('download-glb', '3D model (glTF .glb)', new Blob([glb], { type: 'model/gltf-binary' }), `mensura-${jobId}.glb`));
    try {
      await showModel(viewer, glb);
    } catch (e) {
      viewer.replaceChildren(errorBox((e as Error).message, '3D view unavailable'));
    }
  })();
  return screen;
}
