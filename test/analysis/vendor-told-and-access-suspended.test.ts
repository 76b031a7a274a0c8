// Issue 8, classes held-out set #10 showed analyzer 1.28.0 missing. Each class is tested on
// sentences quoted from the public filing or company statement that shows it (sources beside each)
// and on sentences written for this test in the same style, so that the rule is the phrasing and
// not the one text:
// - a named company told the registrant of an intrusion into that company's own system ("AMCA
//   advised BioReference that … an unauthorized person may have had access to AMCA's system",
//   "has been notified by … (AMCA) about unauthorized activity on AMCA’s web payment page"): the
//   incident happened at a company serving the registrant, so thirdParty, even where no word says
//   "vendor"; a vendor named by its business (a collection agency, a business associate, a payment
//   processor) or any vendor that told the registrant of an attack on itself, likewise; not a
//   firm or agency that told the registrant of an intrusion into the registrant's own systems;
//   "notified by Retrieval-Masters Creditors Bureau, Inc. d/b/a … about unauthorized activity"
//   reports the event across the stop of "Inc.", and "AMCA notified Quest and Optum360 of …" across
//   the second company told;
// - a periodic report telling by its date what the registrant itself reported then ("On June 3,
//   2019, the Company reported that …") points back to that disclosure: update;
// - users shut out of the systems ("suspended user access to impacted information technology
//   applications"), work moved to downtime procedures ("utilizing well-established back-up
//   processes") or records unavailable is an operational disruption, told indirectly; patients or
//   ambulances diverted and procedures rescheduled tell it outright; not an account locked, nor
//   the back-up processes a program keeps, nor a diversion a plan foresees.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { extractFlags } from '../../src/analysis/flags.ts';
import { followsUp } from '../../src/analysis/follow-up.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';

const flags = (text: string) => extractFlags(splitSentences(text));

// Laboratory Corporation of America Holdings, 8-K of June 4, 2019 (accession 0001193125-19-165091,
// d757830d8k.htm), as quoted by the Kehoe Law Firm ("LabCorp – Possibly 7.7 Million Affected").
const LABCORP_NOTIFIED =
  'In response to questions it has received, LabCorp® (NYSE: LH) announced that it has been notified by Retrieval-Masters Creditors Bureau, Inc. d/b/a American Medical Collection Agency (AMCA) about unauthorized activity on AMCA’s web payment page (the AMCA Incident).';
const LABCORP_WHEN = 'According to AMCA, this activity occurred between August 1, 2018, and March 30, 2019.';
const LABCORP_AGENCY = 'AMCA is an external collection agency used by LabCorp and other healthcare companies.';
// OPKO Health, Inc.'s subsidiary BioReference Laboratories, Inc., press release of July 30, 2019
// ("BioReference Notifies Patients in AMCA Incident", PR Newswire).
const BIOREFERENCE =
  "BioReference used AMCA for billing collection services, and on June 3, 2019, AMCA advised BioReference that between August 1, 2018 and March 30, 2019, an unauthorized person may have had access to AMCA's system.";

