// data.sec.gov `/submissions/CIK##########.json`, built from the released filings of one company
// with the keys and columnar `filings.recent` arrays of the real files (EDGAR.md §3). Company facts
// come from the newest filing's SGML header; what a header does not carry (tickers, exchanges,
// category, website…) is left empty rather than invented. Good enough for reconciliation and
// backfill paths to run offline; it is not a captured response.

import { primaryDocument, type ReplayFiling } from './corpus.ts';
import { partyField, type HeaderParty } from './sgml-header.ts';
import type { BuiltCompany } from './companies.ts';

const field = (party: HeaderParty | undefined, section: string, label: string): string | null => partyField(party, section, label) ?? null;

function address(party: HeaderParty | undefined, section: string): Record<string, string | number | null> {
  const state = field(party, section, 'STATE');
  return {
    street1: field(party, section, 'STREET 1'),
    street2: field(party, section, 'STREET 2'),
    city: field(party, section, 'CITY'),
    stateOrCountry: state,
    zipCode: field(party, section, 'ZIP'),
    stateOrCountryDescription: state,
  };
}

function withBuiltState(address: Record<string, string | number | null>, state: string | undefined): Record<string, string | number | null> {
  if (address.stateOrCountry || !state) return address;
  return { ...address, stateOrCountry: state, stateOrCountryDescription: state };
}

/**
 * `cik` is 10 digits; `filings` are this company's released filings; `built` what
 * companies.built.json says of it (tickers; SIC code and states where no header of it states them).
 */
export function writeSubmissionsJson(cik: string, filings: readonly ReplayFiling[], built?: BuiltCompany): string {
  const newest = [...filings].sort((a, b) => b.acceptedAt - a.acceptedAt);
  const latest = newest[0];
  const party = latest?.header.parties.find((p) => p.cik.padStart(10, '0') === cik);
  const sicText = field(party, 'COMPANY DATA', 'STANDARD INDUSTRIAL CLASSIFICATION') ?? '';
  const sic = /\[(\d+)\]/.exec(sicText)?.[1] ?? built?.sic ?? '';
  const former = party?.sections
    .filter((s) => s.label === 'FORMER COMPANY')
    .map((s) => ({ name: s.fields.find((f) => f.label === 'FORMER CONFORMED NAME')?.value ?? '', to: s.fields.find((f) => f.label === 'DATE OF NAME CHANGE')?.value ?? '' }));

  const col = <T>(fn: (f: ReplayFiling) => T): T[] => newest.map(fn);
  const filingValue = (f: ReplayFiling, label: string): string => {
    const p = f.header.parties.find((x) => x.cik.padStart(10, '0') === cik);
    return field(p, 'FILING VALUES', label) ?? '';
  };
  return JSON.stringify({
    cik,
    entityType: 'operating',
    sic,
    sicDescription: sicText.replace(/\s*\[\d+\]\s*$/, ''),
    ownerOrg: field(party, 'COMPANY DATA', 'ORGANIZATION NAME'),
    insiderTransactionForOwnerExists: 0,
    insiderTransactionForIssuerExists: 0,
    name: party?.name ?? latest?.company ?? '',
    tickers: built?.tickers ?? [],
    exchanges: [],
    ein: field(party, 'COMPANY DATA', 'IRS NUMBER') ?? field(party, 'COMPANY DATA', 'EIN'),
    lei: null,
    description: '',
    website: '',
    investorWebsite: '',
    category: '',
    fiscalYearEnd: field(party, 'COMPANY DATA', 'FISCAL YEAR END'),
    stateOfIncorporation: field(party, 'COMPANY DATA', 'STATE OF INCORPORATION') ?? built?.stateOfIncorporation ?? '',
    stateOfIncorporationDescription: field(party, 'COMPANY DATA', 'STATE OF INCORPORATION') ?? built?.stateOfIncorporation ?? '',
    addresses: { mailing: address(party, 'MAIL ADDRESS'), business: withBuiltState(address(party, 'BUSINESS ADDRESS'), built?.businessState) },
    phone: field(party, 'BUSINESS ADDRESS', 'BUSINESS PHONE'),
    flags: '',
    formerNames: former ?? [],
    filings: {
      recent: {
        accessionNumber: col((f) => f.accession),
        filingDate: col((f) => f.filedDate),
        reportDate: col((f) => f.period ?? ''),
        acceptanceDateTime: col((f) => new Date(f.acceptedAt).toISOString()),
        act: col((f) => /^\d{2}(\d{2}) Act$/.exec(filingValue(f, 'SEC ACT'))?.[1] ?? ''),
        form: col((f) => f.form),
        fileNumber: col((f) => filingValue(f, 'SEC FILE NUMBER')),
        filmNumber: col((f) => filingValue(f, 'FILM NUMBER')),
        items: col((f) => f.items.join(',')),
        size: col((f) => f.size),
        isXBRL: col((f) => (f.documents.some((d) => d.type.startsWith('EX-101.') || d.xbrl) ? 1 : 0)),
        isInlineXBRL: col((f) => (f.documents.some((d) => d.xbrl && /\.htm$/i.test(d.filename)) ? 1 : 0)),
        primaryDocument: col((f) => primaryDocument(f)?.filename ?? ''),
        primaryDocDescription: col((f) => {
          const doc = primaryDocument(f);
          return doc?.description ?? doc?.type ?? '';
        }),
      },
      files: [],
    },
  });
}
