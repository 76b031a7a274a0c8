// General phrasings of incident disclosures that the labelled corpus did not contain, written for
// these tests in the style of filings (no sentence is copied from a filing). Each one stands for a
// class of wording that other filers use.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';

const eightK = (text: string, extra: Record<string, unknown> = {}) =>
  analyze(text, { form: '8-K', filedAt: '2025-06-30', items: ['8.01'], ...extra });

describe('incident classes beyond "detected a cybersecurity incident"', () => {
  it('reads "upon detecting unauthorized activity" and "took steps to contain the incident" as an event', async () => {
    const a = await eightK(
      'Upon detecting unauthorized activity, the Company took steps to contain and respond to the incident and engaged outside cybersecurity advisors. The Company has notified law enforcement.',
    );
    expect(a.incident).toBe(true);
    expect(a.flags.lawEnforcementNotified).toBe(true);
  });

  it('reads "we are working to assess and remediate the incident" with cybersecurity advisors as an event', async () => {
    const a = await eightK(
      'We are actively working to remediate the incident with the help of external cybersecurity consultants. The incident is affecting some of our operations.',
    );
    expect(a.incident).toBe(true);
    expect(a.flags.operationalDisruption).toBe(true);
  });

  it('does not read an incident response process ("once an incident is identified, the team works to contain the incident") as an event', async () => {
    const a = await analyze(
      'Once a cybersecurity incident is identified, our response team is working to contain the incident and assess its impact under our incident response plan.',
      { form: '10-K', filedAt: '2025-02-28' },
    );
    expect(a.incident).toBe(false);
  });

  it('reads "the encryption of data" and "encrypting some data files" as ransomware', async () => {
    const a = await eightK('The attacker disrupted the Company’s operations by encrypting some data files on its servers.');
    expect(a.incident).toBe(true);
    expect(a.flags.ransomware).toBe(true);
    const b = await eightK('The Company determined that the unauthorized activity included access to certain systems and the encryption of data.');
    expect(b.incident).toBe(true);
    expect(b.flags.ransomware).toBe(true);
  });

  it('does not read encryption of data at rest or in transit as an incident', async () => {
    const a = await analyze('We maintain encryption of data at rest and in transit, and our systems are monitored for unauthorized access.', {
      form: '10-K',
      filedAt: '2025-02-28',
    });
    expect(a.incident).toBe(false);
  });

  it('reads "had been the target of a cyber attack" as an event', async () => {
    const a = await analyze('In March 2024, we discovered that certain of our systems had been the target of an external cyber attack.', {
      form: '10-K',
      filedAt: '2025-02-28',
    });
    expect(a.incident).toBe(true);
  });

  it('reads a follow-up on "its cybersecurity incident disclosed on May 5" as an incident update', async () => {
    const a = await eightK('The Company has brought back online the systems that were taken offline because of its cybersecurity incident disclosed on May 5.');
    expect(a.incident).toBe(true);
    expect(a.update).toBe(true);
    expect(a.flags.operationalDisruption).toBe(true);
  });

  it('does not read "our cybersecurity incident response plan" as a reference to an incident', async () => {
    const a = await analyze('Our cybersecurity incident response plan was updated on May 5 and tested in a tabletop exercise.', { form: '10-K', filedAt: '2025-02-28' });
    expect(a.incident).toBe(false);
  });
});

describe('flags in other words', () => {
  it('reads "gained access to, among other information, personal information" as data accessed', async () => {
    const a = await eightK('On June 2, 2025, the Company detected that a cybercrime group had gained access to, among other information, personal information of customers.');
    expect(a.flags.dataAccessed).toBe(true);
  });

  it('reads "unauthorized access to personal information" as data accessed', async () => {
    const a = await eightK(
      'On June 2, 2025, the Company identified unauthorized activity in its network. The Company is notifying affected individuals with respect to unauthorized access to personal information.',
    );
    expect(a.flags.dataAccessed).toBe(true);
  });

  it('does not read "took steps to protect our systems and data" as data accessed', async () => {
    const a = await eightK('On June 2, 2025, the Company identified unauthorized activity in its network and took precautionary steps to protect its systems and data.');
    expect(a.incident).toBe(true);
    expect(a.flags.dataAccessed).toBe(false);
  });

  it('reads unauthorized activity "within a third-party cloud environment" as a third-party incident', async () => {
    const a = await eightK('On June 2, 2025, the Company identified unauthorized activity within a third-party cloud storage environment that holds Company data.');
    expect(a.flags.thirdParty).toBe(true);
  });

  it('reads "a third-party provider ... was experiencing a cyber incident" as a third-party incident', async () => {
    const a = await eightK('On June 2, 2025, the Company was notified by its software vendor, a third-party provider of hosted systems, that it was experiencing a cyber incident.');
    expect(a.incident).toBe(true);
    expect(a.flags.thirdParty).toBe(true);
    expect(a.dates.detected).toBe('2025-06-02');
  });

  it('reads "investigation by ... law enforcement is ongoing" as law enforcement involved', async () => {
    const a = await eightK('On June 2, 2025, the Company detected a cybersecurity incident. The investigation of the incident by outside experts and law enforcement is ongoing.');
    expect(a.flags.lawEnforcementNotified).toBe(true);
  });

  it('keeps a factual disruption that "could be considered material" as operational disruption', async () => {
    const a = await eightK(
      'On June 2, 2025, the Company detected a cybersecurity incident. Shutting down certain systems to contain the intrusion resulted in an operational disruption that could be considered material.',
    );
    expect(a.flags.operationalDisruption).toBe(true);
  });
});

describe('materiality and update in other words', () => {
  it('reads "assessing the potential impact on its operations and financial condition" as not determined', async () => {
    const a = await analyze(
      'On April 2, 2025, the Company experienced an outage due to a cyber incident affecting certain applications. The Company is investigating the incident and assessing the potential impact on its operations and financial condition.',
      { form: '10-Q', filedAt: '2025-05-08' },
    );
    expect(a.incident).toBe(true);
    expect(a.materialImpact).toBe('not-determined');
    expect(a.dates.detected).toBe('2025-04-02');
  });

  it('treats an S-1/A that mentions past cyber incidents as neither an incident nor an update', async () => {
    const a = await analyze('We have experienced cybersecurity incidents in the past, and we may experience such incidents in the future.', { form: 'S-1/A' });
    expect(a.incident).toBe(false);
    expect(a.update).toBe(false);
  });

  it('reads an 8-K/A on an incident as an update', async () => {
    const a = await analyze('On June 2, 2025, the Company detected unauthorized access to certain of its systems.', { form: '8-K/A', items: ['1.05'] });
    expect(a.update).toBe(true);
  });
});

describe('incidents at a vendor', () => {
  it('reads data taken "from systems hosted by a third-party software vendor" as a third-party incident', async () => {
    const a = await eightK(
      'On May 2, 2025, the Company learned that an unauthorized party had copied certain customer records from systems hosted by a third-party software vendor that supports our billing operations.',
    );
    expect(a.incident).toBe(true);
    expect(a.flags.thirdParty).toBe(true);
    expect(a.flags.dataAccessed).toBe(true);
  });

  it('does not read "an unauthorized third party" alone as a vendor incident', async () => {
    const a = await eightK('On May 2, 2025, the Company detected that an unauthorized third party had accessed certain of its internal systems.');
    expect(a.incident).toBe(true);
    expect(a.flags.thirdParty).toBe(false);
  });
});
