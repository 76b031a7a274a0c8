// The seed cases of the analysis issue, on real filings. Expected values were read from the
// filings themselves (quoted in the comments), not copied from the analyzer's output.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import { fixture, shared } from './corpus.ts';

const flagsSet = (a: Analysis): string[] => Object.entries(a.flags).filter(([, v]) => v).map(([k]) => k).sort();

describe('F5 Item 1.05 rendering (cut at 2,500 characters)', async () => {
  const a = await analyze(fixture('raw/item105/ffiv-2025-10-15-0001048695-25-000149.txt'), {
    source: 'ffiv',
    form: '8-K',
    filedAt: '2025-10-15',
    items: ['1.05'],
  });

  it('reports the incident under Item 1.05', () => {
    expect(a).toMatchObject({ incident: true, item: '1.05', update: false });
  });

  it('dates detection from "On August 9, 2025, F5, Inc. … learned that"', () => {
    expect(a.dates).toEqual({ began: null, detected: '2025-08-09', determinedMaterial: null, contained: null });
    expect(a.evidence['dates.detected']).toMatch(/^On August 9, 2025, F5, Inc\. .* learned that a highly sophisticated nation-state threat actor/);
  });

  it('flags the nation-state actor, the exfiltrated files and the law-enforcement contact', () => {
    expect(a.flags.nationState).toBe(true);
    expect(a.flags.dataAccessed).toBe(true); // "certain files were exfiltrated"
    expect(a.flags.lawEnforcementNotified).toBe(true); // "actively engaged with federal law enforcement"
  });

  it('does not claim the DOJ delay that the cut text never states', () => {
    expect(a.flags.disclosureDelayed).toBe(false);
  });
});

describe('Microsoft Item 1.05 text', async () => {
  const a = await analyze(fixture('raw/item105/msft-2024-01-19-0001193125-24-011295.txt'), {
    form: '8-K',
    filedAt: '2024-01-19',
    items: ['1.05', '7.01', '9.01'],
  });

  it('dates detection, the start of access and the removal of access', () => {
    // "On January 12, 2024, Microsoft … detected that beginning in late November 2023, a nation-state
    // associated threat actor had gained access … We were able to remove the threat actor’s access
    // … on or about January 13, 2024."
    expect(a.dates).toEqual({ began: '2023-11', detected: '2024-01-12', determinedMaterial: null, contained: '2024-01-13' });
    expect(a.evidence['dates.contained']).toMatch(/remove the threat actor’s access/);
  });

  it('reads "has not yet determined whether … reasonably likely to materially impact" as not-determined', () => {
    expect(a.materialImpact).toBe('not-determined');
    expect(a.evidence.materialImpact).toMatch(/has not yet determined whether/);
  });

  it('flags the nation-state actor and the exfiltrated email', () => {
    expect(a.flags.nationState).toBe(true);
    expect(a.flags.dataAccessed).toBe(true);
    expect(a.flags.ransomware).toBe(false);
  });
});

describe('Microsoft complete submission (not committable; read from ../shared)', () => {
  const bytes = shared('raw/item105/msft-8-k-2024-01-19-0001193125-24-011295.txt');
  it.skipIf(!bytes)('takes items from <ITEMS>1.05 and the titles, and the UTC acceptance time', async () => {
    const a = await analyze(bytes!);
    expect(a.items).toEqual(['1.05', '7.01', '9.01']);
    // SGML 20240119163935 (EST) = submissions JSON 2024-01-19T21:39:35.000Z
    expect(a.acceptedAt).toBe('2024-01-19T21:39:35Z');
    expect(a).toMatchObject({ incident: true, item: '1.05', materialImpact: 'not-determined' });
    expect(a.dates.detected).toBe('2024-01-12');
  });
});

describe('UnitedHealth complete submission', async () => {
  const a = await analyze(fixture('raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt'));

  it('finds the incident, its detection date and the nation-state suspect', () => {
    expect(a).toMatchObject({ incident: true, item: '1.05', items: ['1.05'], acceptedAt: '2024-02-22T21:08:47Z' });
    expect(a.dates.detected).toBe('2024-02-21');
    expect(a.flags.nationState).toBe(true);
  });

  it('flags disrupted operations ("isolated the impacted systems", "the disruption")', () => {
    expect(a.flags.operationalDisruption).toBe(true);
  });

  it('reads "has not determined the incident is reasonably likely to materially impact" as not-determined', () => {
    expect(a.materialImpact).toBe('not-determined');
  });
});

