// The failure classes seen on filings the analyzer had never seen (issue 8 §1), each as a class of
// wording written for these tests in the style of filings (no sentence is copied from a filing).

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';

const eightK = (text: string, extra: Record<string, unknown> = {}) => analyze(text, { form: '8-K', filedAt: '2026-07-10', ...extra });
const tenK = (text: string) => analyze(text, { form: '10-K', filedAt: '2026-02-27' });

describe('annual-report text: generic risk versus a named past incident', () => {
  it('does not read "we have experienced and will experience incidents in the ordinary course" as an incident', async () => {
    const a = await tenK('Like other companies, we have experienced and will continue to experience cyberattacks and attempted intrusions in the ordinary course of our business.');
    expect(a.incident).toBe(false);
  });

  it('does not read what an affiliate "experiences" in general as an incident', async () => {
    const a = await tenK('Our sponsor experiences phishing attacks and other cyber intrusions against its portfolio companies.');
    expect(a.incident).toBe(false);
  });

  it('reads a named past incident told with its effects in a 10-K or 10-Q as an incident', async () => {
    const a = await analyze('We estimate the Cyber Incident reduced operating income by approximately $12 million during the year.', { form: '10-Q', filedAt: '2026-05-01' });
    expect(a.incident).toBe(true);
    const b = await tenK('Sales in the third quarter were lower because of the Acme Logistics cyberattack, which delayed shipments for two weeks.');
    expect(b.incident).toBe(true);
  });

  it('does not read an earnings release that quantifies a known attack as an incident disclosure', async () => {
    const a = await eightK('Adjusted results exclude costs of $40 million related to the Cyberattack.', { items: ['2.02'] });
    expect(a.incident).toBe(false);
  });

  it('does not read the response-plan text of an Item 1C as an incident', async () => {
    const a = await tenK('Our incident response plan describes when we would engage forensic firms and notify law enforcement, and the Companys cybersecurity incident reporting process will inform the committee of any impact.');
    expect(a.incident).toBe(false);
  });
});

describe('materiality wordings', () => {
  it('maps "has not identified any material impact" to not-material', async () => {
    const a = await eightK('On July 1, 2026, the Company detected unauthorized access to its network. The Company has not identified any material impact on its financial condition or results of operations.');
    expect(a.materialImpact).toBe('not-material');
    expect(a.evidence.materialImpact).toMatch(/has not identified any material impact/);
  });

  it('maps "is still estimating the impact" to not-determined', async () => {
    const a = await eightK('On July 1, 2026, the Company detected unauthorized access to its network. The Company is still estimating the financial impact of the incident.');
    expect(a.materialImpact).toBe('not-determined');
  });

  it('maps "incurred significant costs and other material financial effects" to material', async () => {
    const a = await eightK('On July 1, 2026, the Company detected a ransomware attack on its network. The incident has incurred significant costs and other material financial effects for the Company.');
    expect(a.materialImpact).toBe('material');
  });

  it('reads "overall business operations" as operations, so an open financial statement decides', async () => {
    const a = await eightK(
      'On July 1, 2026, the Company detected unauthorized access to its network. The incident has not had a material impact on our overall business operations. We have not determined that the incident is reasonably likely to materially impact our financial condition or results of operations.',
    );
    expect(a.materialImpact).toBe('not-determined');
    expect(a.evidence.materialImpact).toMatch(/^We have not determined that the incident is reasonably likely to materially impact/);
  });

  it('quotes the sentence that states the impact, not a sentence about the extent of the disruption', async () => {
    const a = await eightK(
      'On July 1, 2026, the Company identified that a threat actor had gained access to some of its systems. The Company cannot estimate the duration or extent of the disruption at this time. As of the date of this report, the Company has not determined the incident is reasonably likely to materially impact its financial condition or results of operations.',
    );
    expect(a.materialImpact).toBe('not-determined');
    expect(a.evidence.materialImpact).toMatch(/has not determined the incident is reasonably likely to materially impact/);
  });

  it('does not take a revenue loss that "cannot be quantified" for an open materiality question', async () => {
    const a = await analyze('In 2025 the Company was the subject of a targeted cyber-attack and experienced a loss of revenues that cannot be quantified as a result of this attack.', { form: '10-Q', filedAt: '2026-05-01' });
    expect(a.materialImpact).toBeNull();
  });

  it('reads "do not believe … significant impact" on an XBRL viewer page that glues "not" to the next word', async () => {
    const a = await analyze('We were the target of an external ransomware attack in\nJanuary 2026which suspended our services. Due to insurance we do\nnotbelieve the cyber-attack will have a significant impact on our financial statements.', { form: '10-Q', filedAt: '2026-05-01' });
    expect(a.materialImpact).toBe('not-material');
    expect(a.dates.detected).toBe('2026-01');
  });
});

