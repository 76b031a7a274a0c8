// Issue 8's other classes (dates, flags, update), each checked on a real filing's text: notes to
// financial statements as EDGAR's XBRL viewer serves them (R pages) and quoted 8-K and 10-Q
// passages. The source is named in each test; the expected values follow
// test/fixtures/labels/README.md.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';

const doc = (...lines: string[]) => lines.join('\n');

describe('detection dates', () => {
  // RxSight, 10-Q for the quarter ended March 31, 2025 (accession 0000950170-25-065683), as filed.
  const rxsight = doc(
    'For example, as previously disclosed, on May 2, 2024, an unauthorized actor targeted the personal cell phone number of an RxSight employee.',
    'On May 3, 2024, the unauthorized actor obtained unauthorized access to the employee’s cloud-based work account and to e-mails and files that were accessible from that account.',
    'We discovered the incident on the same day, May 3, 2024, promptly disabled the employee’s account, initiated response and investigation procedures, contacted our insurance provider, and retained external cybersecurity experts to assist in our response and investigation.',
    'While the unauthorized actor accessed and acquired copies of e-mail messages and other materials that were accessible from the employee’s cloud-based work account, our information systems were never interrupted and remained operational during this unauthorized access, and we have not observed any aspect of this incident that has had a material impact on our operations, financial systems, or financial condition.',
  );

  it('dates the detection by a date set off after "on the same day," (RxSight 10-Q)', async () => {
    const a = await analyze(rxsight, { form: '10-Q', filedAt: '2025-05-08' });
    expect(a.incident).toBe(true);
    expect(a.dates.detected).toBe('2024-05-03');
    expect(a.evidence['dates.detected']).toMatch(/^We discovered the incident on the same day, May 3, 2024/);
    expect(a.dates.began).toBe('2024-05-03');
    expect(a.update).toBe(true);
    expect(a.flags.dataAccessed).toBe(true);
    expect(a.flags.operationalDisruption).toBe(false);
  });

  it('keeps a date after "on the following day," undated when the clause before it names no detection ("restored its systems on the following day, June 3")', async () => {
    const a = await analyze(
      doc('Item 8.01 Other Events.', 'On June 2, 2025, the Company detected unauthorized access to its network.', 'The Company restored its systems on the following day, June 3, 2025.'),
      { form: '8-K', filedAt: '2025-06-05' },
    );
    expect(a.dates.detected).toBe('2025-06-02');
    expect(a.dates.contained).toBeNull();
  });

  it('dates the detection inside the noun phrase "The cybersecurity incident identified on October 17, 2021" (Sinclair 10-K)', async () => {
    // Sinclair Broadcast Group, 10-K for 2022 as repeated in its DEFA14A (accession 0001193125-23-089614).
    const a = await analyze(
      'The cybersecurity incident identified on October 17, 2021 resulted in the loss in the fourth quarter of 2021 of approximately $63 million of advertising revenue, primarily related to our broadcast segment, as well as approximately $7 million through the date of filing of this Form 10-K in costs and expenses related to mitigation efforts, our investigation and the security improvements resulting therefrom.',
      { form: '10-K', filedAt: '2023-03-01' },
    );
    expect(a.incident).toBe(true);
    expect(a.dates.detected).toBe('2021-10-17');
  });

  it('takes the date of "we announced that on January 23, 2021, we detected a ransomware incident" as detected, not the announcement (WestRock 10-Q)', async () => {
    // WestRock, 10-Q for the quarter ended December 31, 2020, Subsequent Events note (CIK 1732845,
    // accession 0001564590-21-004537, R24.htm).
    const a = await analyze(
      doc(
        'On January 25, 2021, we announced that on January 23, 2021, we detected a ransomware incident impacting certain of our operational and information technology systems.',
        'Promptly upon our detection of the incident, we initiated response and containment protocols.',
        'These actions included taking preventative measures, including shutting down certain systems out of an abundance of caution, as well as taking steps to supplement existing security monitoring, scanning and protective measures.',
        'We have notified law enforcement and contacted our customers to apprise them of the situation.',
      ),
      { form: '10-Q', filedAt: '2021-02-05' },
    );
    expect(a.dates.detected).toBe('2021-01-23');
    expect(a.flags.ransomware).toBe(true);
    expect(a.flags.lawEnforcementNotified).toBe(true);
    expect(a.flags.operationalDisruption).toBe(true);
  });
});

