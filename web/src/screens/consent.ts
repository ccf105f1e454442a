import { api, ApiError } from '../api';
import { errorBox, h } from '../dom';
import { state } from '../state';

interface Notice {
  policyVersion?: string;
  title?: string;
  sections?: { id?: string; heading?: string; paragraphs?: string[]; items?: { label?: string; text: string }[] }[];
}

/** Shown when privacy-service's notice cannot be fetched: the essentials of docs/ (I1, I2, I4, I7). */
const BUNDLED: Notice = {
  title: 'Privacy notice',
  sections: [
    {
      heading: 'What we do with your photos',
      paragraphs: [
        'Your two photos and your height are used only to compute your body measurements and a 3D model of your body.',
        'The photos are kept in memory only, never written to disk, and destroyed at most 300 seconds (5 minutes) after upload.',
        'Every destruction is written to a tamper-evident audit log; you can check your receipt yourself under "My data".',
      ],
    },
    {
      heading: 'Your rights',
      items: [
        { label: 'Access and portability', text: 'Download everything we hold about you.' },
        { label: 'Restriction', text: 'Stop any further processing of your data.' },
        { label: 'Erasure', text: 'Delete everything about you; the request and its completion are logged.' },
        { label: 'Withdraw consent', text: 'At any time; processing then stops and your data is erased.' },
      ],
    },
  ],
};

function renderNotice(n: Notice): HTMLElement {
  const box = h('section', { class: 'notice', 'aria-labelledby': 'notice-title' }, h('h3', { id: 'notice-title' }, n.title ?? 'Privacy notice'));
  for (const s of n.sections ?? []) {
    box.append(h('h4', {}, s.heading ?? ''));
    for (const p of s.paragraphs ?? []) box.append(h('p', {}, p));
    if (s.items?.length) {
      const dl = h('dl', {});
      for (const it of s.items) dl.append(h('dt', {}, it.label ?? ''), h('dd', {}, it.text));
      box.append(dl);
    }
  }
  if (n.policyVersion) box.append(h('p', { class: 'muted' }, `Policy version ${n.policyVersion}`));
  return box;
}

export function consentScreen(onGranted: () => void): HTMLElement {
  const noticeSlot = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading the privacy notice…'));
  const status = h('div', { 'aria-live': 'polite' });
  const grant = h('button', { type: 'button', id: 'grant-consent', class: 'primary' }, 'I agree — start measuring');
  const screen = h(
    'section',
    { id: 'screen-consent', 'aria-labelledby': 'consent-heading' },
    h('h2', { id: 'consent-heading' }, 'Before we start'),
    h('p', {}, 'Please read how we handle your photos. Nothing is uploaded until you agree.'),
    noticeSlot,
    grant,
    status,
  );

  fetch('/v1/privacy-notice', { headers: { Accept: 'application/json' } })
    .then(async (r) => (r.ok ? ((await r.json()) as Notice) : BUNDLED))
    .catch(() => BUNDLED)
    .then((notice) => {
      state.policyVersion = notice.policyVersion;
      noticeSlot.replaceChildren(renderNotice(notice));
      noticeSlot.setAttribute('aria-busy', 'false');
      noticeSlot.dataset.source = notice === BUNDLED ? 'bundled' : 'privacy-service';
    });

  grant.addEventListener('click', async () => {
    grant.disabled = true;
    status.replaceChildren(h('p', {}, 'Saving your consent…'));
    try {
      const body: Record<string, unknown> = { granted: true };
      if (state.policyVersion) body.policyVersion = state.policyVersion;
      await api('/v1/subjects/me/consents/body-measurement', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      state.consented = true;
      onGranted();
    } catch (e) {
      grant.disabled = false;
      const err = e as ApiError;
      status.replaceChildren(errorBox(err.detail || err.message, err.title ?? 'Consent not saved'));
    }
  });
  return screen;
}
