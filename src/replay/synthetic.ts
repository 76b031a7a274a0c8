// Synthetic volume for the replay server. The corpus holds ~35 real filings; ingestion tests need
// "a replayed day of at least 300 filings" and "a replayed month of daily indexes". This module
// derives as many filings as asked from the real ones by re-accessioning them:
//
// - accession numbers under a filer-agent prefix no real filing uses, `0009999999-YY-NNNNNN`,
//   numbered in acceptance order within each year;
// - made-up companies (CIK 0090000001 and up, far above any real CIK) with made-up names, each
//   filing several times over the run;
// - acceptance times spread uniformly over EDGAR's hours, 06:00-22:00 US Eastern (a quarter of
//   them after 17:30), on EDGAR business days from `from` (weekends and federal holidays skipped);
// - form, items and documents carried over from the source filing, about a third of them cyber
//   (Item 1.05) and the rest other 8-Ks, 8-K/As and a 6-K, as the corpus has them;
// - the SGML header rewritten consistently (SEC-DOCUMENT and SEC-HEADER lines, acceptance
//   datetime, accession, filing date, period, company, CIK and filing identifiers; FORMER COMPANY
//   blocks dropped) and marked with a `<CYBER8K-SYNTHETIC>` line naming its source, as built
//   envelopes carry `<CYBER8K-BUILT>`.
//
// The filing date is the Eastern date of acceptance (EDGAR moves some late filings to the next
// business day; the replay does not). Everything follows from the seed: the same options give the
// same bytes. Two options make the fixtures for failure paths: `corrupt` replaces the primary
// document of that many 8-Ks with random binary bytes that no analyzer can read as a filing, and
// `hiddenFromFeed` names 8-Ks the server leaves out of the getcurrent feed while Archives, the
// submissions JSON and the daily index still have them (what reconciliation exists to catch).
//
// Synthetic filings share their source's document bytes: the submission is assembled from the
// rewritten header and the source body when served, so a month of 300 filings a day costs a few
// kilobytes of header each.

import { describeFiling, primaryDocument, type ReplayFiling } from './corpus.ts';
import { addDays, easternToUtcMs, formatAcceptanceDateTime, isBusinessDay } from '../calendar/index.ts';
import { isPartyBlock, parseSubmissionHeader } from './sgml-header.ts';
import { listDocuments } from './submission.ts';
import type { TimelineEntry } from './timeline.ts';

export interface SyntheticOptions {
  /** First day, YYYY-MM-DD; a Saturday or Sunday start moves to the Monday. */
  from: string;
  /** Business days to fill, from `from` on. */
  businessDays: number;
  /** Filings accepted on each of those days. */
  perDay: number;
  /** Same seed, same filings (default 1). */
  seed?: number;
  /** How many 8-Ks get a primary document of random bytes (default 0). */
  corrupt?: number;
  /** How many 8-Ks the getcurrent feed leaves out (default 0). */
  hiddenFromFeed?: number;
}

export interface SyntheticCorpus {
  /** In acceptance order. */
  filings: ReplayFiling[];
  /** The business days filled, YYYY-MM-DD. */
  days: string[];
  /** Accessions by filing date (YYYY-MM-DD). */
  byDay: Map<string, string[]>;
  corrupted: string[];
  hiddenFromFeed: string[];
  /** Release offsets: the first acceptance at 0 s, the others at their distance from it. */
  timeline: TimelineEntry[];
}

/** The accession prefix of every synthetic filing: a filer-agent CIK no real filing carries. */
export const SYNTHETIC_AGENT = '0009999999';
/** Synthetic companies get CIKs from here up (real CIKs are below 3,000,000). */
const FIRST_CIK = 90_000_001;
export const SYNTHETIC_TAG = 'CYBER8K-SYNTHETIC';
/** Share of synthetic filings copied from an Item 1.05 filing; the rest from the other filings. */
const CYBER_SHARE = 1 / 3;
const OPEN_SECONDS = 6 * 3600;
const CLOSE_SECONDS = 22 * 3600;
/** 8-K forms: the ones the feed poller and reconciliation look for, so corruption and hiding matter. */
const isCurrentReport = (form: string): boolean => form === '8-K' || form === '8-K/A';
const isPeriodicReport = (form: string): boolean => /^(10-K|10-Q|20-F|40-F)/.test(form);

// ---- seeded randomness -------------------------------------------------------------------------

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

