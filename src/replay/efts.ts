// efts.sec.gov `/LATEST/search-index`: EDGAR full-text search over the released filings, so
// backfill can run offline. The answer has the shape of the real Elasticsearch JSON in the corpus
// (`raw/formats/efts-search-index-*.json`): one hit per document (`_id` = `accession:filename`,
// exhibits typed `EX-99` without the `.N`), each carrying its filing's items, the echoed `query`
// object, and the four aggregations. Matching follows the echoed query of the real answers: every
// word or quoted phrase of `q` must occur (one `match_phrase` each, case-insensitive, whole words;
// no stemming). Scores are term counts, not Lucene's.
//
// Parameters: q, forms (comma list; 8-K also finds 8-K/A), ciks, dateRange=custom with
// startdt/enddt, items (comma list), from, size (max 100). Totals cap at 10,000 as on EDGAR.

import type { ReplayFiling } from './corpus.ts';
import { partyField } from './sgml-header.ts';
import { extractDocument, type SubmissionDocument } from './submission.ts';

export interface EftsQuery {
  phrases: string[];
  forms: string[];
  ciks: string[];
  items: string[];
  startdt: string | undefined;
  enddt: string | undefined;
  from: number;
  size: number;
}

const list = (value: string | null): string[] => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export function parseEftsQuery(params: URLSearchParams): EftsQuery {
  const q = params.get('q') ?? '';
  const phrases: string[] = [];
  const rest = q.replace(/"([^"]*)"/g, (_, phrase: string) => {
    if (phrase.trim()) phrases.push(phrase.trim().toLowerCase().replace(/\s+/g, ' '));
    return ' ';
  });
  for (const word of rest.split(/\s+/)) if (word) phrases.push(word.toLowerCase());
  const size = Number.parseInt(params.get('size') ?? '100', 10);
  const from = Number.parseInt(params.get('from') ?? '0', 10);
  const custom = params.has('startdt') || params.has('enddt') || params.get('dateRange') === 'custom';
  return {
    phrases,
    forms: list(params.get('forms')).map((f) => f.toUpperCase()),
    ciks: list(params.get('ciks')).map((c) => c.padStart(10, '0')),
    items: list(params.get('items')),
    startdt: custom ? (params.get('startdt') ?? undefined) : undefined,
    enddt: custom ? (params.get('enddt') ?? undefined) : undefined,
    from: Number.isFinite(from) && from > 0 ? from : 0,
    size: Number.isFinite(size) && size > 0 ? Math.min(size, 100) : 100,
  };
}

/** Documents EDGAR's full-text search indexes: the filing's own form and its exhibits, not XBRL parts. */
function searchable(doc: SubmissionDocument, form: string): boolean {
  if (doc.type.startsWith('EX-101')) return false;
  return doc.type === form || doc.type.startsWith('EX-') || (/\.(htm|html|txt|pdf)$/i.test(doc.filename) && !['XML', 'EXCEL', 'JSON', 'ZIP', 'GRAPHIC'].includes(doc.type));
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain lower-case text of an HTML or text document, words separated by single spaces. */
export function searchText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function occurrences(text: string, phrase: string): number {
  return text.match(new RegExp(`(?<![a-z0-9])${escapeRe(phrase)}(?![a-z0-9])`, 'g'))?.length ?? 0;
}

const titleCase = (s: string): string => s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());

function source(filing: ReplayFiling, doc: SubmissionDocument): Record<string, unknown> {
  const parties = filing.header.parties;
  const values = (section: string, label: string): string[] => [...new Set(parties.map((p) => partyField(p, section, label)).filter((v): v is string => !!v))];
  const fileType = /^EX-\d+/.exec(doc.type)?.[0] ?? doc.type; // EDGAR drops the ".N" of exhibits
  return {
    ciks: filing.parties.map((p) => p.cik),
    period_ending: filing.period ?? null,
    file_num: values('FILING VALUES', 'SEC FILE NUMBER'),
    display_names: filing.parties.map((p) => `${p.name}  (CIK ${p.cik})`),
    xsl: null,
    sequence: Number(doc.sequence),
    root_forms: [filing.form.replace(/\/A$/, '')],
    file_date: filing.filedDate,
    biz_states: values('BUSINESS ADDRESS', 'STATE'),
    sics: values('COMPANY DATA', 'STANDARD INDUSTRIAL CLASSIFICATION').map((v) => /\[(\d+)\]/.exec(v)?.[1] ?? v),
    form: filing.form,
    adsh: filing.accession,
    film_num: values('FILING VALUES', 'FILM NUMBER'),
    biz_locations: parties
      .map((p) => [partyField(p, 'BUSINESS ADDRESS', 'CITY'), partyField(p, 'BUSINESS ADDRESS', 'STATE')])
      .filter(([c, s]) => c && s)
      .map(([c, s]) => `${titleCase(c ?? '')}, ${s}`),
    file_type: fileType,
    file_description: fileType,
    inc_states: values('COMPANY DATA', 'STATE OF INCORPORATION'),
    items: filing.items,
  };
}

