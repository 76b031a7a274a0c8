// Builds the replay server's corpus (test/fixtures/replay/) from the committed real corpus
// (test/fixtures/corpus/). Run: npx tsx scripts/build-replay-corpus.ts
//
// - Original complete submissions are not copied: corpus.json lists them (paths relative to the
//   replay folder) and the server reads them in place.
// - Filings that exist only as text — a rendering of the Item 1.05 section, or the original iXBRL
//   primary document — get a complete-submission envelope built around the real text: an SGML
//   header from their SOURCES.tsv row (CIK, company, form, items, dates, accession) and one
//   <DOCUMENT>. Such files are named `<accession>.built.txt` and their header carries a
//   `<CYBER8K-BUILT>` line saying what was built, from which file, and which values are invented or
//   estimated. The SGML stays parseable: the marker is an ordinary `<TAG>value` header line.
// - Like EDGAR's, a built header names the company's SIC code (`STANDARD INDUSTRIAL
//   CLASSIFICATION:\t[3576]`, without the title, which no committable file states) and state of
//   incorporation where the SEC Financial Statement data-set rows of the corpus state them
//   (data-set-companies.ts, the data companies.built.json is built from), so a sector filter matches
//   a company's first filing rather than only after its profile is fetched. The marker says so.
// - Periodic reports that exist only as their Item 1C `cyd:` facts (SEC data-set rows,
//   `*-cyd-facts.ndjson`) get a built inline-XBRL 10-K/20-F document holding those real text blocks
//   under an "Item 1C. Cybersecurity" heading, so the monitor's periodic-report path runs too.
// - timeline.json releases UnitedHealth's Item 1.05 8-K and Costco's plain Item 8.01 8-K within the
//   first 12 seconds and the rest in acceptance order over about four minutes.
//
// Output is deterministic: running the script twice leaves the folder unchanged.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isCompleteSubmission, readFiling, type ReplayFiling } from '../src/replay/corpus.ts';
import { escapeXml } from '../src/replay/feed.ts';
import { itemTitle } from '../src/replay/items.ts';
import { dataSetCompanies, readDataSetCompanyRows, type DataSetCompany } from './data-set-companies.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_SOURCE_DIR = path.join(ROOT, 'test/fixtures/corpus');
const DEFAULT_OUT_DIR = path.join(ROOT, 'test/fixtures/replay');

interface SourceRow {
  file: string;
  company: string;
  form: string;
  items: string;
  filingDate: string;
  accession: string;
  note: string;
}

/**
 * Values SOURCES.tsv does not give, with the reason. Each is named in the built file's marker.
 */
const OVERRIDES: Readonly<Record<string, { filingDate?: string; cik?: string; why: string }>> = {
  // Prudential's 8-K/A: the row has no filing date. Interpolating Donnelley's (0001193125) 2024
  // accession sequence between 24-033753 (2024-02-13) and 24-152391 (2024-06-03) puts 24-040749
  // about a week after the original 8-K.
  '0001193125-24-040749': { filingDate: '2024-02-20', why: 'filing date estimated from the accession sequence' },
  // Oshkosh's earnings 8-K: the row has no filing date and no cik=. The rendering says the news
  // release was issued on its reporting date, 2024-01-30; the CIK is Oshkosh Corp's as remembered,
  // not confirmed from a corpus file.
  '0000950170-24-008537': { filingDate: '2024-01-30', cik: '0000775158', why: 'filing date taken from reporting_for; CIK from memory, unconfirmed' },
};

/** Released at the start of a replay (offset 0), so the feed is not empty when a monitor starts. */
const AT_START = ['0001045810-26-000024', '0000943374-24-000509'];
/** Released first: UnitedHealth's Item 1.05 8-K, then a plain (non-cyber) Item 8.01 8-K. */
const EARLY: ReadonlyArray<readonly [string, number]> = [
  ['0000731766-24-000045', 5],
  ['0000909832-25-000105', 12],
];
const REST_FROM = 20;
const REST_STEP = 7;