function shuffled<T>(random: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// ---- days --------------------------------------------------------------------------------------

export function syntheticDays(from: string, count: number): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(Date.parse(`${from}T00:00:00Z`))) {
    throw new Error(`synthetic.from must be a date written YYYY-MM-DD, got ${JSON.stringify(from)}`);
  }
  const days: string[] = [];
  for (let d = from; days.length < count; d = addDays(d, 1)) if (isBusinessDay(d)) days.push(d);
  return days;
}

// ---- companies ---------------------------------------------------------------------------------

const FIRST_WORDS = ['Alder', 'Basalt', 'Cobalt', 'Driftwood', 'Ember', 'Fairhaven', 'Granite', 'Harbor', 'Ironwood', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Northgate', 'Orchard', 'Pinecrest', 'Quarry', 'Redfern', 'Summit', 'Tidewater', 'Upland', 'Vantage', 'Westbrook', 'Yarrow'];
const SECOND_WORDS = ['Analytics', 'Bancorp', 'Biosciences', 'Capital', 'Communications', 'Dynamics', 'Energy', 'Foods', 'Health', 'Industries', 'Logistics', 'Materials', 'Networks', 'Pharmaceuticals', 'Realty', 'Retail', 'Semiconductor', 'Software', 'Systems', 'Technologies'];
const SUFFIXES = ['Inc.', 'Corp', 'Holdings, Inc.', 'Group, Inc.', 'Co', 'Ltd', 'Trust', 'Partners LP'];

interface Company {
  cik: string;
  name: string;
}

/** Distinct names for company numbers 0, 1, 2…; the seed rotates which combinations come first. */
function companyName(n: number, offset: number): string {
  const combos = FIRST_WORDS.length * SECOND_WORDS.length * SUFFIXES.length;
  const k = (n + offset) % combos;
  const first = FIRST_WORDS[k % FIRST_WORDS.length];
  const second = SECOND_WORDS[Math.floor(k / FIRST_WORDS.length) % SECOND_WORDS.length];
  const suffix = SUFFIXES[Math.floor(k / (FIRST_WORDS.length * SECOND_WORDS.length))];
  const round = Math.floor(n / combos);
  return `${first} ${second}${round > 0 ? ` ${round + 1}` : ''} ${suffix}`;
}

// ---- header rewriting --------------------------------------------------------------------------

interface Identity {
  accession: string;
  /** YYYYMMDD */
  filedDate: string;
  acceptedAt: number;
  /** One per party block of the source, in order. */
  parties: Company[];
  marker: string;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `9`-digit stand-ins for identifiers a header carries beside the CIK. */
function derivedNumber(cik: string, salt: number, digits: number): string {
  return pad((Number(cik) * 7919 + salt * 104_729) % 10 ** digits, digits);
}

/**
 * The source header (from `<SEC-DOCUMENT>` through the `</SEC-HEADER>` line) with the synthetic
 * identity written in. Labels and their tab runs are kept; only values change.
 */
export function rewriteHeader(headerText: string, id: Identity): string {
  const out: string[] = [];
  let party = -1;
  let skipping = false;
  for (const line of headerText.split('\n')) {
    if (line.startsWith('<SEC-DOCUMENT>')) {
      out.push(`<SEC-DOCUMENT>${id.accession}.txt : ${id.filedDate}`);
      continue;
    }
    if (line.startsWith('<SEC-HEADER>')) {
      out.push(`<SEC-HEADER>${id.accession}.hdr.sgml : ${id.filedDate}`);
      continue;
    }
    if (line.startsWith('<ACCEPTANCE-DATETIME>')) {
      out.push(`<ACCEPTANCE-DATETIME>${formatAcceptanceDateTime(id.acceptedAt)}`, `<${SYNTHETIC_TAG}>${id.marker}`);
      continue;
    }
    const m = /^(\t*)([^:<\t][^:]*):([ \t]*)(.*)$/.exec(line);
    if (!m) {
      if (!skipping || line.trim() !== '') out.push(line);
      continue;
    }
    const [, tabs = '', label = '', gap = '', value = ''] = m;
    const depth = tabs.length;
    if (depth <= 1) skipping = depth === 1 && label === 'FORMER COMPANY';
    if (skipping) continue;
    const company = id.parties[Math.max(0, party)] ?? id.parties[0];
    const set = (v: string): void => void out.push(`${tabs}${label}:${gap}${v}`);
    if (depth === 0) {
      if (value === '' && isPartyBlock(label)) party++;
      if (label === 'ACCESSION NUMBER') set(id.accession);
      else if (label === 'FILED AS OF DATE' || label === 'DATE AS OF CHANGE' || label === 'CONFORMED PERIOD OF REPORT') set(id.filedDate);
      else out.push(line);
    } else if (depth === 2 && company) {
      if (label === 'COMPANY CONFORMED NAME') set(company.name);
      else if (label === 'CENTRAL INDEX KEY') set(company.cik);
      else if (label === 'IRS NUMBER' || label === 'EIN') set(derivedNumber(company.cik, 1, 9));
      else if (label === 'SEC FILE NUMBER') set(`001-9${derivedNumber(company.cik, 2, 4)}`);
      else if (label === 'FILM NUMBER') set(`9${derivedNumber(company.cik, Number(id.accession.slice(-6)), 8)}`);
      // The address and phone would name the real company the text came from.
      else if (label === 'STREET 1') set(`${Number(derivedNumber(company.cik, 3, 4)) + 1} ${company.name.split(' ')[0] ?? ''} PARKWAY`.toUpperCase());
      else if (label === 'STREET 2') continue;
      else if (label === 'BUSINESS PHONE') set(`555${derivedNumber(company.cik, 4, 7)}`);
      else out.push(line);
    } else {
      out.push(line);
    }
  }
  // Dropped blocks leave their blank separators behind: one blank line at most, none at the end.
  return out
    .filter((l, i, all) => !(l.trim() === '' && (all[i + 1] ?? '').trim() === ''))
    .join('\n')
    .replace(/\n\s*\n(<\/SEC-HEADER>)/, '\n$1');
}

// ---- corruption --------------------------------------------------------------------------------

/** Bytes that cannot be a filing: random binary with NULs, no markup, no uuencode "begin" line. */
function garbage(random: () => number): Buffer {
  const bytes = Buffer.alloc(3000 + Math.floor(random() * 2000));
  for (let i = 0; i < bytes.length; i++) {
    const b = Math.floor(random() * 256);
    // No '<' so the SGML `</TEXT>` end stays the only one; a NUL every 64 bytes whatever the draw.
    bytes[i] = i % 64 === 0 ? 0 : b === 0x3c ? 0x3d : b;
  }
  bytes[bytes.length - 1] = 0x0a;
  return bytes;
}

// ---- the generator -----------------------------------------------------------------------------

interface Planned {
  source: ReplayFiling;
  day: string;
  acceptedAt: number;
  company: number;
}

/** Derives `businessDays × perDay` filings from `sources` (the loaded replay corpus). */
export function generateSyntheticCorpus(sources: readonly ReplayFiling[], options: SyntheticOptions): SyntheticCorpus {
  const { perDay, businessDays } = options;
  if (!Number.isInteger(perDay) || perDay < 0) throw new Error(`synthetic.perDay must be a whole number ≥ 0, got ${perDay}`);
  if (!Number.isInteger(businessDays) || businessDays < 1) throw new Error(`synthetic.businessDays must be a whole number ≥ 1, got ${businessDays}`);
  if (sources.length === 0) throw new Error('synthetic filings need at least one real filing in the replay corpus to copy');
  const seed = options.seed ?? 1;
  const random = createRandom(seed);
  // A synthetic day models the flow of current reports; the corpus's few periodic reports
  // (built from their Item 1C facts) stay as they are.
  const current = sources.filter((f) => !isPeriodicReport(f.form));
  const cyber = current.filter((f) => f.items.includes('1.05'));
  const other = current.filter((f) => !f.items.includes('1.05'));
  const days = syntheticDays(options.from, businessDays);
  const total = perDay * days.length;
  const companies = Math.max(8, Math.ceil(total / 3));
  const nameOffset = Math.floor(random() * 100_000);

  const planned: Planned[] = [];
  for (const day of days) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    for (let i = 0; i < perDay; i++) {
      const pool = other.length === 0 || (cyber.length > 0 && random() < CYBER_SHARE) ? cyber : other;
      const source = pick(random, pool);
      const second = OPEN_SECONDS + Math.floor(random() * (CLOSE_SECONDS - OPEN_SECONDS));
      const acceptedAt = easternToUtcMs(y, m, d, Math.floor(second / 3600), Math.floor(second / 60) % 60, second % 60);
      planned.push({ source, day, acceptedAt, company: Math.floor(random() * companies) });
    }
  }
  // Accession numbers run in acceptance order, as a filer agent's do.
  planned.sort((a, b) => a.acceptedAt - b.acceptedAt);
  const accessions: string[] = [];
  const sequence = new Map<string, number>();
  for (const p of planned) {
    const yy = p.day.slice(2, 4);
    const n = (sequence.get(yy) ?? 0) + 1;
    sequence.set(yy, n);
    accessions.push(`${SYNTHETIC_AGENT}-${yy}-${pad(n, 6)}`);
  }

  const candidates = shuffled(random, planned.map((p, i) => i).filter((i) => isCurrentReport(planned[i]?.source.form ?? '')));
  const wanted = (options.corrupt ?? 0) + (options.hiddenFromFeed ?? 0);
  if (wanted > candidates.length) throw new Error(`synthetic: asked to corrupt or hide ${wanted} 8-Ks but only ${candidates.length} synthetic 8-Ks were made`);
  const corrupt = new Set(candidates.slice(0, options.corrupt ?? 0));
  const hidden = new Set(candidates.slice(options.corrupt ?? 0, wanted));

  const company = (n: number): Company => ({ cik: pad(FIRST_CIK + n, 10), name: companyName(n, nameOffset) });
  const split = new Map<ReplayFiling, { bytes: Buffer; headerText: string; headerEnd: number }>();
  const splitSource = (src: ReplayFiling) => {
    let parts = split.get(src);
    if (!parts) {
      const bytes = src.bytes;
      const head = bytes.toString('latin1', 0, Math.min(bytes.length, 256 * 1024));
      const headerEnd = head.indexOf('\n', head.indexOf('</SEC-HEADER>')) + 1;
      if (headerEnd <= 0) throw new Error(`${src.source}: no </SEC-HEADER> line in the first 256 KB`);
      parts = { bytes, headerText: head.slice(0, headerEnd - 1), headerEnd };
      split.set(src, parts);
    }
    return parts;
  };
  const filings = planned.map((p, i) => {
    const accession = accessions[i] ?? '';
    const src = p.source;
    const { bytes: srcBytes, headerText, headerEnd } = splitSource(src);
    const primary = primaryDocument(src);
    const notes = [
      `synthetic filing made by cyber8k src/replay/synthetic.ts (seed ${seed}) from ${src.accession} (${src.source.split('/').slice(-2).join('/')})`,
      'accession, company, CIK, filing identifiers, dates and acceptance time invented; document text real',
      ...(corrupt.has(i) ? [`primary document ${primary?.filename ?? ''} deliberately replaced with random bytes`] : []),
    ];
    const header = Buffer.from(
      `${rewriteHeader(headerText, {
        accession,
        filedDate: p.day.replace(/-/g, ''),
        acceptedAt: p.acceptedAt,
        parties: src.parties.map((_, k) => company((p.company + k) % companies)),
        marker: notes.join('; '),
      })}\n`,
      'latin1',
    );
    const parsed = parseSubmissionHeader(header.toString('latin1'));
    const label = `synthetic ${accession} from ${src.source}`;
    if (corrupt.has(i) && primary) {
      const bytes = Buffer.concat([header, srcBytes.subarray(headerEnd, primary.textStart), garbage(random), srcBytes.subarray(primary.textEnd)]);
      return describeFiling(label, parsed, { bytes: () => bytes, size: bytes.length, documents: listDocuments(bytes.toString('latin1')), secDocumentDate: undefined });
    }
    // Same body, so every document moves by the difference in header length.
    const shift = header.length - headerEnd;
    const documents = src.documents.map((doc) => ({ ...doc, textStart: doc.textStart + shift, textEnd: doc.textEnd + shift }));
    const body = srcBytes.subarray(headerEnd);
    return describeFiling(label, parsed, { bytes: () => Buffer.concat([header, body]), size: header.length + body.length, documents, secDocumentDate: undefined });
  });

  const byDay = new Map<string, string[]>(days.map((d) => [d, []]));
  for (const f of filings) byDay.get(f.filedDate)?.push(f.accession);
  const first = filings[0]?.acceptedAt ?? 0;
  return {
    filings,
    days,
    byDay,
    corrupted: [...corrupt].sort((a, b) => a - b).map((i) => accessions[i] ?? ''),
    hiddenFromFeed: [...hidden].sort((a, b) => a - b).map((i) => accessions[i] ?? ''),
    timeline: filings.map((f) => ({ accession: f.accession, at: (f.acceptedAt - first) / 1000 })),
  };
}
