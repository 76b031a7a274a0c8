import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { threadCompany, type Thread, type ThreadFiling } from '../../src/incidents/thread.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from './replay-corpus.ts';

let corpus: AnalyzedReplayFiling[];
beforeAll(async () => {
  corpus = await analyzeReplay(Object.values(THREADS).flat());
});

const of = (accessions: readonly string[]) => corpus.filter((f) => accessions.includes(f.accessionNumber));
const shape = (threads: Thread[]) => threads.map((t) => t.filings.map((f) => `${f.accessionNumber}:${f.role}`));

describe('threading real filings of the replay corpus', () => {
  it("threads Prudential's 8-K/A into its 8-K's incident as an amendment (same date of report)", () => {
    const threads = threadCompany(of(THREADS.prudential));
    expect(shape(threads)).toEqual([['0001193125-24-033753:original', '0001193125-24-040749:amendment']]);
    expect(threads[0]!.filings[1]!.reason).toContain('same date of report (2024-02-12)');
    expect(threads[0]!.filings[1]!.confidence).toBeGreaterThan(0.9);
  });

  it("threads River Financial's and Wytec's 8-K/A (five months later) into their 8-K's incident", () => {
    expect(shape(threadCompany(of(THREADS.riverFinancial)))).toEqual([['0001193125-26-282946:original', '0001193125-26-307288:amendment']]);
    expect(shape(threadCompany(of(THREADS.wytec)))).toEqual([['0001683168-25-006583:original', '0001683168-26-000732:amendment']]);
  });

  it("joins UNFI's 10-K passage to its 8-K's incident as periodic, with a low confidence", () => {
    const [thread, ...rest] = threadCompany(of(THREADS.unfi));
    expect(rest).toEqual([]);
    expect(thread!.filings.map((f) => f.role)).toEqual(['original', 'periodic']);
    expect(thread!.filings[1]!.confidence).toBeLessThan(0.7);
  });

  it('keeps an 8-K/A whose original is not on record as its own incident, marked amendment', () => {
    expect(shape(threadCompany(of(THREADS.nucor)))).toEqual([['0001193125-25-143135:amendment']]);
  });

  it('never threads across companies: a mixed input keeps only the first filing’s company', () => {
    const mixed = [...of(THREADS.prudential), ...of(THREADS.wytec)];
    const threads = threadCompany(mixed);
    expect(threads.every((t) => t.cik === mixed[0]!.cik)).toBe(true);
    expect(threads.flatMap((t) => t.filings).length).toBe(2);
  });

  it('keeps two incidents at one company apart when no signal names the other (never on CIK alone)', () => {
    // Built case, marked as such: Wytec's real 8-K and Prudential's real 8-K, both put under one CIK.
    const [wytec] = of(['0001683168-25-006583']);
    const [pru] = of(['0001193125-24-033753']);
    const sameCompany = [wytec!, { ...pru!, cik: wytec!.cik }];
    expect(threadCompany(sameCompany)).toHaveLength(2);
  });

  it('ignores filings the analysis does not find an incident in', () => {
    const [pru8k, pru8ka] = of(THREADS.prudential);
    const notIncident = { ...pru8k!, analysis: { ...pru8k!.analysis, incident: false } };
    expect(shape(threadCompany([notIncident, pru8ka!]))).toEqual([['0001193125-24-040749:amendment']]);
  });
});

