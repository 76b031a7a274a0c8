// `confidence` and `review`: review is raised for borderline calls and conflicting signals only,
// so that it stays rare enough to act on. Texts written for these tests in the style of filings.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { assess, type Signals } from '../../src/analysis/confidence.ts';

const tenK = (text: string) => analyze(text, { form: '10-K', filedAt: '2026-02-27' });

describe('clear calls are not flagged', () => {
  it('an Item 1.05 report of a dated intrusion: high confidence, no review', async () => {
    const a = await analyze(
      'On March 3, 2026, the Company detected unauthorized access to certain of its information technology systems by a threat actor. The threat actor exfiltrated certain data. The Company has determined that the incident has had a material impact on its operations.',
      { form: '8-K', items: ['1.05'], filedAt: '2026-03-09' },
    );
    expect(a.incident).toBe(true);
    expect(a.confidence).toBeGreaterThanOrEqual(0.95);
    expect(a.review).toBe(false);
  });

  it('an Item 1C denial and program text: a clear negative', async () => {
    const a = await tenK(
      'We have not experienced any cybersecurity incidents that have materially affected us, including our business strategy, results of operations or financial condition. Our CISO reports to the audit committee quarterly.',
    );
    expect(a.incident).toBe(false);
    expect(a.review).toBe(false);
  });

  it('process text that speaks of "the incident" it would assess is not a near miss', async () => {
    const a = await tenK(
      'The Materiality Committee determines whether a cyber incident is material. This determination would be made based on the extent and magnitude of the incident.',
    );
    expect(a.incident).toBe(false);
    expect(a.review).toBe(false);
  });

  it('a 10-K incident named in the Item 106 exception is below 0.9 but not flagged', async () => {
    const a = await tenK(
      'As of the date of this report, other than the Cyber Incident described in our Current Report on Form 8-K filed on May 2, 2025, we do not believe that any risks from cybersecurity threats have materially affected us.',
    );
    expect(a.incident).toBe(true);
    expect(a.confidence).toBeLessThan(0.9);
    expect(a.review).toBe(false);
  });
});

describe('borderline calls are flagged', () => {
  it('a negative that names a particular incident in passing ("the reported March 2025 cyber-attack")', async () => {
    const a = await tenK(
      'Our audit committee oversees cybersecurity risk. For example, the audit committee was actively involved in the review, disclosure and mitigation of the reported March 2025 cyber-attack.',
    );
    expect(a.incident).toBe(false);
    expect(a.confidence).toBeLessThan(0.85);
    expect(a.review).toBe(true);
  });

  it('a 10-K incident told only by an undated event with no intruder’s deed', async () => {
    const a = await tenK('Cybersecurity threats are persistent. We identified unauthorized access to certain of our systems, which we contained.');
    expect(a.incident).toBe(true);
    expect(a.review).toBe(true);
  });

  it('an earnings release whose attack the earnings-only rule set aside', async () => {
    const a = await analyze(
      'First quarter adjusted earnings of $6.10 per share include $0.30 per share of business disruption impacts. The Company experienced a cyberattack on its pharmacy services network, and restoration of the affected services continues.',
      { form: '8-K', items: ['2.02', '9.01'], filedAt: '2026-04-16' },
    );
    expect(a.incident).toBe(false);
    expect(a.review).toBe(true);
  });
});

describe('conflicting signals are flagged', () => {
  it('an 8-K incident under no item that can be told', async () => {
    const a = await analyze(
      'The Company recently identified unauthorized access to certain of its information technology systems. The Company activated its incident response plan and engaged outside forensic experts.',
      { form: '8-K', filedAt: '2026-07-10' },
    );
    expect(a.incident).toBe(true);
    expect(a.item).toBeNull();
    expect(a.review).toBe(true);
  });

  it('impact stated material to results and not material to the financial condition', async () => {
    const a = await analyze(
      'On June 2, 2026, the Company detected a ransomware attack on its systems. The incident has had a material adverse effect on our results of operations for the quarter. The Company does not believe the incident has had a material impact on its financial condition.',
      { form: '8-K', items: ['8.01'], filedAt: '2026-07-10' },
    );
    expect(a.materialImpact).toBe('material');
    expect(a.confidence).toBeGreaterThanOrEqual(0.95);
    expect(a.review).toBe(true);
  });

  it('material to operations and not to the long-term financial condition is no conflict', async () => {
    const a = await analyze(
      'On June 2, 2026, the Company detected a ransomware attack on its systems. The incident has had a material impact on the Company’s business operations. The Company does not expect the incident to have a material impact on its long-term financial condition.',
      { form: '8-K', items: ['1.05'], filedAt: '2026-07-10' },
    );
    expect(a.materialImpact).toBe('material');
    expect(a.review).toBe(false);
  });
});

describe('the grades', () => {
  const base: Signals = {
    incident: true,
    periodic: false,
    item105: false,
    tagged: false,
    evidence: [{ sentence: 'x', strength: 0.6 }],
    dated: false,
    cyberText: true,
    setAside: 0,
    denial: false,
    item: '8.01',
    materialityConflict: false,
    mentions: 0,
  };
  it('ranks an Item 1.05 report over a dated one over an undated one over a bare reference', () => {
    const item105 = assess({ ...base, item105: true, item: '1.05' }).confidence;
    const dated = assess({ ...base, dated: true }).confidence;
    const undated = assess(base).confidence;
    const reference = assess({ ...base, evidence: [{ sentence: 'x', strength: 0.5, reference: true }] }).confidence;
    expect(item105).toBeGreaterThan(dated);
    expect(dated).toBeGreaterThan(undated);
    expect(undated).toBeGreaterThan(reference);
    expect(assess({ ...base, evidence: [{ sentence: 'x', strength: 1, actor: true }] }).confidence).toBe(dated);
  });
  it('flags an incident the text also says was not an attack', () => {
    expect(assess({ ...base, dated: true }).review).toBe(false);
    expect(assess({ ...base, dated: true, denial: true }).review).toBe(true);
  });
  it('grades a negative without cyber words above one with them, and one with a near miss lowest', () => {
    const neg = { ...base, incident: false, evidence: [], item: null };
    expect(assess({ ...neg, cyberText: false }).confidence).toBeGreaterThan(assess(neg).confidence);
    expect(assess(neg).review).toBe(false);
    expect(assess({ ...neg, mentions: 1 }).review).toBe(true);
    expect(assess({ ...neg, setAside: 1 }).review).toBe(true);
  });
});
