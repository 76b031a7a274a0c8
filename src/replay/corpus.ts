// Loads the filings the replay server serves: every complete submission (`.txt` starting with
// `<SEC-DOCUMENT>`) under the corpus folder, plus the files or folders listed in its optional
// `corpus.json` (`{ "include": ["../corpus/raw/item105/unh-….txt"] }`, paths relative to the corpus
// folder) — so the committed replay corpus can serve the original submissions kept in
// test/fixtures/corpus without copying them. Other files (renderings, JSON, notes) are ignored, so
// the loader can also be pointed straight at ../shared/corpus.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAcceptanceDateTime } from '../calendar/index.ts';
import { parseSubmissionHeader, type FeedRole, type SubmissionHeader } from './sgml-header.ts';
import { listDocuments, type SubmissionDocument } from './submission.ts';

/** The committed corpus of real filings the demo (and `cyber8k replay` by default) serves. */
export const DEMO_CORPUS = fileURLToPath(new URL('../../test/fixtures/replay', import.meta.url));

export interface FilingParty {
  role: FeedRole;
  /** 10 digits */
  cik: string;
  name: string;
}

export interface ReplayFiling {
  accession: string;
  form: string;
  /** One per header block, in header order; the feed writes one entry for each. */
  parties: FilingParty[];
  /** The first party's CIK (10 digits) and name. */
  cik: string;
  company: string;
  items: string[];
  /** YYYY-MM-DD */
  filedDate: string;
  /** YYYY-MM-DD, when the header states it. */
  period: string | undefined;
  acceptedAt: number;
  /** Byte size of the complete submission. */
  size: number;
  /** The envelope was built by cyber8k around a rendering or a primary document (`*.built.txt`). */
  built: boolean;
  source: string;
  header: SubmissionHeader;
  documents: SubmissionDocument[];
  /** The date after `<SEC-DOCUMENT>… .txt :`. */
  secDocumentDate: string;
  bytes: Buffer;
}

export interface CorpusFile {
  include?: string[];
}

const isoDate = (yyyymmdd: string): string => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

export function isCompleteSubmission(bytes: Buffer): boolean {
  return bytes.toString('latin1', 0, 14) === '<SEC-DOCUMENT>';
}

/** Reads one complete submission into a ReplayFiling. */
export function readFiling(file: string, bytes: Buffer = readFileSync(file)): ReplayFiling {
  const text = bytes.toString('latin1');
  return describeFiling(file, parseSubmissionHeader(text), {
    bytes: () => bytes,
    size: bytes.length,
    documents: listDocuments(text),
    secDocumentDate: /^<SEC-DOCUMENT>\S+ : (\d{8})/.exec(text)?.[1],
  });
}

/**
 * A ReplayFiling from its parsed header and its documents. `bytes` is asked for on every use, so a
 * filing can assemble its submission on demand instead of keeping a copy (synthetic.ts does, to
 * serve thousands of filings that share a few real documents).
 */
export function describeFiling(
  source: string,
  header: SubmissionHeader,
  body: { bytes: () => Buffer; size: number; documents: SubmissionDocument[]; secDocumentDate: string | undefined },
): ReplayFiling {
  const parties = header.parties
    .filter((p) => /^\d{1,10}$/.test(p.cik))
    .map((p) => ({ role: p.role, cik: p.cik.padStart(10, '0'), name: p.name }));
  const first = parties[0];
  if (!first) throw new Error(`${source}: the header names no party with a CIK`);
  return {
    accession: header.accession,
    form: header.form,
    parties,
    cik: first.cik,
    company: first.name,
    items: header.items,
    filedDate: isoDate(header.filedDate),
    period: header.period ? isoDate(header.period) : undefined,
    acceptedAt: parseAcceptanceDateTime(header.acceptanceDateTime),
    size: body.size,
    built: /\.built\.txt$/.test(source) || header.tags.some((t) => t.label === 'CYBER8K-BUILT'),
    source,
    header,
    documents: body.documents,
    secDocumentDate: body.secDocumentDate ?? header.filedDate,
    get bytes() {
      return body.bytes();
    },
  };
}

/** The filing's primary document: the one typed as its form, else the first. */
export function primaryDocument(filing: ReplayFiling): SubmissionDocument | undefined {
  return filing.documents.find((d) => d.type === filing.form) ?? filing.documents[0];
}

function walk(target: string, out: string[]): void {
  const st = statSync(target);
  if (st.isFile()) {
    out.push(target);
    return;
  }
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && entry.name.endsWith('.txt')) out.push(full);
  }
}

export interface LoadedCorpus {
  dir: string;
  filings: ReplayFiling[];
  byAccession: Map<string, ReplayFiling>;
}

/**
 * Loads every complete submission under `dir` and in its `corpus.json` includes. When the same
 * accession appears twice, an original submission wins over a built envelope.
 */
export function loadCorpus(dir: string, log: (msg: string) => void = () => {}): LoadedCorpus {
  const root = path.resolve(dir);
  if (!existsSync(root)) throw new Error(`replay corpus not found: ${root}`);
  const files: string[] = [];
  walk(root, files);
  const manifest = path.join(root, 'corpus.json');
  if (existsSync(manifest)) {
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as CorpusFile;
    for (const rel of parsed.include ?? []) {
      const target = path.resolve(root, rel);
      if (!existsSync(target)) throw new Error(`${manifest}: included path not found: ${rel}`);
      walk(target, files);
    }
  }

  const byAccession = new Map<string, ReplayFiling>();
  let skipped = 0;
  for (const file of new Set(files)) {
    const bytes = readFileSync(file);
    if (!isCompleteSubmission(bytes)) {
      skipped++;
      continue;
    }
    const filing = readFiling(file, bytes);
    const existing = byAccession.get(filing.accession);
    if (existing && (filing.built || !existing.built)) continue;
    byAccession.set(filing.accession, filing);
  }
  const filings = [...byAccession.values()].sort((a, b) => a.acceptedAt - b.acceptedAt || a.accession.localeCompare(b.accession));
  const built = filings.filter((f) => f.built).length;
  log(`replay corpus ${root}: ${filings.length} filings (${filings.length - built} original, ${built} built envelopes); ${skipped} other .txt files ignored`);
  return { dir: root, filings, byAccession };
}
