import { h, svg } from '../dom';

export interface Capture {
  front: File;
  side: File;
  heightCm: number;
  blurFaces: boolean;
}

/** An A-pose outline (arms about 45° from the body, feet hip-width apart) to line the body up with. */
function outline(view: 'front' | 'side'): SVGElement {
  const root = svg('svg', { viewBox: '0 0 100 160', class: 'pose', role: 'img', 'aria-label': `${view} A-pose outline` });
  const g = svg('g', { fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-dasharray': '4 3' });
  g.append(svg('circle', { cx: 50, cy: 18, r: 9 }));
  if (view === 'front') {
    g.append(svg('path', { d: 'M38 32 L62 32 L60 82 L40 82 Z' }));
    g.append(svg('path', { d: 'M38 34 L20 74 M62 34 L80 74' }));
    g.append(svg('path', { d: 'M43 82 L36 148 M57 82 L64 148' }));
  } else {
    g.append(svg('path', { d: 'M44 32 L56 32 L57 82 L44 82 Z' }));
    g.append(svg('path', { d: 'M50 34 L52 78' }));
    g.append(svg('path', { d: 'M47 82 L46 148 M53 82 L54 148' }));
  }
  // frame: head and feet inside, a margin all round
  root.append(svg('rect', { x: 2, y: 2, width: 96, height: 156, fill: 'none', stroke: 'currentColor', 'stroke-width': 1, opacity: 0.5 }), g);
  return root;
}

function photoField(view: 'front' | 'side', onChange: () => void): { el: HTMLElement; input: HTMLInputElement } {
  const id = `photo-${view}`;
  const input = h('input', { type: 'file', id, name: view, accept: 'image/*', capture: 'environment', required: true, 'aria-describedby': `${id}-hint` });
  const preview = h('img', { class: 'preview', alt: '', hidden: true });
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (preview.src) URL.revokeObjectURL(preview.src);
    if (f) {
      preview.src = URL.createObjectURL(f);
      preview.alt = `Your ${view} photo`;
      preview.hidden = false;
    } else {
      preview.hidden = true;
    }
    onChange();
  });
  const hint =
    view === 'front'
      ? 'Face the camera, arms held out about 45° from your body (A-pose), feet hip-width apart.'
      : 'Turn 90° to your left, arms relaxed, standing straight.';
  const el = h(
    'fieldset',
    { class: 'photo' },
    h('legend', {}, view === 'front' ? 'Front photo' : 'Side photo'),
    h('div', { class: 'guide' }, outline(view), preview),
    h('p', { id: `${id}-hint`, class: 'hint' }, hint),
    h('label', { for: id }, view === 'front' ? 'Take or choose the front photo' : 'Take or choose the side photo'),
    input,
  );
  return { el, input };
}

export function captureScreen(onSubmit: (c: Capture) => void): HTMLElement {
  const tilt = h('p', { id: 'tilt', class: 'tilt', 'aria-live': 'polite' }, 'Camera tilt: not reported by this browser — hold the phone upright at hip height.');
  const submit = h('button', { type: 'submit', id: 'upload', class: 'primary', disabled: true }, 'Upload and measure');
  const height = h('input', { type: 'number', id: 'height', name: 'heightCm', inputmode: 'numeric', min: 100, max: 250, step: 1, required: true, autocomplete: 'off', 'aria-describedby': 'height-hint' });
  const blur = h('input', { type: 'checkbox', id: 'blur-faces', name: 'blurFaces' });
  const update = () => {
    submit.disabled = !(front.input.files?.length && side.input.files?.length && height.value && height.checkValidity());
  };
  const front = photoField('front', update);
  const side = photoField('side', update);
  height.addEventListener('input', update);

  const form = h(
    'form',
    { id: 'capture-form', novalidate: false },
    h(
      'ul',
      { class: 'hints' },
      h('li', {}, 'Stand 2–3 m from the camera; your whole body, head to feet, inside the frame.'),
      h('li', {}, 'Plain background, good light, tight-fitting clothes.'),
      h('li', {}, 'Camera at hip height, held upright (not tilted up or down).'),
    ),
    tilt,
    front.el,
    side.el,
    h('label', { for: 'height' }, 'Your height (cm)'),
    height,
    h('p', { id: 'height-hint', class: 'hint' }, 'Between 100 and 250 cm; it sets the scale of every measurement.'),
    h('div', { class: 'check' }, blur, h('label', { for: 'blur-faces' }, 'Blur my face before processing')),
    submit,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = front.input.files?.[0];
    const s = side.input.files?.[0];
    if (!f || !s || !height.checkValidity()) return;
    window.removeEventListener('deviceorientation', onTilt);
    onSubmit({ front: f, side: s, heightCm: Math.round(Number(height.value)), blurFaces: blur.checked });
  });

  const onTilt = (e: DeviceOrientationEvent) => {
    if (e.beta === null) return;
    // upright phone: beta about 90°
    const off = Math.round(e.beta - 90);
    const ok = Math.abs(off) <= 5;
    tilt.textContent = ok ? `Camera tilt ${off}°: upright, good.` : `Camera tilt ${off}°: hold the phone ${off > 0 ? 'less tilted back' : 'more upright'}.`;
    tilt.className = ok ? 'tilt ok' : 'tilt warn';
  };
  if ('DeviceOrientationEvent' in window) window.addEventListener('deviceorientation', onTilt);

  return h(
    'section',
    { id: 'screen-capture', 'aria-labelledby': 'capture-heading' },
    h('h2', { id: 'capture-heading' }, 'Take two photos'),
    form,
  );
}
