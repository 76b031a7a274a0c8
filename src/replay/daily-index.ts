// Daily index files (`Archives/edgar/daily-index/YYYY/QTRn/{form,company,master}.YYYYMMDD.idx`),
// which backfill and the nightly reconciliation read (EDGAR.md §2). Written from the released
// filings of that date, one line per party as EDGAR does.
//
// form/company follow the real files in the shared corpus exactly: four header lines, four lines of
// a single space, the column header (company.idx breaks it over two lines), a dashed line, then
// fixed-width rows 150 characters wide — form 12, company 62 (names cut at 60), CIK 12, date 12,
// file name 52 — sorted by form then company (form.idx) or company then form (company.idx), in
// byte order. master.idx is pipe-delimited; its header is assumed to match the others [MEM].

export interface DailyIndexRow {
  form: string;
  company: string;
  /** Without leading zeros. */
  cik: string;
  /** YYYYMMDD */
  dateFiled: string;
  /** `edgar/data/{cik}/{accession}.txt` */
  file: string;
}

export type DailyIndexKind = 'form' | 'company' | 'master';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DESCRIPTIONS: Readonly<Record<DailyIndexKind, string>> = {
  form: 'Daily Index of EDGAR Dissemination Feed by Form Type',
  company: 'Daily Index of EDGAR Dissemination Feed by Company Name',
  master: 'Daily Index of EDGAR Dissemination Feed',
};

const cell = (text: string, width: number, cut = width): string => text.slice(0, cut).padEnd(width);
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// Rows can carry other dates (SEC staff letters released late keep their own date): date, then file.
const tieBreak = (a: DailyIndexRow, b: DailyIndexRow): number => byteOrder(a.cik, b.cik) || byteOrder(a.dateFiled, b.dateFiled) || byteOrder(a.file, b.file);

/** `Oct  3, 2022`: abbreviated month, space-padded day. */
function lastDataReceived(yyyymmdd: string): string {
  const month = MONTHS[Number(yyyymmdd.slice(4, 6)) - 1] ?? '';
  return `${month} ${String(Number(yyyymmdd.slice(6, 8))).padStart(2, ' ')}, ${yyyymmdd.slice(0, 4)}`;
}

export function writeDailyIndex(kind: DailyIndexKind, date: string, rows: readonly DailyIndexRow[]): string {
  const lines = [
    `Description:           ${DESCRIPTIONS[kind]}`,
    `Last Data Received:    ${lastDataReceived(date)}`,
    'Comments:              webmaster@sec.gov',
    'Anonymous FTP:         ftp://ftp.sec.gov/edgar/',
    ' ',
    ' ',
    ' ',
    ' ',
  ];
  const sorted = [...rows];
  if (kind === 'form') {
    lines.push('Form Type   Company Name                                                  CIK         Date Filed  File Name', '-'.repeat(141));
    sorted.sort((a, b) => byteOrder(a.form, b.form) || byteOrder(a.company, b.company) || tieBreak(a, b));
    for (const r of sorted) lines.push(`${cell(r.form, 12)}${cell(r.company, 62, 60)}${cell(r.cik, 12)}${cell(r.dateFiled, 12)}${cell(r.file, 52)}`);
  } else if (kind === 'company') {
    lines.push('Company Name                                                  Form Type   CIK', '      Date Filed  File Name', '-'.repeat(145));
    sorted.sort((a, b) => byteOrder(a.company, b.company) || byteOrder(a.form, b.form) || tieBreak(a, b));
    for (const r of sorted) lines.push(`${cell(r.company, 62, 60)}${cell(r.form, 12)}${cell(r.cik, 12)}${cell(r.dateFiled, 12)}${cell(r.file, 52)}`);
  } else {
    lines.push('CIK|Company Name|Form Type|Date Filed|File Name', '-'.repeat(80));
    sorted.sort((a, b) => byteOrder(a.cik, b.cik) || byteOrder(a.file, b.file));
    for (const r of sorted) lines.push(`${r.cik}|${r.company}|${r.form}|${r.dateFiled}|${r.file}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `daily-index/2024/QTR1/form.20240222.idx` → its parts, or undefined when the path is malformed. */
export function parseDailyIndexPath(path: string): { kind: DailyIndexKind; date: string } | undefined {
  const m = /^\/Archives\/edgar\/daily-index\/(\d{4})\/QTR([1-4])\/(form|company|master)\.(\d{8})\.idx$/.exec(path);
  if (!m) return undefined;
  const date = m[4] ?? '';
  const quarter = Math.floor((Number(date.slice(4, 6)) - 1) / 3) + 1;
  if (date.slice(0, 4) !== m[1] || String(quarter) !== m[2]) return undefined;
  return { kind: m[3] as DailyIndexKind, date };
}