describe('Ribbon 10-Q passage (not committable; read from ../shared)', () => {
  const bytes = shared('raw/periodic/rbbn-10-q-2025-10-23-0001708055-25-000035-quoted.txt');
  it.skipIf(!bytes)('finds an incident told in a 10-Q, with month-precision dates and no item', async () => {
    const a = await analyze(bytes!, { form: '10-Q', filedAt: '2025-10-23' });
    expect(a).toMatchObject({ incident: true, item: null });
    // "In early September 2025, the Company became aware …"; "initial access … as early as December 2024"
    expect(a.dates.detected).toBe('2025-09');
    expect(a.dates.began).toBe('2024-12');
    expect(a.flags.nationState).toBe(true); // "reportedly associated with a nation-state actor"
    expect(a.flags.dataAccessed).toBe(true); // "customer files … appear to have been accessed"
  });
});

describe('Item 1.05 filings that say something else about impact', () => {
  it('reads Halliburton’s "has not had, and is not reasonably likely to have, a material impact" as not-material', async () => {
    const a = await analyze(fixture('raw/item105/hal-2024-09-03-0000045012-24-000052.txt'), { form: '8-K', filedAt: '2024-09-03', items: ['1.05'] });
    expect(a).toMatchObject({ incident: true, item: '1.05', materialImpact: 'not-material' });
    expect(a.update).toBe(true); // "As previously disclosed in a Current Report on Form 8-K"
    expect(a.dates.detected).toBe('2024-08-21');
  });

  it('reads Crimson Wine’s dated materiality determination and its follow-up wording', async () => {
    const a = await analyze(fixture('raw/item105/cwgl-2024-07-25-0001562151-24-000032.txt'), { form: '8-K', filedAt: '2024-07-25', items: ['1.05'] });
    // The July 5 date is the earlier 8-K's filing date, not an incident event.
    expect(a.dates).toMatchObject({ detected: '2024-06-30', determinedMaterial: '2024-07-25' });
    expect(a).toMatchObject({ update: true, materialImpact: 'material' });
  });

  it('dates the start of access separately from its detection (River Financial)', async () => {
    const a = await analyze(fixture('raw/item105/rvrf-2026-06-25-0001193125-26-282946.txt'), { form: '8-K', filedAt: '2026-06-25', items: ['1.05'] });
    // "On or about June 16, 2026, an unauthorized threat actor gained access … River identified the activity on or about June 19, 2026"
    expect(a.dates).toMatchObject({ began: '2026-06-16', detected: '2026-06-19' });
    expect(a.flags.ransomware).toBe(true);
    expect(a.flags.dataAccessed).toBe(false); // "whether any personally identifiable information was subject to unauthorized access"
  });

  it('dates containment from "no unauthorized activity … has been observed since May 5, 2026" (West 8-K/A)', async () => {
    const a = await analyze(fixture('raw/item105-amend/wst-2026-05-20-0000105770-26-000077.txt'), { form: '8-K/A', filedAt: '2026-05-20', items: ['1.05'] });
    expect(a.dates).toMatchObject({ detected: '2026-05-04', determinedMaterial: '2026-05-07', contained: '2026-05-05' });
    expect(a.update).toBe(true);
  });

  it('does not flag ransomware that the filing denies (Prudential 8-K/A: "not found any evidence of malware, ransomware")', async () => {
    const a = await analyze(fixture('raw/item105-amend/pfh-8ka-0001193125-24-040749.txt'), { form: '8-K/A', items: ['1.05'] });
    expect(a.flags.ransomware).toBe(false);
    expect(a.flags.dataAccessed).toBe(true); // "accessed and exfiltrated … limited data"
  });

  it('flags a vendor incident (BayFirst: "experienced by a third-party provider of marketing services")', async () => {
    const a = await analyze(fixture('raw/item105/bafn-2025-10-30-0001649739-25-000246.txt'), { form: '8-K', filedAt: '2025-10-30', items: ['1.05'] });
    expect(a.flags.thirdParty).toBe(true);
    expect(a.dates.detected).toBe('2025-08-14');
  });
});

describe('inline XBRL cyd facts', () => {
  it('reads UNFI’s tagged Item 1.05 blocks and the section around them', async () => {
    const a = await analyze(fixture('raw/item105/unfi-2025-06-26-0001020859-25-000036-ixbrl.htm'), { form: '8-K', filedAt: '2025-06-26', items: ['1.05', '7.01'] });
    expect(a).toMatchObject({ incident: true, item: '1.05', update: true, materialImpact: 'material' });
    expect(a.dates.detected).toBe('2025-06-05');
  });

  it('does not take mis-tagged program text in a 6-K for an incident (Genius Group)', async () => {
    const a = await analyze(fixture('raw/item105/gns-2024-12-30-0001493152-24-052394-ixbrl.htm'), { form: '6-K', filedAt: '2024-12-30', items: [] });
    expect(a.incident).toBe(false);
  });
});