function buckets(values: string[]): { doc_count_error_upper_bound: number; sum_other_doc_count: number; buckets: { key: string; doc_count: number }[] } {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = sorted.slice(0, 30);
  return {
    doc_count_error_upper_bound: 0,
    sum_other_doc_count: sorted.slice(30).reduce((n, [, c]) => n + c, 0),
    buckets: top.map(([key, doc_count]) => ({ key, doc_count })),
  };
}

export interface EftsIndex {
  search(q: EftsQuery, filings: readonly ReplayFiling[]): string;
}

/** A search index over filings; document texts are extracted once and kept. */
export function createEftsIndex(): EftsIndex {
  const texts = new Map<string, string>();
  const textOf = (filing: ReplayFiling, doc: SubmissionDocument, bytes: () => Buffer): string => {
    const key = `${filing.accession}:${doc.filename}`;
    let text = texts.get(key);
    if (text === undefined) {
      text = searchText(extractDocument(bytes(), doc).toString('latin1'));
      texts.set(key, text);
    }
    return text;
  };

  return {
    search(q, filings) {
      const hits: { filing: ReplayFiling; doc: SubmissionDocument; score: number }[] = [];
      for (const filing of filings) {
        if (q.forms.length && !q.forms.some((f) => filing.form === f || filing.form.startsWith(`${f}/`))) continue;
        if (q.ciks.length && !filing.parties.some((p) => q.ciks.includes(p.cik))) continue;
        if (q.items.length && !filing.items.some((i) => q.items.includes(i))) continue;
        if (q.startdt && filing.filedDate < q.startdt) continue;
        if (q.enddt && filing.filedDate > q.enddt) continue;
        // A synthetic filing assembles its bytes on every read: once per filing, and only if a text is missing.
        let submission: Buffer | undefined;
        const bytes = (): Buffer => (submission ??= filing.bytes);
        for (const doc of filing.documents) {
          if (!searchable(doc, filing.form)) continue;
          const text = textOf(filing, doc, bytes);
          const counts = q.phrases.map((p) => occurrences(text, p));
          if (counts.some((n) => n === 0)) continue;
          hits.push({ filing, doc, score: counts.reduce((a, b) => a + b, 0) || 1 });
        }
      }
      hits.sort((a, b) => b.score - a.score || (a.filing.filedDate < b.filing.filedDate ? 1 : a.filing.filedDate > b.filing.filedDate ? -1 : 0) || Number(a.doc.sequence) - Number(b.doc.sequence));
      const sources = hits.map((h) => source(h.filing, h.doc));
      const page = hits.slice(q.from, q.from + q.size);
      const filter = q.startdt || q.enddt ? [{ range: { file_date: { ...(q.startdt ? { gte: q.startdt } : {}), ...(q.enddt ? { lte: q.enddt } : {}) } } }] : [];
      return JSON.stringify({
        took: 1,
        timed_out: false,
        _shards: { total: 50, successful: 50, skipped: 0, failed: 0 },
        hits: {
          total: { value: Math.min(hits.length, 10_000), relation: hits.length > 10_000 ? 'gte' : 'eq' },
          max_score: hits[0]?.score ?? null,
          hits: page.map((h, i) => ({
            _index: 'edgar_file',
            _id: `${h.filing.accession}:${h.doc.filename}`,
            _score: h.score,
            _source: sources[q.from + i],
          })),
        },
        aggregations: {
          entity_filter: buckets(sources.flatMap((s) => s.display_names as string[])),
          sic_filter: buckets(sources.flatMap((s) => s.sics as string[])),
          biz_states_filter: buckets(sources.flatMap((s) => s.biz_states as string[])),
          form_filter: buckets(sources.flatMap((s) => s.root_forms as string[])),
        },
        query: {
          _source: { exclude: ['doc_text'] },
          query: { bool: { must: q.phrases.map((p) => ({ match_phrase: { doc_text: p } })), must_not: [], should: [], filter } },
          from: q.from,
          size: q.size,
          aggregations: {
            form_filter: { terms: { field: 'root_forms', size: 30 } },
            entity_filter: { terms: { field: 'display_names.raw', size: 30 } },
            sic_filter: { terms: { field: 'sics', size: 30 } },
            biz_states_filter: { terms: { field: 'biz_states', size: 30 } },
          },
        },
      });
    },
  };
}
