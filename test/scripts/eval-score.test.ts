// The eval's scorer counts every miss: failed analyses, missing fields and wrong evidence.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import { evidenceRight, precisionAtOrAbove, score, sourceKind, targets, targetsVerdict, type Label } from '../../scripts/eval-score.ts';

const label = (expected: Record<string, unknown>, extra: Partial<Label> = {}): Label => ({ file: 'x.txt', form: '8-K', expected, ...extra });
const TEXT = 'Item 1.05 Material Cybersecurity Incidents. On March 3, 2025, the Company detected that a threat actor had gained unauthorized access to its systems. The incident has not had a material impact on the Company’s financial condition or results of operations.';

describe('eval scoring', () => {
  it('counts a document whose analysis failed as wrong on every labelled field and as a missed incident', () => {
    const s = score([{ label: label({ incident: true, item: '1.05', dates: { detected: '2025-03-03' } }), error: 'boom' }]);
    expect(s.errors).toBe(1);
    expect(s.fields.get('incident')).toEqual({ right: 0, total: 1 });
    expect(s.fields.get('dates.detected')).toEqual({ right: 0, total: 1 });
    expect(s.fn).toBe(1);
    expect(targets(s).find((t) => t.name === 'incident recall')?.value).toBe(0);
  });

  it('counts a failed analysis of a negative as a false report, not a true negative', () => {
    const s = score([{ label: label({ incident: false }), error: 'boom' }]);
    expect(s.tn).toBe(0);
    expect(s.fp).toBe(1);
  });

  it('scores a field the analysis lacks as a miss even where the label says null', async () => {
    const a = await analyze(TEXT, { form: '8-K', filedAt: '2025-03-05' });
    const withoutDates = { ...a, dates: undefined } as unknown as Analysis;
    const s = score([{ label: label({ dates: { began: null } }), analysis: withoutDates }]);
    expect(s.fields.get('dates.began')).toEqual({ right: 0, total: 1 });
  });

  it('checks that the evidence of a fact quotes the labelled sentence, and skips facts that are null or false', async () => {
    const a = await analyze(TEXT, { form: '8-K', filedAt: '2025-03-05' });
    const s = score([
      {
        label: label(
          { incident: true, materialImpact: 'not-material', flags: { ransomware: false } },
          { evidence: { materialImpact: 'has not had a material impact', 'flags.ransomware': 'anything' } },
        ),
        analysis: a,
      },
      { label: label({ incident: true, dates: { detected: '2025-03-03' } }, { evidence: { 'dates.detected': 'a sentence the filing does not have' } }), analysis: a },
    ]);
    expect(s.evidence.get('materialImpact')).toEqual({ right: 1, total: 1 });
    expect(s.evidence.has('flags.ransomware')).toBe(false);
    expect(s.evidence.get('dates.detected')).toEqual({ right: 0, total: 1 });
  });

  it('compares evidence whatever the whitespace and quote style', () => {
    expect(evidenceRight('On June 5, 2025, United Natural Foods, Inc. (the “Company”) became aware', 'on June 5, 2025 , United Natural Foods, Inc. (the "Company")')).toBe(true);
    expect(evidenceRight(undefined, 'x')).toBe(false);
  });

  it('splits documents by source kind from their labels', () => {
    expect(sourceKind(label({ incident: false }))).toBe('negatives');
    expect(sourceKind(label({ incident: true }, { form: '10-Q' }))).toBe('periodic');
    expect(sourceKind(label({ incident: true, update: true }))).toBe('8-K/A and updates');
    expect(sourceKind(label({ incident: true, item: '8.01' }))).toBe('8.01/7.01');
    expect(sourceKind(label({ incident: true, item: '1.05' }))).toBe('8-K original');
  });

  it('puts each analysis in its confidence band and measures the precision above 0.9', async () => {
    const a = await analyze(TEXT, { form: '8-K', filedAt: '2025-03-05' });
    const s = score([
      { label: label({ incident: true }), analysis: { ...a, confidence: 0.95 } },
      { label: label({ incident: false }), analysis: { ...a, confidence: 0.92 } },
      { label: label({ incident: true }), analysis: { ...a, confidence: 0.6 } },
    ]);
    expect(precisionAtOrAbove(s, 0.9)).toEqual({ docs: 2, right: 1 });
    expect(s.bands.find((b) => b.label === '0.50–0.70')?.docs).toBe(1);
  });

  it('does not claim all targets met when some labelled documents were unavailable, and says how many were not scored', () => {
    expect(targetsVerdict([], 0, 140, 0)).toBe('Targets: all met.');
    const partial = targetsVerdict([], 0, 111, 29);
    expect(partial).not.toMatch(/all met/);
    expect(partial).toMatch(/111 scored/);
    expect(partial).toMatch(/29 labelled documents were UNAVAILABLE and not scored/);
    expect(targetsVerdict([{ name: 'item', min: 0.98, value: 0.9 }], 0, 111, 29)).toMatch(/^Targets missed \(1\)/);
  });
});