describe('cyd facts of a 10-K (SEC data-set rows)', () => {
  it('finds UNFI’s incident in Item 1C, with the exception construction read as material', async () => {
    const a = await analyze(fixture('raw/periodic/unfi-10-k-2025-10-01-0001020859-25-000054-cyd-facts.ndjson'));
    expect(a).toMatchObject({ form: '10-K', accessionNumber: '0001020859-25-000054', cik: '0001020859', incident: true, item: null, materialImpact: 'material' });
    // "In the fourth quarter of fiscal 2025, we became aware": a fiscal quarter is not a date.
    expect(a.dates.detected).toBeNull();
  });

  it('does not count a 10-K that says it "had no cyber events requiring disclosure on Form 8-K, Item 1.05"', async () => {
    const a = await analyze(fixture('raw/negatives/mgld-10-k-2025-09-19-0001493152-25-014286-cyd-facts.ndjson'));
    expect(a.incident).toBe(false);
    expect(a.items).toEqual([]);
  });
});

describe('negatives', () => {
  const negative = async (bytes: Buffer, context = {}): Promise<Analysis> => {
    const a = await analyze(bytes, context);
    expect(a.incident).toBe(false);
    expect(a.item).toBeNull();
    expect(a.materialImpact).toBeNull();
    expect(flagsSet(a)).toEqual([]);
    return a;
  };

  it('skips CrowdStrike’s outage that "was not caused by a cyberattack"', async () => {
    await negative(fixture('raw/item801-701/crwd-8k-2024-07-22-item801-excerpt.txt'), { form: '8-K', filedAt: '2024-07-22', items: ['8.01'] });
  });

  it('skips an earnings 8-K whose forward-looking statements list cybersecurity risks (Oshkosh)', async () => {
    await negative(fixture('raw/negatives/oshkosh-8k-2024-01-30-0000950170-24-008537-rendering.txt'), { form: '8-K', filedAt: '2024-01-30', items: ['2.02', '7.01', '9.01'] });
  });

  it('skips plain 8-Ks (Costco 8.01, NexPoint 8.01, NVIDIA 5.02, Buckle earnings)', async () => {
    await negative(fixture('raw/negatives/cost-8-k-2025-10-15-0000909832-25-000105.txt'));
    await negative(fixture('raw/negatives/nextpoint-8k-item801.htm'), { form: '8-K' });
    await negative(fixture('raw/formats/8k-nvidia-0001045810-26-000024.txt'));
    await negative(fixture('raw/negatives/buckle-8k-2024-11-22-primary.htm'), { form: '8-K', filedAt: '2024-11-22' });
  });

  const sharedNegatives: Array<[string, string]> = [
    ['raw/negatives/nvda-8-k-2025-08-27-0001045810-25-000207.txt', 'skips "$1.05" in NVIDIA’s earnings release'],
    ['raw/negatives/intc-8-k-2024-01-25-0000050863-24-000008.txt', 'skips "$1.05" and "cybersecurity threats" in Intel’s earnings release'],
    ['raw/negatives/buckle-8k-2024-11-22-ex99-1.htm', 'skips "$1.05 per share" in Buckle’s press release'],
    ['raw/negatives/amd-8-k-2025-05-19-0001193125-25-122121.txt', 'skips a merger agreement’s cybersecurity carve-outs (AMD)'],
    ['raw/negatives/googl-8-k-2025-03-18-0001652044-25-000027.txt', 'skips a deal to buy a security company (Alphabet/Wiz)'],
    ['raw/negatives/ko-10k-2025-02-20.html', 'skips a 10-K’s cyber risk factors and Item 1C governance text (Coca-Cola)'],
    ['raw/negatives/adbe-8k-2023-03-15-0000796343-23-000044.txt', 'skips an earnings release listing "risks associated with cyber-attacks" (Adobe)'],
    ['raw/negatives/unh-8-k-2024-12-03-0000731766-24-000338.txt', 'skips a guidance 8-K whose only mention is a cyberattack cost line (UnitedHealth)'],
    ['raw/negatives/crwd-10-k-2025-03-10-0001535527-25-000009-cyd-facts.ndjson', 'skips a cybersecurity vendor’s own Item 1C (CrowdStrike)'],
    ['raw/negatives/wynn-10-k-2025-02-13-0001174922-25-000039-cyd-facts.ndjson', 'skips a policy cross-reference to Item 1.05 (Wynn)'],
  ];
  for (const [path, name] of sharedNegatives) {
    const bytes = shared(path);
    it.skipIf(!bytes)(name, async () => {
      const a = await negative(bytes!);
      expect(a.items).not.toContain('1.05');
    });
  }
});
