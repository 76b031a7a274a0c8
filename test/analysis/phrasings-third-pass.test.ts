// The failure classes of held-out set #2 (real 8-K, 10-Q and 10-K texts the analyzer had never
// seen), each as a class of wording written for these tests in the style of filings; no sentence
// is copied from a held-out document.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';

const eightK = (text: string) => analyze(text, { form: '8-K', filedAt: '2026-07-10' });
const tenQ = (text: string) => analyze(text, { form: '10-Q', filedAt: '2026-05-01' });
const tenK = (text: string) => analyze(text, { form: '10-K', filedAt: '2026-02-27' });

describe('incidents told in other words', () => {
  it('reads a business e-mail compromise the company "had recently been the victim of" as an incident, dated by the month', async () => {
    const a = await tenK(
      'In March 2025, the Company determined that it had recently been the victim of a “business e-mail compromise” scheme that redirected vendor payments. The Company is cooperating with federal law enforcement authorities.',
    );
    expect(a.incident).toBe(true);
    expect(a.dates.detected).toBe('2025-03');
    expect(a.flags.lawEnforcementNotified).toBe(true);
    expect(a.flags.dataAccessed).toBe(false);
  });

  it('reads "following the detection of irregular activity on our network" as the event, but not plan text about steps "to be taken upon the detection" of one', async () => {
    const a = await tenQ('Following the detection of irregular activity on portions of our corporate network, we engaged outside experts to assess the scope of the cyber incident.');
    expect(a.incident).toBe(true);
    const b = await tenK('Our response plan sets out the steps to be taken upon the detection of a cybersecurity incident, including escalation to the audit committee.');
    expect(b.incident).toBe(false);
  });

  it('reads the incident told noun first: "the cyberattack recently experienced by our software provider has disrupted our operations"', async () => {
    const a = await eightK(
      'The Company today announced that the cybersecurity incident recently experienced by its third-party software provider has disrupted the Company’s ordering systems. The Company’s ability to determine the material impact, if any, of the incident will depend on when the provider restores its systems.',
    );
    expect(a.incident).toBe(true);
    expect(a.flags.thirdParty).toBe(true);
    expect(a.flags.operationalDisruption).toBe(true);
    expect(a.materialImpact).toBe('not-determined');
  });

  it('reads systems "confirmed … were breached", an intruder using a vendor’s credentials and malware deployed to capture card data', async () => {
    const a = await tenQ(
      'In the second quarter, the Company confirmed that its point-of-sale systems were breached. The intruder used a supplier’s login credentials to enter the network and installed custom malware on the registers to capture payment card data. The Company is supporting law enforcement efforts to identify those responsible.',
    );
    expect(a.incident).toBe(true);
    expect(a.flags.thirdParty).toBe(true);
    expect(a.flags.dataAccessed).toBe(true);
    expect(a.flags.lawEnforcementNotified).toBe(true);
  });

  it('reads a response under way described with a list of verbs ("to assess, contain, and remediate the incident")', async () => {
    const a = await eightK('We are actively working to assess, contain, and remediate the incident with the assistance of outside cybersecurity firms.');
    expect(a.incident).toBe(true);
  });

  it('reads a defined "Data Breach" told with its costs or litigation in an annual report as an incident', async () => {
    const a = await tenK('We recorded $12 million of expenses related to the Data Breach, net of expected insurance recoveries.');
    expect(a.incident).toBe(true);
    const b = await tenK('Regulators are investigating events related to the Data Breach, including its consequences and our responses.');
    expect(b.incident).toBe(true);
  });
});

describe('negatives worded like history', () => {
  it('does not read "while we have experienced cybersecurity attacks, such attacks have not resulted in a material breach" as an incident', async () => {
    const a = await tenK('While we have experienced cybersecurity attacks, such attacks have not resulted in a material information security breach and we have not suffered any material losses.');
    expect(a.incident).toBe(false);
    const b = await tenK('We have experienced cyber incidents in the past, and we may experience such incidents in the future.');
    expect(b.incident).toBe(false);
  });
});

describe('dates and sentences', () => {
  it('dates the reported clause of "we announced that on <date>, we detected…", and a heading that names the incident by its month', async () => {
    const a = await tenQ('On March 5, 2026, we announced that on March 3, 2026, we detected a ransomware incident affecting some of our plants.');
    expect(a.dates.detected).toBe('2026-03-03');
    const b = await tenQ('March 2025 Cyber Incident\nFollowing the detection of unusual activity on our network, we engaged forensic experts and incurred $2 million of cyber incident costs.');
    expect(b.dates.detected).toBe('2025-03');
  });

  it('does not take "in some instances" in a list of stolen data, or "such as" after the threat actor, for generic risk text', async () => {
    const a = await eightK('On July 1, 2026, the Company detected unauthorized access to a vendor interface. The unauthorized party used stolen credentials to download personal data of customers, including, in some instances, account numbers.');
    expect(a.evidence['flags.dataAccessed']).toMatch(/to download personal data of customers/);
    const b = await eightK('On July 1, 2026, the Company detected unauthorized access to its systems. We discovered that the threat actor had accessed data of all users of the service, such as emails and usernames.');
    expect(b.evidence['flags.dataAccessed']).toMatch(/threat actor had accessed data of all users/);
  });
});