describe('thirdParty', () => {
  it('is true for data on third-party-hosted applications, a third-party contractor and a third-party law firm', async () => {
    for (const text of [
      'On July 1, 2026, the Company identified unauthorized activity involving data maintained on certain third-party-hosted business applications.',
      'On July 1, 2026, the Company detected unauthorized access that came from a compromised user session associated with a third-party contractor.',
      'On July 1, 2026, the Company became aware of a cybersecurity incident involving a third\u2011party law firm that provides services to the Company.',
      'Since July 1, 2026, the Company has experienced disruptions in its access to information systems provided to the Company by Orbit Software due to a cybersecurity incident.',
    ]) {
      const a = await eightK(text);
      expect(a.flags.thirdParty, text).toBe(true);
    }
  });

  it('is true for an incident that came through a supplier’s software, false for the software maker itself', async () => {
    const a = await tenK('In June 2025, our vendor notified us of the MOVEit Cybersecurity Incident affecting files it processed for us.');
    expect(a.flags.thirdParty).toBe(true);
    const b = await tenK('In May 2025, we learned that our MOVEit Transfer products were attacked through a vulnerability, as previously reported, and the incident affected customers.');
    expect(b.flags.thirdParty).toBe(false);
  });

  it('is false for "an unauthorized third party" and for a third-party forensic firm', async () => {
    const a = await eightK('On July 1, 2026, the Company determined that an unauthorized third party gained access to its network. The Company, with the assistance of a third-party forensic firm, is investigating the incident.');
    expect(a.flags.thirdParty).toBe(false);
  });
});

describe('dataAccessed and lawEnforcementNotified', () => {
  it('reads stolen credentials used to download copies of personal data as data accessed', async () => {
    const a = await eightK('On July 1, 2026, the Company learned that an unauthorized party obtained credentials from a vendor and used these credentials to download copies of certain personal data of customers.');
    expect(a.flags.dataAccessed).toBe(true);
  });

  it('does not take a claim of exfiltration in lawsuits for data accessed', async () => {
    const a = await analyze('As previously reported, on May 28, 2025, we learned that our product was attacked. Individuals claim to have been impacted by the exfiltration of data from our customers.', { form: '10-Q', filedAt: '2025-10-01' });
    expect(a.flags.dataAccessed).toBe(false);
  });

  it('sets lawEnforcementNotified when the filing says so, at the start of a sentence or in a list of steps taken', async () => {
    const a = await eightK('On July 1, 2026, the Company detected a ransomware attack on its network. Law enforcement has also been notified.');
    expect(a.flags.lawEnforcementNotified).toBe(true);
    const b = await eightK('On May 4, 2026, the Company detected a ransomware attack. Upon detection of the intrusion, the Company activated its incident response protocols, including taking systems offline and notifying law enforcement.');
    expect(b.flags.lawEnforcementNotified).toBe(true);
  });

  it('does not set lawEnforcementNotified from what the plan says the company would do', async () => {
    const a = await eightK('On July 1, 2026, the Company detected a ransomware attack on its network. Under its response plan the Company would coordinate with law enforcement as appropriate.');
    expect(a.flags.lawEnforcementNotified).toBe(false);
  });
});

describe('dates inside noun phrases', () => {
  it('dates the incident from its name or from "an incident in <month year>"', async () => {
    const a = await tenK('Our results were affected by our previously disclosed cybersecurity incident that took place in January 2025.');
    expect(a.dates.detected).toBe('2025-01');
    const b = await tenK('Our results were materially affected by our previously disclosed August 2024 cyberattack.');
    expect(b.dates.detected).toBe('2024-08');
  });

  it('dates "has experienced disruptions since <date>" as the incident felt, and resolves a year-less date against the filing date', async () => {
    const a = await eightK('As previously disclosed, the Company has experienced disruptions since June 19 in its access to certain systems due to a cybersecurity incident.');
    expect(a.dates.detected).toBe('2026-06-19');
  });
});