describe('a vendor whose own product was attacked', () => {
  // Progress Software, 10-Q for the quarter ended August 31, 2024, Cyber Related Matters note
  // (CIK 876167, accession 0000876167-24-000160, R24.htm), as filed.
  const progress = doc(
    'MOVEit Vulnerability',
    'As previously reported, on the evening of May 28, 2023, we learned that our MOVEit Transfer (the on-premise version) and MOVEit Cloud (a cloud-hosted version of MOVEit Transfer) products were attacked via a “zero-day vulnerability” that could provide for unauthorized escalated privileges and access to the customer’s underlying environment (the “MOVEit Vulnerability”).',
    'We continue to monitor the impact of the MOVEit Vulnerability on our business, operations, and financial results.',
  );

  it('reads "we learned that our … products were attacked" as the incident, a follow-up, detected "on the evening of May 28, 2023"', async () => {
    const a = await analyze(progress, { form: '10-Q', filedAt: '2024-10-08' });
    expect(a.incident).toBe(true);
    expect(a.update).toBe(true);
    expect(a.dates.detected).toBe('2023-05-28');
    expect(a.flags.thirdParty).toBe(false);
  });

  it('keeps "learned that our systems were attacked" in risk text from being an incident', async () => {
    const a = await analyze('In the past, we have learned that our systems were attacked by cybercriminals seeking unauthorized access, and we expect such attacks to continue.', { form: '10-K', filedAt: '2025-02-20' });
    expect(a.incident).toBe(false);
  });
});

describe('an incident in a workspace on a third-party cloud platform (the Snowflake class)', () => {
  // AT&T, 8-K of July 12, 2024 (Item 1.05): the first paragraph as quoted in full by Foley Hoag
  // (JD Supra, "AT&T/Snowflake Breach Hits Most of US"), the materiality sentence as quoted by
  // Cyber Insurance News; the data sentence as quoted by both.
  it('sets thirdParty, dataAccessed, detected 2024-04-19 and began 2024-04-14 from AT&T’s 8-K, not material', async () => {
    const a = await analyze(
      doc(
        'Item 1.05. Material Cybersecurity Incidents.',
        'On April 19, 2024, AT&T Inc. (“AT&T”) learned that a threat actor claimed to have unlawfully accessed and copied AT&T call logs. AT&T immediately activated its incident response process to investigate and retained external cybersecurity experts to assist. Based on its investigation, AT&T believes that threat actors unlawfully accessed an AT&T workspace on a third-party cloud platform and, between April 14 and April 25, 2024, exfiltrated files containing AT&T records of customer call and text interactions that occurred between approximately May 1 and October 31, 2022, as well as on January 2, 2023, as described below.',
        'The data does not contain the content of calls or texts, personal information such as Social Security numbers, dates of birth, or other personally identifiable information.',
        'As of the date of this filing, this incident has not had a material impact on AT&T’s operations, and AT&T does not believe that this incident is reasonably likely to materially impact AT&T’s financial condition or results of operations.',
      ),
      { form: '8-K', filedAt: '2024-07-12' },
    );
    expect(a.incident).toBe(true);
    expect(a.flags.thirdParty).toBe(true);
    expect(a.evidence['flags.thirdParty']).toMatch(/an AT&T workspace on a third-party cloud platform/);
    expect(a.flags.dataAccessed).toBe(true);
    expect(a.dates.detected).toBe('2024-04-19');
    expect(a.dates.began).toBe('2024-04-14');
    expect(a.materialImpact).toBe('not-material');
  });
});

