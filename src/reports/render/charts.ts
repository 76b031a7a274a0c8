// Hand-written SVG charts: horizontal bars, stacked columns and a line. No library, no browser,
// no randomness: the same numbers give the same bytes. Each chart is an accessible image (role,
// <title>, <desc>) followed by the table of its numbers, for screen readers and for print.
// Colours are CSS classes (s0…s4) whose fills the report's stylesheet sets for light and dark
// themes; the fill attributes beside them are for readers that drop the stylesheet.

export const SERIES_COLOURS = ['#1f5fa8', '#e0851c', '#2e9a6b', '#8c6bb1', '#8a8f98'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fix = (n: number) => String(Math.round(n * 10) / 10);

/** A round axis maximum at or above `max` (1, 2, 5 × 10^k), and its ticks. */
export function niceScale(max: number, ticks = 4): { max: number; ticks: number[] } {
  if (max <= 0) return { max: 1, ticks: [0, 1] };
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const stepInt = step < 1 ? 1 : step;
  const top = Math.ceil(max / stepInt) * stepInt;
  return { max: top, ticks: Array.from({ length: Math.round(top / stepInt) + 1 }, (_, i) => i * stepInt) };
}

interface Frame {
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
}

function svgOpen(f: Frame): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${esc(f.id)}" viewBox="0 0 ${f.width} ${f.height}" width="${f.width}" height="${f.height}" role="img" aria-labelledby="${esc(f.id)}-title ${esc(f.id)}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif" font-size="12">` +
    `<title id="${esc(f.id)}-title">${esc(f.title)}</title><desc id="${esc(f.id)}-desc">${esc(f.desc)}</desc>`
  );
}

