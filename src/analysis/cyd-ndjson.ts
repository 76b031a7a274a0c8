// Rows of the SEC Financial Statement & Notes data sets as NDJSON: one `filing` row (sub.txt)
// and one `fact` row per `cyd:` text block or flag (txt.txt). The corpus keeps 10-K Item 1C
// disclosures in this form.

import { easternToUtcIso } from '../calendar/eastern-time.ts';
import type { CydFact } from './xbrl-cyd.ts';

export interface CydNdjson {
  accessionNumber: string | null;
  cik: string | null;
  company: string | null;
  form: string | null;
  filedAt: string | null;
  acceptedAt: string | null;
  sic: string | null;
  facts: CydFact[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function parseCydNdjson(text: string): CydNdjson {
  const out: CydNdjson = { accessionNumber: null, cik: null, company: null, form: null, filedAt: null, acceptedAt: null, sic: null, facts: [] };
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`not valid cyd-facts NDJSON: line ${i + 1} is not a JSON object`);
    }
    if (row.t === 'filing') {
      out.accessionNumber = str(row.adsh);
      const cik = str(row.cik);
      out.cik = cik ? cik.padStart(10, '0') : null;
      out.company = str(row.name);
      out.form = str(row.form);
      const filed = str(row.filed);
      out.filedAt = filed && /^\d{8}$/.test(filed) ? `${filed.slice(0, 4)}-${filed.slice(4, 6)}-${filed.slice(6, 8)}` : null;
      // The data sets print EDGAR's acceptance stamp, which is US Eastern like the SGML header's.
      const accepted = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(str(row.accepted) ?? '');
      out.acceptedAt = accepted ? easternToUtcIso(accepted.slice(1).join('')) : null;
      out.sic = str(row.sic);
    } else if (row.t === 'fact' && typeof row.tag === 'string') {
      const dim = str(row.dimh);
      out.facts.push({
        concept: row.tag,
        contextRef: null,
        incident: dim && !/^0x0+$/.test(dim) ? dim : null,
        text: typeof row.value === 'string' ? row.value : '',
      });
    }
  }
  return out;
}