describe('a named company that told the registrant of an intrusion into its own system', () => {
  it('sets thirdParty from LabCorp’s 8-K, quoting the sentence that names AMCA’s web payment page', async () => {
    const a = await analyze(['Item 8.01 Other Events', LABCORP_NOTIFIED, LABCORP_WHEN, LABCORP_AGENCY].join('\n'), {
      form: '8-K',
      filedAt: '2019-06-04',
      items: ['8.01'],
    });
    expect(a.incident).toBe(true);
    expect(a.flags.thirdParty).toBe(true);
    expect(a.evidence['flags.thirdParty']).toBe(LABCORP_NOTIFIED);
    expect(a.update).toBe(false);
  });

  it.each([
    // Written in the style of Quest Diagnostics' 8-K of June 3, 2019 (as ACA International reported
    // it): the notice went to the registrant and its billing contractor.
    ['On May 14, 2019, AMCA notified Quest and Optum360 of potential unauthorized activity on AMCA’s web payment page.'],
    ['On March 2, 2025, Meridian Billing Services, Inc., our billing vendor, informed the Company and its claims administrator that an unauthorized party had accessed its servers.'],
  ])('reports the incident told to the registrant and another company: %s', async (sentence) => {
    const a = await analyze(['Item 8.01 Other Events', sentence].join('\n'), { form: '8-K', filedAt: '2025-03-06', items: ['8.01'] });
    expect(a.incident).toBe(true);
    expect(a.flags.thirdParty).toBe(true);
  });

  it.each([
    ['Item 8.01 Other Events\nThe Company notified customers and regulators that the outage was not caused by a cyberattack.'],
    ['Item 1C. Cybersecurity\nThe CISO informed the Board and the Audit Committee of cybersecurity risks and of the results of our annual tabletop exercise.'],
  ])('reports no incident for a notice about something else: %s', async (text) => {
    const a = await analyze(text, text.startsWith('Item 8') ? { form: '8-K', filedAt: '2025-03-06', items: ['8.01'] } : { form: '10-K', filedAt: '2025-03-06' });
    expect(a.incident).toBe(false);
  });

  it.each([
    [BIOREFERENCE],
    // Quest Diagnostics' spokesperson, statement of June 3, 2019 (as quoted by HCB News, "Financial
    // details of nearly 12 million patients at risk following AMCA breach").
    ['On May 31, 2019, AMCA notified Quest and Optum360 that the data on AMCA’s affected system included information regarding approximately 11.9 million Quest patients.'],
    ['On March 2, 2025, Meridian Billing Services, Inc. (“MBS”) notified the Company that an unauthorized party had accessed MBS’s claims servers between January 10 and February 14, 2025.'],
    ['In May 2024, the Company was informed by Harbor Payroll LLC (“Harbor”) of a ransomware attack on Harbor’s payroll platform.'],
    ['Kestrel Logistics had informed us that a threat actor had gained access to Kestrel’s network.'],
  ])('sets thirdParty where the informer’s own system was entered: %s', (sentence) => {
    const f = flags(sentence);
    expect(f.flags.thirdParty).toBe(true);
    expect(f.evidence.thirdParty).toBe(sentence);
  });

  it.each([
    // A firm or agency that told the registrant of an intrusion into the registrant's systems.
    ['On March 2, 2025, Mandiant notified the Company that an unauthorized party had accessed the Company’s systems.'],
    ['On May 1, 2025, the FBI informed the Company that a threat actor had accessed the Company’s network.'],
    ['Acme informed us that a threat actor had accessed our network.'],
    // The registrant telling its customers about its own systems.
    ['Acme informed its customers that Acme’s systems had been accessed by an unauthorized party.'],
    // A denial by the informer.
    ['AMCA informed the Company that no unauthorized user had access to AMCA’s system.'],
  ])('leaves thirdParty false when the system entered is not the informer’s: %s', (sentence) => {
    expect(flags(sentence).flags.thirdParty).toBe(false);
  });
});

describe('a vendor named by its business, or one that told of an attack on itself', () => {
  it.each([
    ['In June 2025, one of our billing collections vendors notified the Company that an unauthorized user had accessed its web payment page.'],
    ['A business associate that processes claims on our behalf experienced a ransomware attack in February 2025.'],
    ['Our payment processor was breached in April 2025, and payment card data of some of our customers was taken.'],
    ['In July 2025, a vendor informed us that its systems had been accessed by an unauthorized third party.'],
    ['Northgate is a collection agency used by the Company, and its systems were accessed without authorization between May and June 2025.'],
  ])('sets thirdParty: %s', (sentence) => {
    expect(flags(sentence).flags.thirdParty).toBe(true);
  });

  it.each([
    ['Our payment processor informed us that our merchant fees would increase in 2026.'],
    ['A vendor informed us that it had raised its prices.'],
    ['We refer unpaid accounts to outside collection agencies used by the Company.'],
    ['An unauthorized third party informed us that it had accessed our network and demanded a ransom.'],
    ['Our incident response vendor informed us that the threat actor had been removed from our environment.'],
  ])('leaves thirdParty false: %s', (sentence) => {
    expect(flags(sentence).flags.thirdParty).toBe(false);
  });
});