describe('threading built cases', () => {
  const base = (over: Partial<Omit<ThreadFiling, 'analysis'>> & { analysis?: Partial<ThreadFiling['analysis']> }): ThreadFiling => ({
    accessionNumber: '0000000001-25-000001',
    cik: '0000000001',
    form: '8-K',
    items: ['8.01'],
    filedAt: '2025-01-10',
    acceptedAt: '2025-01-10T21:00:00Z',
    ...over,
    analysis: {
      incident: true, item: '8.01', update: false, reportDate: '2025-01-08', amendment: null, references: [], incidentName: null, incidents: [],
      dates: { began: null, detected: '2025-01-05', determinedMaterial: null, contained: null },
      ...over.analysis,
    },
  });

  it('an Item 1.05 filing "as previously disclosed" after an Item 8.01 notice is an escalation', () => {
    const notice = base({});
    const escalation = base({
      accessionNumber: '0000000001-25-000002', filedAt: '2025-02-03', acceptedAt: '2025-02-03T21:00:00Z', items: ['1.05'],
      analysis: { item: '1.05', update: true, reportDate: '2025-01-30', references: [{ form: '8-K', filedOn: '2025-01-10' }] },
    });
    const [thread] = threadCompany([escalation, notice]);
    expect(thread!.filings.map((f) => [f.accessionNumber, f.role])).toEqual([['0000000001-25-000001', 'original'], ['0000000001-25-000002', 'escalation']]);
    expect(thread!.filings[1]!.reason).toBe('cites the 8-K filed on 2025-01-10');
  });

  it('an update with the same detection day joins; one with another day and no citation starts its own', () => {
    const first = base({});
    const same = base({ accessionNumber: '0000000001-25-000002', filedAt: '2025-03-01', acceptedAt: '2025-03-01T21:00:00Z', analysis: { update: true, reportDate: '2025-02-27' } });
    const other = base({ accessionNumber: '0000000001-25-000003', filedAt: '2025-06-01', acceptedAt: '2025-06-01T21:00:00Z', analysis: { reportDate: '2025-05-28', dates: { began: null, detected: '2025-05-20', determinedMaterial: null, contained: null } } });
    expect(threadCompany([first, same, other]).map((t) => t.filings.map((f) => f.role))).toEqual([['original', 'update'], ['original']]);
  });

  it('a generic name ("the Incident") alone links nothing; a specific one does', () => {
    const noDates = { began: null, detected: null, determinedMaterial: null, contained: null };
    const a = base({ analysis: { incidentName: 'the Incident', dates: noDates } });
    const b = base({ accessionNumber: '0000000001-25-000002', filedAt: '2025-05-01', analysis: { incidentName: 'the Incident', reportDate: '2025-04-28', dates: noDates } });
    expect(threadCompany([a, b])).toHaveLength(2);
    const c = base({ analysis: { incidentName: 'the March 2025 Incident', dates: noDates } });
    const d = base({ accessionNumber: '0000000001-25-000002', filedAt: '2025-05-01', analysis: { incidentName: 'the March 2025 Incident', reportDate: '2025-04-28', dates: noDates } });
    expect(threadCompany([c, d])).toHaveLength(1);
  });
});

describe('threading is deterministic', () => {
  it('gives the same incidents whatever order the filings arrive in (property)', () => {
    const all = Object.values(THREADS).map((accessions) => of(accessions));
    const expected = all.map((company) => threadCompany(company));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }).chain((i) => fc.tuple(fc.constant(i), fc.shuffledSubarray(all[i]!, { minLength: all[i]!.length, maxLength: all[i]!.length }))), ([i, shuffled]) => {
        expect(threadCompany(shuffled)).toEqual(expected[i]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('filings that report several incidents (built cases)', () => {
  const noDates = { began: null, detected: null, determinedMaterial: null, contained: null };
  const march = { name: 'the March Incident', dates: { ...noDates, detected: '2025-03-02' } };
  const august = { name: 'the August Incident', dates: { ...noDates, detected: '2025-08-04' } };
  const filing = (accession: string, filedAt: string, analysis: Partial<ThreadFiling['analysis']>, form = '8-K'): ThreadFiling => ({
    accessionNumber: accession, cik: '0000000002', form, items: form === '8-K' ? ['8.01'] : [], filedAt, acceptedAt: `${filedAt}T21:00:00Z`,
    analysis: { incident: true, item: form === '8-K' ? '8.01' : null, update: false, reportDate: null, amendment: null, references: [], incidentName: null, incidents: [], dates: noDates, ...analysis },
  });
  const first = filing('0000000002-25-000001', '2025-03-05', { incidentName: march.name, incidents: [march], dates: march.dates, reportDate: '2025-03-02' });
  const second = filing('0000000002-25-000002', '2025-08-07', { incidentName: august.name, incidents: [august], dates: august.dates, reportDate: '2025-08-04' });
  const both = filing('0000000002-25-000003', '2025-11-05', {
    incidentName: march.name, incidents: [march, august], dates: march.dates,
    references: [{ form: '8-K', filedOn: '2025-03-05' }, { form: '8-K', filedOn: '2025-08-07' }],
  }, '10-Q');
  const facets = (threads: Thread[]) => threads.map((t) => t.filings.map((f) => `${f.accessionNumber}#${f.facet}:${f.role}`));

  it('a 10-Q reporting two incidents joins both, once each, each by its own name', () => {
    const threads = threadCompany([both, second, first]);
    expect(facets(threads)).toEqual([
      ['0000000002-25-000001#0:original', '0000000002-25-000003#0:periodic'],
      ['0000000002-25-000002#0:original', '0000000002-25-000003#1:periodic'],
    ]);
    expect(threads[1]!.filings[1]!.reason).toMatch(/incident 2 of 2 it reports: "the August Incident"/);
  });

  it('a first filing reporting two incidents starts both', () => {
    const alone = { ...both, form: '8-K', items: ['8.01'], analysis: { ...both.analysis, item: '8.01', references: [] } };
    expect(facets(threadCompany([alone]))).toEqual([['0000000002-25-000003#0:original'], ['0000000002-25-000003#1:original']]);
  });

  it('is the same whatever order they arrive in (property)', () => {
    const expected = threadCompany([first, second, both]);
    fc.assert(fc.property(fc.shuffledSubarray([first, second, both], { minLength: 3, maxLength: 3 }), (order) => {
      expect(threadCompany(order)).toEqual(expected);
    }));
  });
});
