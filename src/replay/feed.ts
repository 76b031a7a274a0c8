// The getcurrent Atom feed, written the way EDGAR writes it (EDGAR.md §1). The saved real pages in
// the shared corpus are the reference: test/replay/feed-real.test.ts re-writes every real entry
// from its data and compares the text byte for byte.
//
// Pure functions: the server decides which entries to show; this module only formats them.

import { filingUrls } from '../edgar/urls.ts';
import { toEasternIso, toFeedTitleDate } from '../calendar/index.ts';

export interface FeedItem {
  code: string;
  title: string;
}

export interface FeedEntryData {
  form: string;
  /** The party's conformed name. */
  name: string;
  /** The party's CIK, 10 digits. */
  cik: string;
  /** Filer, Subject, Filed by, Reporting or Issuer. */
  role: string;
  accession: string;
  /** YYYY-MM-DD */
  filedDate: string;
  /** Size of the complete submission in bytes. */
  sizeBytes: number;
  items: FeedItem[];
  /** Acceptance instant, epoch ms (written in US Eastern time with its offset). */
  acceptedAt: number;
}

/** Where the entry links point: EDGAR writes absolute sec.gov URLs; the replay server its own. */
export const SEC_WWW = 'https://www.sec.gov';

const KB = 1024;
const MB = 1024 * 1024;

/**
 * EDGAR prints sizes as a whole number of KB or MB ("28 KB", "24 MB"). The saved pages show KB up
 * to 774 and MB from 1, so the unit switches at 1 MB; whether EDGAR rounds or truncates cannot be
 * told from them (no byte counts to compare), so this rounds to nearest [inferred].
 */
export function formatFeedSize(bytes: number): string {
  const kb = Math.max(1, Math.round(bytes / KB));
  if (kb < 1024) return `${kb} KB`;
  return `${Math.max(1, Math.round(bytes / MB))} MB`;
}

/** "28 KB" → a byte count that formats back to the same text. */
export function parseFeedSize(text: string): number {
  const m = /^(\d+) (KB|MB)$/.exec(text.trim());
  if (!m) throw new Error(`not an EDGAR feed size: ${JSON.stringify(text)}`);
  return Number(m[1]) * (m[2] === 'MB' ? MB : KB);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One `<entry>…</entry>` block, without a trailing newline. */
export function writeFeedEntry(entry: FeedEntryData, base: string = SEC_WWW): string {
  // The summary is an HTML fragment carried as escaped text: build the HTML, then escape it.
  let html = ` <b>Filed:</b> ${entry.filedDate} <b>AccNo:</b> ${entry.accession} <b>Size:</b> ${formatFeedSize(entry.sizeBytes)}\n`;
  for (const item of entry.items) html += `<br>Item ${item.code}: ${escapeXml(item.title)}\n`;
  return [
    '<entry>',
    `<title>${escapeXml(entry.form)} - ${escapeXml(entry.name)} (${entry.cik}) (${entry.role})</title>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(filingUrls(base, entry.cik, entry.accession).index)}"/>`,
    '<summary type="html">',
    `${escapeXml(html)}</summary>`,
    `<updated>${toEasternIso(entry.acceptedAt)}</updated>`,
    `<category scheme="https://www.sec.gov/" label="form type" term="${escapeXml(entry.form)}"/>`,
    `<id>urn:tag:sec.gov,2008:accession-number=${entry.accession}</id>`,
    '</entry>',
  ].join('\n');
}

/** The feed header down to and including its `<updated>` line. */
export function writeFeedHeader(now: number): string {
  return [
    '<?xml version="1.0" encoding="ISO-8859-1" ?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<title>Latest Filings - ${toFeedTitleDate(now)}</title>`,
    '<link rel="alternate" href="/cgi-bin/browse-edgar?action=getcurrent"/>',
    '<link rel="self" href="/cgi-bin/browse-edgar?action=getcurrent"/>',
    '<id>https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent</id>',
    '<author><name>Webmaster</name><email>webmaster@sec.gov</email></author>',
    `<updated>${toEasternIso(now)}</updated>`,
  ].join('\n');
}

export function writeFeed(now: number, entries: readonly FeedEntryData[], base: string = SEC_WWW): string {
  const parts = [writeFeedHeader(now), ...entries.map((e) => writeFeedEntry(e, base)), '</feed>'];
  return `${parts.join('\n')}\n`;
}

/**
 * The feed declares ISO-8859-1, so it is sent as latin1 bytes; characters outside latin1 become
 * numeric character references, which any XML parser reads back.
 */
export function encodeLatin1Xml(text: string): Buffer {
  return Buffer.from(text.replace(/[^\u0000-\u00ff]/gu, (c) => `&#${c.codePointAt(0)};`), 'latin1');
}

// ---- query parameters ------------------------------------------------------------------------

export interface FeedQuery {
  count: number;
  start: number;
  /** Upper-cased form-type prefix; '' matches every form. */
  type: string;
  atom: boolean;
}

/** The `count` values EDGAR accepts (EDGAR.md §1); 100 is the maximum. */
export const FEED_COUNTS = [10, 20, 40, 80, 100] as const;
/** getcurrent's default page size [MEM]. */
export const DEFAULT_FEED_COUNT = 40;
/** Pages worked up to start=5000; start=5100 answered 503 [REAL]. */
export const FEED_MAX_START = 5000;

/** Other counts snap down to the nearest accepted value (edgartools clamps the same way). */
export function normalizeCount(raw: string | null): number {
  const n = Number.parseInt(raw ?? '', 10);
  if (!Number.isFinite(n)) return DEFAULT_FEED_COUNT;
  let chosen: number = FEED_COUNTS[0];
  for (const c of FEED_COUNTS) if (n >= c) chosen = c;
  return chosen;
}

export function parseFeedQuery(params: URLSearchParams): FeedQuery {
  const start = Number.parseInt(params.get('start') ?? '0', 10);
  return {
    count: normalizeCount(params.get('count')),
    start: Number.isFinite(start) && start > 0 ? start : 0,
    type: (params.get('type') ?? '').trim().toUpperCase(),
    atom: (params.get('output') ?? '').toLowerCase() === 'atom',
  };
}

/** `type=` is a prefix match on the form type [REAL: type=4 returned 424B2, 497K…]. */
export function matchesType(form: string, type: string): boolean {
  return type === '' || form.toUpperCase().startsWith(type);
}