function dataTable(caption: string, head: string[], rows: Array<Array<string | number>>): string {
  return (
    `<details class="chart-data"><summary>Numbers behind the chart</summary><table><caption>${esc(caption)}</caption>` +
    `<thead><tr>${head.map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i ? `<td class="num">${esc(String(c))}</td>` : `<th scope="row">${esc(String(c))}</th>`)).join('')}</tr>`).join('')}</tbody></table></details>`
  );
}

export interface BarChartInput {
  id: string;
  title: string;
  desc: string;
  unit: string;
  bars: Array<{ label: string; value: number; series?: number }>;
  /** The value a full-width bar stands for (default: a round number at or above the largest). */
  max?: number;
}

/** Horizontal bars, one per label, the value written at the end of each. */
export function barChart(c: BarChartInput): string {
  const labelWidth = 190;
  const plot = 300;
  const rowHeight = 26;
  const width = labelWidth + plot + 60;
  const height = 16 + c.bars.length * rowHeight + 8;
  const max = c.max && c.max > 0 ? c.max : niceScale(Math.max(0, ...c.bars.map((b) => b.value))).max;
  const parts = [svgOpen({ id: c.id, title: c.title, desc: c.desc, width, height })];
  c.bars.forEach((b, i) => {
    const y = 12 + i * rowHeight;
    const w = (b.value / max) * plot;
    const s = b.series ?? 0;
    parts.push(`<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end" class="label" fill="currentColor">${esc(b.label)}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${y + 2}" width="${fix(Math.max(w, b.value > 0 ? 2 : 0))}" height="${rowHeight - 8}" rx="2" class="s${s}" fill="${SERIES_COLOURS[s]}"/>`);
    parts.push(`<text x="${fix(labelWidth + w + 6)}" y="${y + 14}" class="value" fill="currentColor">${b.value}</text>`);
  });
  parts.push(`<line x1="${labelWidth}" y1="8" x2="${labelWidth}" y2="${height - 4}" class="axis" stroke="currentColor" stroke-opacity="0.5"/>`);
  parts.push('</svg>');
  return `<figure class="chart-figure"><figcaption>${esc(c.title)}</figcaption>${parts.join('')}${dataTable(c.title, ['', c.unit], c.bars.map((b) => [b.label, b.value]))}</figure>`;
}

export interface StackedChartInput {
  id: string;
  title: string;
  desc: string;
  unit: string;
  categories: string[];
  /** Short category labels under the columns (default: the categories). */
  ticks?: string[];
  series: Array<{ name: string; values: number[] }>;
}

function legend(names: string[], x: number, y: number): string {
  let offset = x;
  return names
    .map((name, i) => {
      const item = `<rect x="${offset}" y="${y - 9}" width="10" height="10" rx="2" class="s${i}" fill="${SERIES_COLOURS[i]}"/><text x="${offset + 14}" y="${y}" class="legend" fill="currentColor">${esc(name)}</text>`;
      offset += 24 + name.length * 6.6;
      return item;
    })
    .join('');
}

/** Stacked columns: one per category (week), one colour per series (item). */
export function stackedChart(c: StackedChartInput): string {
  const left = 36;
  const top = 30;
  const plotHeight = 170;
  const column = Math.max(14, Math.min(40, Math.floor(620 / c.categories.length)));
  const width = left + c.categories.length * column + 12;
  const height = top + plotHeight + 34;
  const totals = c.categories.map((_, i) => c.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const { max, ticks } = niceScale(Math.max(0, ...totals));
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const parts = [svgOpen({ id: c.id, title: c.title, desc: c.desc, width, height })];
  parts.push(legend(c.series.map((s) => s.name), left, 14));
  for (const t of ticks) {
    parts.push(`<line x1="${left}" y1="${fix(y(t))}" x2="${width - 8}" y2="${fix(y(t))}" class="grid" stroke="currentColor" stroke-opacity="0.15"/>`);
    parts.push(`<text x="${left - 6}" y="${fix(y(t) + 4)}" text-anchor="end" class="tick" fill="currentColor">${t}</text>`);
  }
  c.categories.forEach((_, i) => {
    let base = 0;
    const x = left + i * column + 3;
    c.series.forEach((s, si) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      parts.push(`<rect x="${x}" y="${fix(y(base + v))}" width="${column - 6}" height="${fix(y(base) - y(base + v))}" class="s${si}" fill="${SERIES_COLOURS[si]}"><title>${esc(`${c.categories[i]}: ${v} ${s.name}`)}</title></rect>`);
      base += v;
    });
    const every = Math.ceil(c.categories.length / 13);
    if (i % every === 0 || i === c.categories.length - 1) {
      parts.push(`<text x="${x + (column - 6) / 2}" y="${top + plotHeight + 16}" text-anchor="middle" class="tick" fill="currentColor">${esc((c.ticks ?? c.categories)[i]!)}</text>`);
    }
  });
  parts.push(`<line x1="${left}" y1="${top + plotHeight}" x2="${width - 8}" y2="${top + plotHeight}" class="axis" stroke="currentColor" stroke-opacity="0.5"/>`);
  parts.push('</svg>');
  const rows = c.categories.map((cat, i) => [cat, ...c.series.map((s) => s.values[i] ?? 0), totals[i]!]);
  return `<figure class="chart-figure"><figcaption>${esc(c.title)}</figcaption>${parts.join('')}${dataTable(c.title, ['', ...c.series.map((s) => s.name), `Total ${c.unit}`], rows)}</figure>`;
}

export interface LineChartInput {
  id: string;
  title: string;
  desc: string;
  categories: string[];
  ticks?: string[];
  /** 0–1 shares; null where there is nothing to divide. */
  values: Array<number | null>;
  /** How a value is written in the table. */
  format: (v: number | null) => string;
  valueName: string;
}

/** A share over time, 0–100 %, with gaps where a week had nothing to measure. */
export function lineChart(c: LineChartInput): string {
  const left = 44;
  const top = 14;
  const plotHeight = 150;
  const step = Math.max(8, Math.min(40, Math.floor(620 / Math.max(1, c.categories.length - 1))));
  const width = left + (c.categories.length - 1) * step + 20;
  const height = top + plotHeight + 34;
  const x = (i: number) => left + i * step;
  const y = (v: number) => top + plotHeight - v * plotHeight;
  const parts = [svgOpen({ id: c.id, title: c.title, desc: c.desc, width, height })];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" y1="${fix(y(t))}" x2="${width - 10}" y2="${fix(y(t))}" class="grid" stroke="currentColor" stroke-opacity="0.15"/>`);
    parts.push(`<text x="${left - 6}" y="${fix(y(t) + 4)}" text-anchor="end" class="tick" fill="currentColor">${t * 100} %</text>`);
  }
  // One path segment per run of weeks with a value.
  let d = '';
  let pen = false;
  c.values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${fix(x(i))} ${fix(y(v))} `;
    pen = true;
  });
  if (d) parts.push(`<path d="${d.trim()}" class="line s0" fill="none" stroke="${SERIES_COLOURS[0]}" stroke-width="2"/>`);
  c.values.forEach((v, i) => {
    if (v !== null) parts.push(`<circle cx="${fix(x(i))}" cy="${fix(y(v))}" r="2.5" class="dot s0" fill="${SERIES_COLOURS[0]}"><title>${esc(`${c.categories[i]}: ${c.format(v)}`)}</title></circle>`);
  });
  const every = Math.ceil(c.categories.length / 13);
  c.categories.forEach((_, i) => {
    if (i % every === 0 || i === c.categories.length - 1) parts.push(`<text x="${fix(x(i))}" y="${top + plotHeight + 16}" text-anchor="middle" class="tick" fill="currentColor">${esc((c.ticks ?? c.categories)[i]!)}</text>`);
  });
  parts.push(`<line x1="${left}" y1="${top + plotHeight}" x2="${width - 10}" y2="${top + plotHeight}" class="axis" stroke="currentColor" stroke-opacity="0.5"/>`);
  parts.push('</svg>');
  return `<figure class="chart-figure"><figcaption>${esc(c.title)}</figcaption>${parts.join('')}${dataTable(c.title, ['', c.valueName], c.categories.map((cat, i) => [cat, c.format(c.values[i] ?? null)]))}</figure>`;
}

export { esc as escapeHtml };
