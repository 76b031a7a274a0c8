import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../errors.ts';
import { isAccessionNumber } from './urls.ts';

/** One filing as announced by the getcurrent Atom feed (after merging its per-role entries). */
export interface FeedFiling {
  accessionNumber: string;
  form: string;
  companyName: string;
  /** 10 digits. */
  cik: string;
  role: string;
  filedAt: string;
  /** UTC ISO instant. */
  acceptedAt: string;
  items: string[];
  indexUrl: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Without this, CIK 0000320193 becomes 320193 and "1.05" a float.
  parseTagValue: false,
  isArray: (name) => name === 'entry' || name === 'link',
});

const TITLE_RE = /^(.+?) - (.+) \((\d{10})\) \(([^)]+)\)\s*$/;
const ITEM_RE = /Item\s+(\d{1,2}\.\d{2})\b/g;

export class FeedError extends AppError {
  constructor(message: string) {
    super('edgar.bad_feed', message, { statusCode: 502 });
  }
}

/**
 * Parses a getcurrent Atom page into filings, newest first, one per accession number: EDGAR writes
 * one entry per filer role, and the filer's entry is preferred as the filing's company.
 */
export function parseCurrentFeed(xml: string): { filings: FeedFiling[]; problems: string[] } {
  // The parser is lenient: a page cut off mid-way would parse as a shorter feed and lose entries.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new FeedError(`the EDGAR feed is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (err) {
    throw new FeedError(`the EDGAR feed is not valid XML: ${(err as Error).message}`);
  }
  const feed = (doc as { feed?: { entry?: unknown[] } }).feed;
  if (!feed || typeof feed !== 'object') throw new FeedError('the EDGAR feed has no <feed> element');
  const entries = feed.entry ?? [];
  const byAccession = new Map<string, FeedFiling>();
  // One odd entry must not hide the rest of the page: it is reported and skipped.
  const problems: string[] = [];
  for (const raw of entries) {
    let filing: FeedFiling;
    try {
      filing = parseEntry(raw as Record<string, unknown>);
    } catch (err) {
      if (!(err instanceof FeedError)) throw err;
      problems.push(err.message);
      continue;
    }
    const seen = byAccession.get(filing.accessionNumber);
    if (!seen || (seen.role !== 'Filer' && filing.role === 'Filer')) byAccession.set(filing.accessionNumber, filing);
  }
  return { filings: [...byAccession.values()], problems };
}

function parseEntry(entry: Record<string, unknown>): FeedFiling {
  const title = text(entry.title);
  const id = text(entry.id);
  const summary = text(entry.summary);
  const updated = text(entry.updated);
  const category = entry.category as Record<string, string> | undefined;
  const links = (entry.link as Array<Record<string, string>> | undefined) ?? [];

  const accession = /accession-number=(\d{10}-\d{2}-\d{6})/.exec(id)?.[1];
  if (!accession || !isAccessionNumber(accession)) throw new FeedError(`feed entry has no accession number in <id>: "${id}"`);
  const titleMatch = TITLE_RE.exec(title);
  if (!titleMatch) throw new FeedError(`feed entry ${accession} has an unexpected title: "${title}"`);
  const [, titleForm, companyName, cik, role] = titleMatch as unknown as [string, string, string, string, string];
  const acceptedMs = Date.parse(updated);
  if (Number.isNaN(acceptedMs)) throw new FeedError(`feed entry ${accession} has an invalid <updated>: "${updated}"`);
  const filedAt = /Filed:<\/b>\s*(\d{4}-\d{2}-\d{2})/.exec(summary)?.[1] ?? updated.slice(0, 10);

  return {
    accessionNumber: accession,
    form: category?.['@_term'] ?? titleForm,
    companyName,
    cik,
    role,
    filedAt,
    acceptedAt: new Date(acceptedMs).toISOString().replace('.000Z', 'Z'),
    items: [...new Set([...summary.matchAll(ITEM_RE)].map((m) => m[1] as string))],
    indexUrl: links[0]?.['@_href'] ?? '',
  };
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '#text' in value) return String((value as { '#text': unknown })['#text']);
  return '';
}
