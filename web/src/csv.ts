import type { Measurements } from './state';

function cell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** The measurements as CSV (RFC 4180): name, value, unit, uncertainty. */
export function toCsv(m: Measurements): string {
  const rows: (string | number)[][] = [['name', 'value', 'unit', 'uncertainty']];
  for (const x of m.measurements) rows.push([x.name, x.value, m.unit, x.uncertainty]);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
