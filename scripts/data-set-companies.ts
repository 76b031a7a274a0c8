// What the SEC Financial Statement & Notes data sets say of the corpus's companies: the filing row
// that opens each `*-cyd-facts.ndjson` carries the registrant's SIC code (`sic`), state of
// incorporation (`stprinc`) and business state (`stprba`). Both replay builds read them from here —
// build-replay-companies.ts into companies.built.json, build-replay-corpus.ts into the SGML headers
// of its built envelopes — so a company's SIC is the same wherever the replay server shows it.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface DataSetCompanyRow {
  /** 10 digits. */
  cik: string;
  sic?: string;
  stprinc?: string;
  stprba?: string;
  /** The ndjson file, relative to the corpus folder (`raw/periodic/…`). */
  file: string;
}

const DIRS = ['raw/periodic', 'raw/negatives'];

/** Every data-set filing row of the corpus in `sourceDir`, in a fixed order (folder, then file name). */
export function readDataSetCompanyRows(sourceDir: string): DataSetCompanyRow[] {
  const rows: DataSetCompanyRow[] = [];
  for (const dir of DIRS) {
    for (const name of readdirSync(path.join(sourceDir, dir)).filter((n) => n.endsWith('-cyd-facts.ndjson')).sort()) {
      const first = readFileSync(path.join(sourceDir, dir, name), 'utf8').split('\n')[0] ?? '';
      const row = JSON.parse(first) as { cik: string; sic?: string; stprinc?: string; stprba?: string };
      rows.push({ cik: row.cik.padStart(10, '0'), sic: row.sic || undefined, stprinc: row.stprinc || undefined, stprba: row.stprba || undefined, file: `${dir}/${name}` });
    }
  }
  return rows;
}

export interface DataSetFact {
  value: string;
  /** The row's file, relative to the corpus folder. */
  from: string;
}

export interface DataSetCompany {
  sic?: DataSetFact;
  stateOfIncorporation?: DataSetFact;
  businessState?: DataSetFact;
}

/** Per CIK, the first row (in `rows` order) that states each fact — the rule companies.built.json follows. */
export function dataSetCompanies(rows: readonly DataSetCompanyRow[]): Map<string, DataSetCompany> {
  const out = new Map<string, DataSetCompany>();
  for (const row of rows) {
    const c = out.get(row.cik) ?? {};
    if (row.sic) c.sic ??= { value: row.sic, from: row.file };
    if (row.stprinc) c.stateOfIncorporation ??= { value: row.stprinc, from: row.file };
    if (row.stprba) c.businessState ??= { value: row.stprba, from: row.file };
    out.set(row.cik, c);
  }
  return out;
}
