import { describe, expect, it } from 'vitest';
import { extractFlags } from '../../src/analysis/flags.ts';
import { materiality } from '../../src/analysis/impacts.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';

const mat = (t: string): string | null => materiality(splitSentences(t)).materialImpact;
const flags = (t: string): string[] =>
  Object.entries(extractFlags(splitSentences(t)).flags)
    .filter(([, v]) => v)
    .map(([k]) => k);

describe('materiality', () => {
  it('reads an affirmative statement of material impact', () => {
    expect(mat('As of the date of this filing, the incident has had and is reasonably likely to continue to have a material impact on the Company’s business operations.')).toBe('material');
    expect(mat('The Company has incurred and accrued material non-recurring expenses related to the event.')).toBe('material');
  });

  it('reads "has not had, and is not reasonably likely to have" as not material', () => {
    expect(mat('The Company believes that the incident has not had, and is not reasonably likely to have, a material impact on the Company’s financial condition or results of operations.')).toBe('not-material');
  });

  it('lets an open question about financial condition outrank a denial limited to operations', () => {
    expect(
      mat('As of the date of this filing, the incident has not had a material impact on the Company’s operations. The Company has not yet determined whether the incident is reasonably likely to materially impact the Company’s financial condition or results of operations.'),
    ).toBe('not-determined');
  });

  it('reads a hedged possibility as not determined', () => {
    expect(mat('While the full scope of the impact is not yet known, the incident could have the potential to have a material impact on the Registrant’s financial condition.')).toBe('not-determined');
  });

  it('does not take the determination that an incident is material for a material impact', () => {
    expect(
      mat('On May 7, 2026, the Company determined that it has experienced a material cybersecurity attack. The incident’s material impact on the Company’s financial condition and results of operations, if any, has not been determined at the time of filing.'),
    ).toBe('not-determined');
  });

  it('ignores generic statements about future threats', () => {
    expect(mat('We face risks from cybersecurity threats that, if realized, are reasonably likely to materially affect us.')).toBeNull();
  });
});

describe('flags', () => {
  it('sets what a sentence states and not what it denies', () => {
    expect(flags('On the basis of the investigation to date, we have not found any evidence of malware, ransomware, data destruction or alteration.')).toEqual([]);
    expect(flags('The threat actor disrupted the Company’s business operations by encrypting some IT systems, and stole data from the Company.')).toEqual([
      'ransomware',
      'dataAccessed',
      'operationalDisruption',
    ]);
  });

  it('keeps a coordinated clause apart from the negation before it', () => {
    expect(flags('The Company has not paid the threat actor’s demand and is cooperating with law enforcement in the investigation.')).toEqual(['lawEnforcementNotified']);
  });

  it('does not count "an unauthorized third party" as a vendor incident, but counts a provider’s incident', () => {
    expect(flags('An unauthorized third party gained access to certain of its systems.')).toEqual([]);
    expect(flags('The Bank was notified of a cybersecurity incident experienced by a third-party provider of marketing services.')).toEqual(['thirdParty']);
  });

  it('does not count ransomware listed among risks', () => {
    expect(flags('We face various cybersecurity risks, including risks related to unauthorized access, ransomware and other intrusions.')).toEqual([]);
  });

  it('sets disclosureDelayed only for an Attorney General or DOJ delay', () => {
    expect(flags('On September 12, 2025, the U.S. Department of Justice determined that a delay in public disclosure was warranted.')).toContain('disclosureDelayed');
    expect(flags('The Company notified the Department of Justice.')).not.toContain('disclosureDelayed');
  });
});
