// Templates that escape by default: every value interpolated into `html` is HTML-escaped unless it
// is itself the result of `html` or was marked trusted with `raw`. Filing text and company names
// come from EDGAR and are never trusted, so forgetting to mark something shows escaped markup
// (visible, harmless) instead of running it.

const SAFE = Symbol('cyber8k.safeHtml');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
  toString(): string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function safe(value: string): SafeHtml {
  return { [SAFE]: true, value, toString: () => value };
}

/** Markup the caller vouches for: a fragment this module built, or HTML escaped at its source (search snippets). */
export function raw(value: string): SafeHtml {
  return safe(value);
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE in value;
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (isSafeHtml(value)) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** A fragment: literal parts as written, values escaped (arrays joined, null/undefined/false empty). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return safe(out);
}