describe('a periodic report telling what the registrant reported on a past date', () => {
  it.each([
    ['On March 2, 2025, the Company reported that Meridian Billing Services, Inc. had informed the Company that an unauthorized party had accessed its claims servers.'],
    ['On May 14, 2024, we publicly disclosed that we had detected a cybersecurity incident affecting certain of our systems.'],
    ['In April 2024, the Company announced that it had experienced a ransomware attack.'],
    // Anthem, Inc., 10-K for 2014 (filed February 24, 2015), Item 1A (as quoted by Audit Analytics,
    // "Exploring the Disclosure of Cybersecurity"): already read by "reported the discovery".
    ['In February 2015, we reported the discovery that certain of our information technology systems had been the target of an external cyber attack, as more fully described under Note 13, “Commitments and Contingencies – Data Breach,” to our audited consolidated financial statements included in Part II, Item 8 of this Annual Report on Form 10-K.'],
  ])('is an update: %s', (sentence) => {
    expect(followsUp(sentence, true)).toBe(true);
  });

  it.each([
    ['On March 2, 2025, the Company reported that net revenues increased 4%.'],
    ['On March 2, 2025, the Company reported the incident to the FBI.'],
    ['On March 2, 2025, Meridian Billing Services, Inc. reported that an unauthorized party had accessed its claims servers.'],
  ])('is no update: %s', (sentence) => {
    expect(followsUp(sentence, true)).toBe(false);
  });

  it('leaves a current report’s “On <date>, the Company announced that” alone (the release it furnishes)', () => {
    expect(followsUp('On April 2, 2024, the Company announced that it had experienced a ransomware attack.', false)).toBe(false);
  });

  it('makes a 10-Q note that opens with the registrant’s dated report an update with the vendor flag', async () => {
    const first =
      'On March 2, 2025, the Company reported that Meridian Billing Services, Inc. (“MBS”) had informed the Company that an unauthorized user had access to MBS’s system between January 10, 2025 and February 14, 2025 (the “MBS Data Security Incident”).';
    const a = await analyze(['Commitments and Contingencies', 'MBS Data Security Incident', first].join('\n'), { form: '10-Q', filedAt: '2025-05-06' });
    expect(a.incident).toBe(true);
    expect(a.update).toBe(true);
    expect(a.evidence.update).toBe(first);
    expect(a.flags.thirdParty).toBe(true);
    expect(a.dates.began).toBe('2025-01-10');
  });
});

describe('users shut out of the systems, or work moved to downtime procedures', () => {
  // Tenet Healthcare Corporation, statement of April 26, 2022 on its cybersecurity incident, and its
  // second-quarter 2022 earnings release (both as quoted by HealthITSecurity, "Tenet Healthcare
  // Cyberattack Leads to $100M in Lost Q2 Revenue").
  const TENET_SUSPENDED =
    'Upon detection, Tenet immediately suspended user access to impacted information technology applications, executed extensive cybersecurity protection protocols, and quickly took steps to restrict further unauthorized activity.';
  const TENET_BACKUP = 'Our hospitals remained operational and continued to deliver patient care safely and effectively, utilizing well-established back-up processes.';

  it.each([
    [TENET_SUSPENDED],
    [TENET_BACKUP],
    ['The Company proactively took its network offline, suspending all user access to its information technology applications, including corporate servers, electronic health records software and clinical programs.'],
    ['Our facilities implemented downtime procedures while the affected systems were restored.'],
    ['The plants reverted to manual processes for order entry until the systems were restored.'],
  ])('sets operationalDisruption: %s', (sentence) => {
    const f = flags(sentence);
    expect(f.flags.operationalDisruption).toBe(true);
    expect(f.evidence.operationalDisruption).toBe(sentence);
  });

  // Ardent Health Services, statement of November 27, 2023 on its ransomware attack (as quoted by
  // Healthcare Innovation, "Ardent Health Services Hospitals Hit by Ransomware Attack").
  const ARDENT_DIVERTING =
    '“In an abundance of caution, our facilities are rescheduling some non-emergent, elective procedures and diverting some emergency room patients to other area hospitals until systems are back online.”';

  it.each([
    [ARDENT_DIVERTING],
    ['Several of our hospitals temporarily diverted ambulances to other facilities.'],
    ['Certain elective procedures were postponed and some patient appointments were canceled as a result of the incident.'],
  ])('reads what a hospital could not do as the disruption stated outright: %s', (sentence) => {
    const f = flags(`${TENET_SUSPENDED} ${sentence}`);
    expect(f.flags.operationalDisruption).toBe(true);
    expect(f.evidence.operationalDisruption).toBe(sentence);
  });

  it('reads records that are unavailable as a disruption told indirectly', () => {
    const unavailable = 'Our clinicians are documenting patient care on paper while the electronic health record system is unavailable.';
    expect(flags(unavailable).evidence.operationalDisruption).toBe(unavailable);
    expect(flags(`${TENET_SUSPENDED} ${unavailable}`).evidence.operationalDisruption).toBe(TENET_SUSPENDED);
  });

  it('quotes a later sentence that states the disruption outright over the suspension', () => {
    const outright = 'The incident disrupted the Company’s clinical and financial operations for two weeks.';
    expect(flags(`${TENET_SUSPENDED} ${outright}`).evidence.operationalDisruption).toBe(outright);
  });

  it.each([
    ['We suspended user access to the compromised account and reset its password.'],
    ['We maintain back-up processes and downtime procedures that are tested annually.'],
    ['We have not suspended user access to any of our systems.'],
    ['If we were to suspend user access to our applications, our operations could be disrupted.'],
    ['We may need to divert patients to other hospitals if our systems are unavailable.'],
    ['No procedures were postponed and no patients were diverted.'],
  ])('leaves operationalDisruption false: %s', (sentence) => {
    expect(flags(sentence).flags.operationalDisruption).toBe(false);
  });
});
