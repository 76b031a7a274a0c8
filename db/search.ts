import { sql, type SQL } from 'drizzle-orm';

/**
 * Full-text search over the generated `search` vectors of filings and incidents (migration 0009),
 * the same SQL on PGlite and PostgreSQL.
 *
 * `q` is read by `websearch_to_tsquery` (quotes, `or`, `-word`, never a syntax error). That
 * function ignores `*`, so the last word, when it is a plain word being typed, is also taken as a
 * prefix (`ransom` finds "ransomware") with `to_tsquery('english', 'word:*')`; the word is
 * letters and digits only, so it cannot carry tsquery syntax.
 */

/** Longest text kept for search per row: to_tsvector refuses more than 1 MB, and ts_headline re-reads the whole text. */
export const SEARCH_TEXT_MAX = 60_000;

const LAST_WORD = /(^|\s)([\p{L}\p{N}]+)\s*$/u;
const TRAILING_OR = /(^|\s)or\s*$/i;

/** The parts of `q` the query is built from; exported for tests. */
export function parseSearch(q: string): { rest: string; prefix: string | null; or: boolean } {
  const text = q.trim();
  const m = LAST_WORD.exec(text);
  // Inside an open quote the word is part of a phrase; `or` is an operator, not a word.
  const quotes = (text.match(/"/g) ?? []).length;
  if (!m || quotes % 2 === 1 || m[2]!.toLowerCase() === 'or') return { rest: text, prefix: null, or: false };
  let rest = text.slice(0, m.index).trim();
  const or = TRAILING_OR.test(rest);
  if (or) rest = rest.replace(TRAILING_OR, '').trim();
  return { rest, prefix: m[2]!, or };
}

/** The tsquery for a user's `q` (non-empty after trimming). */
export function searchQuery(q: string): SQL {
  const { rest, prefix, or } = parseSearch(q);
  if (prefix === null) return sql`websearch_to_tsquery('english', ${rest})`;
  const last = sql`to_tsquery('english', ${`${prefix}:*`})`;
  // An empty side (nothing before, or only stop words) drops out of && and ||.
  return or ? sql`(websearch_to_tsquery('english', ${rest}) || ${last})` : sql`(websearch_to_tsquery('english', ${rest}) && ${last})`;
}

/** `q` as a search, or undefined when it is absent or blank (no filter). */
export function normalizeSearch(q: string | undefined): string | undefined {
  const trimmed = q?.trim();
  return trimmed ? trimmed : undefined;
}

export function rankOf(vector: SQL | unknown, query: SQL): SQL<number> {
  return sql<number>`ts_rank(${vector}, ${query})`.mapWith(Number);
}

/** Markers around the matched words in a snippet. */
export const SNIPPET_START = '<mark>';
export const SNIPPET_STOP = '</mark>';

/**
 * A snippet of `document` around the matches, as HTML safe to insert into a page: the text is
 * HTML-escaped before ts_headline reads it, so the only markup in the result is the <mark>
 * markers (ts_headline returns the text as it is, markup included). The default parser reads
 * `&lt;` as one token, so a fragment never cuts an entity in half.
 */
export function escapedHeadline(document: SQL | unknown, query: SQL): SQL<string | null> {
  const escaped = sql`replace(replace(replace(replace(replace(${document}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;
  return sql<string | null>`case when ${document} is null then null else ts_headline('english', ${escaped}, ${query}, ${HEADLINE_OPTIONS}) end`;
}

const HEADLINE_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The text a search reads of a filing or incident: each distinct sentence once, in order,
 * cut at SEARCH_TEXT_MAX. Control characters (which XML and HTML consumers reject) become spaces.
 */
export function searchDocument(parts: Iterable<string | null | undefined>): string | null {
  const seen = new Set<string>();
  for (const part of parts) {
    // eslint-disable-next-line no-control-regex
    const text = part?.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ').trim();
    if (text) seen.add(text);
  }
  if (seen.size === 0) return null;
  const joined = [...seen].join('\n');
  return joined.length > SEARCH_TEXT_MAX ? joined.slice(0, SEARCH_TEXT_MAX) : joined;
}

/** A filing's search text from its analysis. */
export function filingSearchText(analysis: { statements: Array<{ text: string }>; evidence: Record<string, string> }, item105Text: string | null): string | null {
  return searchDocument([item105Text, ...analysis.statements.map((s) => s.text), ...Object.values(analysis.evidence)]);
}