function readSources(sourceDir: string): SourceRow[] {
  const lines = readFileSync(path.join(sourceDir, 'SOURCES.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split('\t');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`SOURCES.tsv has no ${name} column`);
    return i;
  };
  const c = { file: col('file'), company: col('company'), form: col('form'), items: col('items'), date: col('filing_date'), acc: col('accession'), note: col('note') };
  return lines.map((line) => {
    const f = line.split('\t');
    return { file: f[c.file] ?? '', company: f[c.company] ?? '', form: f[c.form] ?? '', items: f[c.items] ?? '', filingDate: f[c.date] ?? '', accession: f[c.acc] ?? '', note: f[c.note] ?? '' };
  });
}

const isIxbrl = (row: SourceRow): boolean => /-ixbrl\.htm$/.test(row.file);
const isRendering = (row: SourceRow): boolean => /\.txt$/.test(row.file);
const isCydFacts = (row: SourceRow): boolean => /-cyd-facts\.ndjson$/.test(row.file);
const readSource = (sourceDir: string, row: SourceRow): Buffer => readFileSync(path.join(sourceDir, row.file));

/** "1.05,7.01 (…)" → ["1.05", "7.01"]; text in parentheses is commentary. */
function parseItems(text: string): string[] {
  return [...(text.split('(')[0] ?? '').matchAll(/\b\d\.\d{2}\b/g)].map((m) => m[0]);
}

function dei(html: string, name: string): string | undefined {
  const m = new RegExp(`name="dei:${name}"[^>]*>([^<]*)<`).exec(html);
  return m?.[1]?.trim() || undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function isoFromText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = /^([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})$/.exec(text);
  const month = m ? MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1 : 0;
  return m && month > 0 ? `${m[3]}-${String(month).padStart(2, '0')}-${(m[2] ?? '').padStart(2, '0')}` : undefined;
}

const compact = (iso: string): string => iso.replace(/-/g, '');

/** Renderings are UTF-8 text; EDGAR documents are ASCII with character references. */
function htmlText(text: string): string {
  return escapeXml(text).replace(/[^\x20-\x7e\n]/gu, (ch) => `&#${ch.codePointAt(0)};`);
}

function renderingDocument(sourceDir: string, row: SourceRow, company: string, form: string): string {
  // Renderings are whitespace-collapsed; runs of 2+ spaces or newlines mark the paragraph breaks.
  const paragraphs = readSource(sourceDir, row).toString('utf8').split(/\s{2,}|\n+/).map((p) => p.trim()).filter(Boolean);
  return [
    '<html>',
    `<head><title>${htmlText(form)} ${htmlText(company)}</title></head>`,
    `<!-- cyber8k: built document. The text is a rendering of this filing's Item 1.05 section from ${row.file} (see its SOURCES.tsv row), not the original EDGAR document. -->`,
    '<body>',
    ...paragraphs.map((p) => `<p>${htmlText(p)}</p>`),
    '</body>',
    '</html>',
  ].join('\n');
}

interface Built {
  accession: string;
  text: string;
}

interface Envelope {
  accession: string;
  /** YYYYMMDD */
  filed: string;
  /** SGML ACCEPTANCE-DATETIME, YYYYMMDDhhmmss Eastern. */
  acceptance: string;
  marker: string;
  form: string;
  /** As the header writes it, YYYYMMDD. */
  period: string | undefined;
  /** ITEM INFORMATION values, in order. */
  items: readonly string[];
  company: string;
  /** 10 digits. */
  cik: string;
  /** Four digits, where the data sets state it. */
  sic?: string;
  stateOfIncorporation?: string;
  filename: string;
  documentText: string;
}

/** A one-document complete submission: an SGML header with a `<CYBER8K-BUILT>` line, then the document. */
function writeEnvelope(e: Envelope): Built {
  const header = [
    `<SEC-DOCUMENT>${e.accession}.txt : ${e.filed}`,
    `<SEC-HEADER>${e.accession}.hdr.sgml : ${e.filed}`,
    `<ACCEPTANCE-DATETIME>${e.acceptance}`,
    `<CYBER8K-BUILT>${e.marker}`,
    `ACCESSION NUMBER:\t\t${e.accession}`,
    `CONFORMED SUBMISSION TYPE:\t${e.form}`,
    'PUBLIC DOCUMENT COUNT:\t\t1',
    ...(e.period ? [`CONFORMED PERIOD OF REPORT:\t${e.period}`] : []),
    ...e.items.map((item) => `ITEM INFORMATION:\t\t${item}`),
    `FILED AS OF DATE:\t\t${e.filed}`,
    '',
    'FILER:',
    '',
    '\tCOMPANY DATA:\t',
    `\t\tCOMPANY CONFORMED NAME:\t\t\t${e.company}`,
    `\t\tCENTRAL INDEX KEY:\t\t\t${e.cik}`,
    ...(e.sic ? [`\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t[${e.sic}]`] : []),
    ...(e.stateOfIncorporation ? [`\t\tSTATE OF INCORPORATION:\t\t\t${e.stateOfIncorporation}`] : []),
    '',
    '\tFILING VALUES:',
    `\t\tFORM TYPE:\t\t${e.form}`,
    '\t\tSEC ACT:\t\t1934 Act',
    '</SEC-HEADER>',
  ];
  const document = ['<DOCUMENT>', `<TYPE>${e.form}`, '<SEQUENCE>1', `<FILENAME>${e.filename}`, `<DESCRIPTION>${e.form}`, '<TEXT>', e.documentText, '</TEXT>', '</DOCUMENT>'];
  return { accession: e.accession, text: `${[...header, ...document, '</SEC-DOCUMENT>'].join('\n')}\n` };
}

interface CydFilingRow {
  cik: string;
  sic?: string;
  stprinc?: string;
  name: string;
  form: string;
  period?: string;
  filed: string;
  /** `2025-09-30 21:25:00.0`, US Eastern like the SGML header. */
  accepted?: string;
}

/** The SIC code and state of incorporation a built header adds, and the marker clause saying from where. */
function companyFacts(c: DataSetCompany | undefined): { sic?: string; stateOfIncorporation?: string; note?: string } {
  const { sic, stateOfIncorporation: state } = c ?? {};
  if (!sic && !state) return {};
  const what = [sic ? `SIC ${sic.value}` : '', state ? `state of incorporation ${state.value}` : ''].filter(Boolean);
  const from = [...new Set([sic?.from, state?.from].filter(Boolean))];
  return {
    sic: sic?.value,
    stateOfIncorporation: state?.value,
    note: `${what.join(' and ')} added from the SEC Financial Statement data-set row${from.length > 1 ? 's' : ''} in ${from.map((f) => `test/fixtures/corpus/${f}`).join(' and ')} (no SIC title: none is stated there)`,
  };
}

/** A periodic report's Item 1C, rebuilt as inline XBRL from the real `cyd:` text blocks of the SEC data sets. */
function buildPeriodicEnvelope(sourceDir: string, accession: string, row: SourceRow): Built | { skip: string } {
  const lines = readSource(sourceDir, row).toString('utf8').split('\n').filter((l) => l.trim() !== '');
  const filing = JSON.parse(lines[0] ?? '{}') as CydFilingRow;
  const facts = lines.slice(1).map((l) => JSON.parse(l) as { tag?: string; value?: string }).filter((f) => f.tag && f.value);
  if (!filing.cik || !filing.filed || facts.length === 0) return { skip: 'no filing row or no facts' };
  const cik = filing.cik.padStart(10, '0');
  const form = filing.form;
  const own = companyFacts({
    sic: filing.sic ? { value: filing.sic, from: row.file } : undefined,
    stateOfIncorporation: filing.stprinc ? { value: filing.stprinc, from: row.file } : undefined,
  });
  const accepted = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(filing.accepted ?? '');
  const acceptance = accepted ? accepted.slice(1).join('') : `${filing.filed}160000`;
  // As in real reports: true/false flags in the hidden header, text blocks in the body.
  const flags = facts.filter((f) => /Flag$/.test(f.tag!)).map((f) => `<ix:nonNumeric contextRef="c-1" name="cyd:${f.tag}">${htmlText(f.value!)}</ix:nonNumeric>`);
  const blocks = facts
    .filter((f) => !/Flag$/.test(f.tag!))
    .map((f) => `<ix:nonNumeric contextRef="c-1" name="cyd:${f.tag}" escape="true">${f.value!.split(/\n+/).map((p) => `<p>${htmlText(p.trim())}</p>`).join('')}</ix:nonNumeric>`);
  const documentText = [
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:cyd="http://xbrl.sec.gov/cyd/2024">',
    `<head><title>${htmlText(form)} ${htmlText(filing.name)}</title></head>`,
    `<!-- cyber8k: built document. Its text is the real cyd: text blocks of this filing (SEC Financial Statement & Notes data sets, ${row.file}); the rest of the report is not included. -->`,
    '<body>',
    `<div style="display:none"><ix:header><ix:hidden>${flags.join('')}</ix:hidden></ix:header></div>`,
    `<p>${htmlText(filing.name)} — Form ${htmlText(form)}</p>`,
    '<p><b>Item 1C. Cybersecurity</b></p>',
    ...blocks,
    '</body>',
    '</html>',
  ].join('\n');
  return writeEnvelope({
    accession,
    filed: filing.filed,
    acceptance,
    marker: `envelope built by cyber8k scripts/build-replay-corpus.ts around ${row.file}, the real cyd: text blocks of this report from SEC data sets; header from its filing row; only Item 1C is included${own.note ? `; ${own.note}` : ''}`,
    form,
    period: filing.period,
    items: [],
    company: filing.name,
    cik,
    sic: own.sic,
    stateOfIncorporation: own.stateOfIncorporation,
    filename: `${path.basename(row.file).replace(/-cyd-facts\.ndjson$/, '')}.htm`,
    documentText,
  });
}

function buildEnvelope(sourceDir: string, accession: string, rows: SourceRow[], companies: ReadonlyMap<string, DataSetCompany>): Built | { skip: string } {
  const ixbrl = rows.find(isIxbrl);
  const rendering = rows.find(isRendering);
  const chosen = ixbrl ?? rendering;
  if (!chosen) return { skip: `no rendering or primary document among ${rows.map((r) => r.file).join(', ')}` };
  const html = ixbrl ? readSource(sourceDir, ixbrl).toString('latin1') : '';
  const override = OVERRIDES[accession];
  const notes = rows.map((r) => r.note).join(' ');

  const cikText = /\bcik=(\d{1,10})\b/.exec(notes)?.[1] ?? /\/edgar\/data\/0*(\d{1,10})\//.exec(notes)?.[1] ?? dei(html, 'EntityCentralIndexKey') ?? override?.cik;
  if (!cikText) return { skip: 'no CIK in SOURCES.tsv, the document or the overrides' };
  const cik = cikText.padStart(10, '0');
  const filingDate = rows.map((r) => r.filingDate).find(Boolean) ?? override?.filingDate;
  if (!filingDate) return { skip: 'no filing date' };
  const form = chosen.form.trim();
  const company = chosen.company.replace(/\s+\([A-Z][A-Z0-9., ]*\)\s*$/, '').trim();
  const period = /(?:period_of_report|reporting_for)=(\d{4}-\d{2}-\d{2})/.exec(notes)?.[1] ?? isoFromText(dei(html, 'DocumentPeriodEndDate'));
  const items = [...new Set(rows.flatMap((r) => parseItems(r.items)))].sort();

  // An invented but plausible acceptance time on the filing date (EDGAR accepts 06:00–22:00 ET),
  // spread by the accession's sequence number so filings of one day do not tie.
  const seqNo = Number(accession.slice(-6));
  const acceptance = `${compact(filingDate)}16${String(seqNo % 60).padStart(2, '0')}${String((seqNo * 7) % 60).padStart(2, '0')}`;

  const what = ixbrl ? 'the original inline-XBRL primary document' : "a rendering of the Item 1.05 section (not the original document)";
  const facts = companyFacts(companies.get(cik));
  const caveats = ['acceptance time invented', override ? override.why : '', facts.note ?? ''].filter(Boolean).join('; ');
  const marker = `envelope built by cyber8k scripts/build-replay-corpus.ts around ${chosen.file}, ${what}; header from test/fixtures/corpus/SOURCES.tsv; ${caveats}`;

  const filename = ixbrl
    ? path.basename(ixbrl.file)
    : /\/edgar\/data\/\d+\/\d{18}\/([\w.-]+\.htm)\b/.exec(chosen.note)?.[1] ?? path.basename(chosen.file).replace(/\.txt$/, '.htm');
  const documentText = ixbrl ? html.replace(/\n?$/, '') : renderingDocument(sourceDir, chosen, company, form);

  return writeEnvelope({
    accession,
    filed: compact(filingDate),
    acceptance,
    marker,
    form,
    period: period ? compact(period) : undefined,
    // As EDGAR writes them: Item 1.05 as a bare <ITEMS> tag, every other item by its title.
    items: items.map((code) => (code === '1.05' ? '<ITEMS>1.05' : itemTitle(code) ?? `<ITEMS>${code}`)),
    company,
    cik,
    sic: facts.sic,
    stateOfIncorporation: facts.stateOfIncorporation,
    filename,
    documentText,
  });
}

/** Builds the replay corpus from `sourceDir` into `outDir`; returns the timeline it wrote. */
export function buildReplayCorpus(opts: { sourceDir?: string; outDir?: string; log?: (line: string) => void } = {}): { accession: string; at: number }[] {
  const sourceDir = opts.sourceDir ?? DEFAULT_SOURCE_DIR;
  const outDir = opts.outDir ?? DEFAULT_OUT_DIR;
  const log = opts.log ?? ((line: string) => console.log(line));
  const rows = readSources(sourceDir);
  const companies = dataSetCompanies(readDataSetCompanyRows(sourceDir));
  const groups = new Map<string, SourceRow[]>();
  for (const row of rows) {
    if (!row.accession) {
      if (isIxbrl(row) || isRendering(row) || /\.htm$/.test(row.file)) log(`skip ${row.file}: no accession number, so no EDGAR address to serve it at`);
      continue;
    }
    groups.set(row.accession, [...(groups.get(row.accession) ?? []), row]);
  }

  mkdirSync(outDir, { recursive: true });
  const include: string[] = [];
  const written = new Set<string>();
  const all: ReplayFiling[] = [];
  for (const [accession, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const original = group.find((r) => r.file.endsWith('.txt') && isCompleteSubmission(readSource(sourceDir, r)));
    if (original) {
      include.push(path.relative(outDir, path.join(sourceDir, original.file)).split(path.sep).join('/'));
      continue;
    }
    const relevant = group.filter((r) => isIxbrl(r) || isRendering(r));
    const periodic = group.find(isCydFacts);
    if (relevant.length === 0 && !periodic) {
      log(`skip ${accession}: only ${group.map((r) => path.basename(r.file)).join(', ')} (not a filing document)`);
      continue;
    }
    const built = relevant.length > 0 ? buildEnvelope(sourceDir, accession, relevant, companies) : buildPeriodicEnvelope(sourceDir, accession, periodic!);
    if ('skip' in built) {
      log(`skip ${accession}: ${built.skip}`);
      continue;
    }
    const file = `${accession}.built.txt`;
    writeFileSync(path.join(outDir, file), built.text, 'latin1');
    all.push(readFiling(path.join(outDir, file))); // must parse like any submission
    written.add(file);
  }
  for (const stale of readdirSync(outDir).filter((f) => f.endsWith('.built.txt') && !written.has(f))) rmSync(path.join(outDir, stale));
  include.sort();
  writeFileSync(path.join(outDir, 'corpus.json'), `${JSON.stringify({ include }, null, 2)}\n`);

  // Timeline: acceptance order for everything not placed explicitly.
  for (const rel of include) all.push(readFiling(path.resolve(outDir, rel)));
  const placed = new Set([...AT_START, ...EARLY.map(([a]) => a)]);
  for (const acc of placed) if (!all.some((f) => f.accession === acc)) throw new Error(`timeline: ${acc} is not in the replay corpus`);
  const rest = all.filter((f) => !placed.has(f.accession)).sort((a, b) => a.acceptedAt - b.acceptedAt || a.accession.localeCompare(b.accession));
  const entries = [
    ...AT_START.map((accession) => ({ accession, at: 0 })),
    ...EARLY.map(([accession, at]) => ({ accession, at })),
    ...rest.map((f, i) => ({ accession: f.accession, at: REST_FROM + i * REST_STEP })),
  ];
  const lines = entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  writeFileSync(path.join(outDir, 'timeline.json'), `{\n  "entries": [\n${lines}\n  ]\n}\n`);
  log(`wrote ${written.size} built envelopes, ${include.length} originals in corpus.json, ${entries.length} timeline entries (last at ${entries.at(-1)?.at}s) to ${path.relative(ROOT, outDir)}`);
  return entries;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) buildReplayCorpus();
