// EDGAR's daily index (EDGAR.md §2): `Archives/edgar/daily-index/YYYY/QTRn/form.YYYYMMDD.idx`, one
// fixed-width line per filer of every filing disseminated that day. Backfill walks it day by day
// and the nightly reconciliation compares it with what the feed delivered.
//
// The file is read by column position (0 / 12 / 74 / 86 / 98), never split on whitespace: form
// names contain spaces ("1-A POS", "SC 13G/A"…). The data starts after the dashed line, whatever
// the number of header lines. A day with no index (weekend, holiday, or not built yet) answers
// 403 AccessDenied, which the client reports as `edgar.not_found`. Its days are EDGAR business
// days (src/calendar/).

import { assertIsoDate } from '../calendar/index.ts';
import { AppError } from '../errors.ts';
import { EdgarError, type EdgarClient } from './client.ts';
import type { HttpCacheRepository } from '../../db/repositories/http-cache.ts';
import { getIfChanged } from './conditional-get.ts';
import { padCik } from './urls.ts';

export interface DailyIndexEntry {
  form: string;
  company: string;
  /** 10 digits. */
  cik: string;
  /** YYYY-MM-DD, as the index states it (late disseminations keep an earlier date). */
  filedAt: string;
  accessionNumber: string;
  /** `edgar/data/1404123/0001564590-20-011604.txt`, relative to Archives. */
  path: string;
}

export interface ParsedDailyIndex {
  /** One per accession number, in file order. */
  entries: DailyIndexEntry[];
  /** Data lines that could not be read, with the reason (never silently dropped). */
  problems: string[];
}

export class DailyIndexError extends AppError {
  constructor(message: string) {
    super('edgar.bad_daily_index', message, { statusCode: 502 });
  }
}

// ---- URL and parser ----------------------------------------------------------------------------

export type DailyIndexKind = 'form' | 'company' | 'master';

/** `{www}/Archives/edgar/daily-index/2024/QTR1/form.20240222.idx` for `2024-02-22`. */
export function dailyIndexUrl(wwwBase: string, date: string, kind: DailyIndexKind = 'form'): string {
  assertIsoDate(date);
  const [year, month, day] = date.split('-') as [string, string, string];
  const quarter = Math.floor((Number(month) - 1) / 3) + 1;
  return `${wwwBase}/Archives/edgar/daily-index/${year}/QTR${quarter}/${kind}.${year}${month}${day}.idx`;
}

const COLUMNS = { form: 0, company: 12, cik: 74, date: 86, file: 98 } as const;
const FILE_RE = /^edgar\/data\/\d+\/(\d{10}-\d{2}-\d{6})\.txt$/;
const DASHES = /^-{20,}\s*$/;

function filedDate(raw: string): string | undefined {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(raw) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  return compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : undefined;
}

/**
 * Parses a daily `form.YYYYMMDD.idx`. Throws when the text has no dashed line (an error page or a
 * truncated body would otherwise read as "no filings that day").
 */
export function parseFormIndex(text: string): ParsedDailyIndex {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const dashed = lines.findIndex((l) => DASHES.test(l));
  if (dashed < 0) throw new DailyIndexError('not a daily form index: no dashed line before the data');
  const byAccession = new Map<string, DailyIndexEntry>();
  const problems: string[] = [];
  for (const [i, line] of lines.slice(dashed + 1).entries()) {
    if (line.trim() === '') continue;
    const cell = (start: number, end?: number): string => line.slice(start, end).trim();
    const form = cell(COLUMNS.form, COLUMNS.company);
    const company = cell(COLUMNS.company, COLUMNS.cik);
    const cik = cell(COLUMNS.cik, COLUMNS.date);
    const date = filedDate(cell(COLUMNS.date, COLUMNS.file));
    const path = cell(COLUMNS.file);
    const accession = FILE_RE.exec(path)?.[1];
    if (!form || !/^\d{1,10}$/.test(cik) || !date || !accession) {
      problems.push(`line ${dashed + 2 + i}: not a form-index row: ${JSON.stringify(line.slice(0, 160))}`);
      continue;
    }
    // One line per filer of a multi-filer 8-K. The first line (in company-name order, not
    // necessarily the main filer) names it; its Archives folder exists under every filer's CIK.
    if (!byAccession.has(accession)) byAccession.set(accession, { form, company, cik: padCik(cik), filedAt: date, accessionNumber: accession, path });
  }
  return { entries: [...byAccession.values()], problems };
}

export interface DailyIndex extends ParsedDailyIndex {
  date: string;
  url: string;
  /** False when EDGAR has no index for the day (weekend, holiday, not built yet): no filings. */
  exists: boolean;
  /** True when the index answered 304: read and processed before, nothing new (no entries given). */
  unchanged?: boolean;
  /** Keeps the index's validators; call it once its filings are stored. */
  remember?: () => Promise<void>;
}

/**
 * Fetches and parses one day's form index; a missing day is an empty index, not an error. With a
 * cache of validators, a day read and processed before costs a 304 and no work.
 */
export async function fetchDailyIndex(
  edgar: EdgarClient,
  date: string,
  options: { signal?: AbortSignal; cache?: HttpCacheRepository } = {},
): Promise<DailyIndex> {
  const url = dailyIndexUrl(edgar.baseUrls.www, date);
  let body: Buffer;
  let remember: (() => Promise<void>) | undefined;
  try {
    if (options.cache) {
      const result = await getIfChanged(edgar, options.cache, url, options.signal);
      if (!result.changed) return { date, url, exists: true, unchanged: true, entries: [], problems: [] };
      body = result.response.body;
      remember = result.remember;
    } else {
      body = (await edgar.get(url, { signal: options.signal })).body;
    }
  } catch (err) {
    if (err instanceof EdgarError && err.code === 'edgar.not_found') return { date, url, exists: false, entries: [], problems: [] };
    throw err;
  }
  try {
    // Company names are Latin-1, like every EDGAR index.
    return { date, url, exists: true, remember, ...parseFormIndex(body.toString('latin1')) };
  } catch (err) {
    if (err instanceof DailyIndexError) throw new DailyIndexError(`${err.message}: ${url}`);
    throw err;
  }
}
