import { beforeAll, describe, expect, it } from 'vitest';
import { incidentFacts, type IncidentMember } from '../../src/incidents/facts.ts';
import { threadCompany } from '../../src/incidents/thread.ts';
import { analyzeReplay, THREADS, type AnalyzedReplayFiling } from './replay-corpus.ts';

const MICROSOFT = '0001193125-24-011295';
const CARECLOUD = '0001493152-26-013239';
const KRISPY_KREME = '0001857154-24-000123';

let corpus: AnalyzedReplayFiling[];
beforeAll(async () => {
  corpus = await analyzeReplay([MICROSOFT, CARECLOUD, KRISPY_KREME, ...THREADS.prudential, ...THREADS.wytec]);
});

/** Threads `accessions` and returns the facts of the one incident they make. */
function factsOf(accessions: readonly string[]) {
  const filings = corpus.filter((f) => accessions.includes(f.accessionNumber));
  const [thread] = threadCompany(filings);
  const members: IncidentMember[] = thread!.filings.map((link) => {
    const f = filings.find((x) => x.accessionNumber === link.accessionNumber)!;
    return { ...link, form: f.form, items: f.items, filedAt: f.filedAt, acceptedAt: f.acceptedAt, company: f.companyName, analysis: f.analysis };
  });
  return incidentFacts(members);
}

describe('incident facts from real filings', () => {
  it("counts Microsoft's detection (Fri 2024-01-12) to disclosure (2024-01-19) as 4 business days: Martin Luther King Day is not one", () => {
    const facts = factsOf([MICROSOFT]);
    expect(facts.timeliness.detectionToDisclosureDays).toBe(7);
    expect(facts.timeliness.detectionToDisclosureBusinessDays).toBe(4);
    expect(facts.dates.detected).toMatchObject({ date: '2024-01-12', accessionNumber: MICROSOFT });
    expect(facts.dates.detected!.evidence).toMatch(/January 12, 2024/);
    expect(facts.dates.began!.date).toBe('2023-11');
  });

  it("measures CareCloud's Item 1.05 against its materiality determination: 3 business days, within the four", () => {
    const facts = factsOf([CARECLOUD]);
    expect(facts.timeliness.businessDaysToItem105).toBe(3);
    expect(facts.timeliness.withinFourBusinessDays).toBe(true);
    expect(facts.status).toBe('open');
    expect(facts.itemPath).toBe('1.05');
  });

  it('leaves timeliness null where no determination date is stated (Krispy Kreme), and counts detection the day after Thanksgiving', () => {
    const facts = factsOf([KRISPY_KREME]);
    expect(facts.timeliness.businessDaysToItem105).toBeNull();
    expect(facts.timeliness.withinFourBusinessDays).toBeNull();
    // 2024-11-29 → 2024-12-11: 12 calendar days, 8 business days.
    expect(facts.timeliness.detectionToDisclosureDays).toBe(12);
    expect(facts.timeliness.detectionToDisclosureBusinessDays).toBe(8);
  });

  it("Wytec's incident is updated, its materiality the latest stated, its first disclosure the 8-K's", () => {
    const facts = factsOf(THREADS.wytec);
    expect(facts.status).toBe('updated');
    expect(facts.firstDisclosedAt).toBe('2025-08-29');
    expect(facts.lastFiledAt).toBe('2026-02-03');
    expect(facts.materialImpact).toBe('material');
    expect(facts.title).toMatch(/^WYTEC INTERNATIONAL INC: cybersecurity incident disclosed 2025-08-29$/);
  });
});

describe('incident facts, built cases', () => {
  const member = (over: Partial<Omit<IncidentMember, 'analysis'>> & { analysis?: Partial<IncidentMember['analysis']> }): IncidentMember => ({
    accessionNumber: '0000000001-25-000001', role: 'original', reason: 'first', confidence: 1, form: '8-K', items: ['8.01'],
    filedAt: '2025-06-20', acceptedAt: '2025-06-20T20:00:00Z', company: 'Built Co',
    ...over,
    analysis: {
      item: '8.01', materialImpact: null, incidentName: null, incidents: [], evidence: {},
      dates: { began: null, detected: null, determinedMaterial: null, contained: null },
      flags: { ransomware: false, dataAccessed: false, operationalDisruption: false, nationState: false, thirdParty: false, lawEnforcementNotified: false, disclosureDelayed: false },
      ...over.analysis,
    },
  });

  it('an 8.01 notice then an Item 1.05 filing: path 8.01 → 1.05, escalated, flags of any filing, Juneteenth not a business day', () => {
    const facts = incidentFacts([
      member({ analysis: { flags: { ransomware: true, dataAccessed: false, operationalDisruption: false, nationState: false, thirdParty: false, lawEnforcementNotified: false, disclosureDelayed: false } } }),
      member({
        accessionNumber: '0000000001-25-000002', role: 'escalation', items: ['1.05'], filedAt: '2025-06-23', acceptedAt: '2025-06-23T20:00:00Z',
        analysis: { item: '1.05', materialImpact: 'material', dates: { began: null, detected: null, determinedMaterial: '2025-06-16', contained: null } },
      }),
    ]);
    expect(facts.itemPath).toBe('8.01 → 1.05');
    expect(facts.status).toBe('escalated');
    expect(facts.flags.ransomware).toBe(true);
    // Mon 2025-06-16 → Mon 2025-06-23: 17, 18, 20, 23 (Thu 19 is Juneteenth) = 4, just within.
    expect(facts.timeliness.businessDaysToItem105).toBe(4);
    expect(facts.timeliness.withinFourBusinessDays).toBe(true);
    expect(facts.materialImpact).toBe('material');
  });

  it('five business days after the determination is late', () => {
    const facts = incidentFacts([member({ items: ['1.05'], filedAt: '2025-06-24', analysis: { item: '1.05', dates: { began: null, detected: null, determinedMaterial: '2025-06-16', contained: null } } })]);
    expect(facts.timeliness.businessDaysToItem105).toBe(5);
    expect(facts.timeliness.withinFourBusinessDays).toBe(false);
  });

  it('an incident without filings is retracted', () => {
    expect(incidentFacts([], 'Built Co').status).toBe('retracted');
  });
});
