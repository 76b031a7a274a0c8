// Incidents and near misses in 10-K Item 1C / 20-F Item 16K texts (cyd facts of real filings,
// committed fixtures): the classes the new corpus material revealed.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { fixture, shared } from './corpus.ts';

const cyd = (name: string) => analyze(fixture(`raw/${name}`), { form: name.includes('20-f') ? '20-F' : '10-K', filedAt: '2025-03-01' });

describe('named incidents in Item 1C', () => {
  it('reads "Other than this ransomware attack, … have not materially affected us" as a material incident pointed back to ("we announced on May 31, 2022")', async () => {
    const a = await cyd('periodic/hbi-10-k-2025-02-14-0001359841-25-000008-cyd-facts.ndjson');
    expect(a.incident).toBe(true);
    expect(a.update).toBe(true);
    expect(a.materialImpact).toBe('material');
    expect(a.flags.ransomware).toBe(true);
    expect(a.flags.dataAccessed).toBe(false);
  });

  it('reads "initiated its cyber response protocol in response to a cybersecurity incident" as the event, and "risks … have not materially affected" as not material', async () => {
    const a = await cyd('periodic/livn-10-k-2025-02-25-0001639691-25-000010-cyd-facts.ndjson');
    expect(a.incident).toBe(true);
    expect(a.dates.detected).toBe('2023-11');
    expect(a.materialImpact).toBe('not-material');
  });

  it('reads "a previously disclosed July 2023 cybersecurity incident experienced by one of our third-party vendors" inside ordinary-course text', async () => {
    const a = await cyd('periodic/ppbi-10-k-2025-02-28-0001028918-25-000014-cyd-facts.ndjson');
    expect(a.incident).toBe(true);
    expect(a.update).toBe(true);
    expect(a.flags.thirdParty).toBe(true);
    expect(a.evidence['flags.thirdParty']).toMatch(/experienced by one of our third-party vendors/);
    expect(a.dates.detected).toBe('2023-07');
  });

  it('reads "we were subject to a ransomware attack against us in May 2020" and material judgments that resulted from it', async () => {
    const a = await cyd('periodic/blkb-10-k-2026-02-18-0001280058-26-000006-cyd-facts.ndjson');
    expect(a.flags.ransomware).toBe(true);
    expect(a.dates.detected).toBe('2020-05');
    expect(a.materialImpact).toBe('material');
  });

  it('dates "As previously disclosed, on October 3, 2024, the Company identified…" by the date after the pointer', async () => {
    const a = await cyd('periodic/awk-10-k-2025-02-19-0001410636-25-000022-cyd-facts.ndjson');
    expect(a.dates.detected).toBe('2024-10-03');
  });

  it('reads "incurred significant costs" for an incident as material', async () => {
    const a = await cyd('periodic/thc-10-k-2025-02-18-0000070318-25-000009-cyd-facts.ndjson');
    expect(a.materialImpact).toBe('material');
  });

  it('takes a threat actor that "used compromised merchant login details to access" accounts as the start of access, and "an immaterial number of accounts" as scope, not impact', async () => {
    const a = await cyd('periodic/heps-20-f-2025-04-30-0001104659-25-041729-cyd-facts.ndjson');
    expect(a.incident).toBe(true);
    expect(a.dates.began).toBe('2024-02');
    expect(a.materialImpact).toBeNull();
  });
});

describe('program text and generic hedges', () => {
  it('does not read "in response to an identified cybersecurity incident, the committee will assemble" or "upon detection of a cybersecurity incident, the team acts" as incidents', async () => {
    expect((await cyd('negatives/wec-10-k-2025-02-21-0000107815-25-000103-cyd-facts.ndjson')).incident).toBe(false);
    expect((await cyd('negatives/prch-10-k-2025-02-25-0001784535-25-000011-cyd-facts.ndjson')).incident).toBe(false);
    expect((await cyd('negatives/pag-10-k-2025-02-21-0001019849-25-000022-cyd-facts.ndjson')).incident).toBe(false);
  });

  it('does not take encrypted tunnels for ransomware, nor "any of which could materially affect" for an open materiality question', async () => {
    const a = await cyd('periodic/fbyd-10-k-2026-03-30-0001193125-26-131874-cyd-facts.ndjson');
    expect(a.flags.ransomware).toBe(false);
    expect(a.materialImpact).toBeNull();
  });

  it('does not quote "suppliers that are also exposed to ransomware" as the ransomware evidence', async () => {
    const a = await cyd('periodic/tgen-10-k-2025-03-18-0001537435-25-000018-cyd-facts.ndjson');
    expect(a.evidence['flags.ransomware']).toMatch(/ransomware attack on our computer network which occurred on April 28, 2023/);
    expect(a.materialImpact).toBeNull();
  });
});

describe('earnings releases', () => {
  it('does not read a quarterly earnings release on a known attack’s effects as an incident disclosure', async (ctx) => {
    const bytes = shared('raw/item105-amend/unh-8-k-2024-07-16-0000731766-24-000242.txt');
    if (!bytes) return ctx.skip();
    const a = await analyze(bytes, { form: '8-K', filedAt: '2024-07-16' });
    expect(a.incident).toBe(false);
  });

  it('still reads a dated report of an attack inside an earnings release', async () => {
    const a = await analyze('Item 2.02 Results of Operations and Financial Condition.\nOn July 2, 2026, the Company detected a ransomware attack that encrypted some of its servers; revenue for the quarter was $10 million.', { form: '8-K', filedAt: '2026-07-20' });
    expect(a.incident).toBe(true);
    expect(a.item).toBe('2.02');
  });
});