describe('flags in notes to financial statements', () => {
  it('reads "reported the matter to the Federal Bureau of Investigation" as law enforcement notified, and third-party experts and misdirected wires as neither thirdParty nor data accessed', async () => {
    // 10-K for 2024, Note 17 Loss Recovery (CIK 1867066, accession 0001410578-25-000490, R24.htm).
    const a = await analyze(
      doc(
        'NOTE 17. LOSS RECOVERY',
        'In September 2021, the Company was the victim of a business email compromise cybersecurity incident that affected its accounts payable function and led to approximately $9.5 million in wire transfers being misdirected to fraudulent accounts.',
        'Upon discovery of the fraud, the Company retained third-party cybersecurity experts and reported the matter to the Federal Bureau of Investigation (the “FBI”).',
        'After a series of investigations, the FBI was able to trace and seize a portion of the misappropriated funds.',
      ),
      { form: '10-K', filedAt: '2025-03-20' },
    );
    expect(a.incident).toBe(true);
    expect(a.dates.detected).toBe('2021-09');
    expect(a.flags.lawEnforcementNotified).toBe(true);
    expect(a.evidence['flags.lawEnforcementNotified']).toMatch(/reported the matter to the Federal Bureau of Investigation/);
    expect(a.flags.thirdParty).toBe(false);
    expect(a.flags.dataAccessed).toBe(false);
  });

  it('reads "in collaboration with law enforcement, worked to remediate" and systems shut down globally (Expeditors 10-Q)', async () => {
    // Expeditors International, 10-Q for the quarter ended September 30, 2022, Note 9 Cyber-Attack
    // (CIK 746515, accession 0001564590-22-037052, R17.htm).
    const a = await analyze(
      doc(
        'Note 9. Cyber-Attack',
        'On February 20, 2022, management determined that the Company was the subject of a targeted cyber-attack.',
        'Upon discovering the incident, the Company shut down most of its connectivity, operating and accounting systems globally to manage the safety of its overall global systems environment, and initiated its cybersecurity incident response plan.',
        'The Company’s security teams, supplemented by commercial cybersecurity experts and in collaboration with law enforcement, worked to remediate this cyber-attack.',
      ),
      { form: '10-Q', filedAt: '2022-11-03' },
    );
    expect(a.incident).toBe(true);
    expect(a.dates.detected).toBe('2022-02-20');
    expect(a.flags.lawEnforcementNotified).toBe(true);
    expect(a.flags.operationalDisruption).toBe(true);
    expect(a.flags.thirdParty).toBe(false);
  });
});

describe('annual-report risk text and a named past incident', () => {
  it.each([
    // Coca-Cola FEMSA, 20-F risk factor, as TipRanks' risk-factor page reproduces it.
    ['20-F', 'Our IT systems may be target of attacks. Although the cybersecurity incidents that we have experienced to date have not had a material effect on our business, financial condition or results of operations, such cybersecurity incidents could have a material adverse effect on us in the future.'],
    // Google, 10-K filed 2015-02-09, risk factor as quoted by Audit Analytics.
    ['10-K', 'We experience cyber attacks of varying degrees on a regular basis. Our security measures may also be breached due to employee error, malfeasance, system errors or vulnerabilities, or otherwise. Any such breach or unauthorized access could result in significant legal and financial exposure, damage to our reputation, and a loss of confidence in the security of our products and services that could potentially have an adverse effect on our business.'],
    // Snowflake, 10-K risk factor, as TipRanks' risk-factor page reproduces it.
    ['10-K', 'We, our customers and business partners, and these third parties face a variety of evolving cybersecurity threats. Cybersecurity threats come from a variety of sources, including traditional computer "hackers," internal and external personnel (such as through theft or misuse), sophisticated nation-states, and nation-state-supported actors.'],
  ])('does not read %s risk text about incidents in general as an incident', async (form, text) => {
    const a = await analyze(text, { form, filedAt: '2025-03-01' });
    expect(a.incident).toBe(false);
    expect(a.materialImpact).toBeNull();
  });

  it('reads Anthem’s "In February 2015, we reported the discovery that … systems had been the target of an external cyber attack" as a named past incident, undated (the date is the report’s)', async () => {
    // Anthem, 10-K filed 2015-02-24, as quoted by Audit Analytics.
    const a = await analyze(
      'In February 2015, we reported the discovery that certain of our information technology systems had been the target of an external cyber attack, as more fully described under Note 13, “Commitments and Contingencies – Data Breach,” to our audited consolidated financial statements included in Part II, Item 8 of this Annual Report on Form 10-K.',
      { form: '10-K', filedAt: '2015-02-24' },
    );
    expect(a.incident).toBe(true);
    expect(a.update).toBe(true);
    expect(a.dates.detected).toBeNull();
  });
});
