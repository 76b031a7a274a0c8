// Issue 8, a precision pass over real Item 1C sections of companies that report no specific
// incident (analyzer 1.35.0 called two of them incidents). Each class is tested on sentences quoted
// from the 10-K that shows it (source beside each) and on sentences written for this test in the
// same style, so that the rule is the phrasing and not the one text:
// - a date that ends a reporting period ("during the three-year period ended December 31, 2024 …
//   we have, on occasion, experienced cybersecurity threats … including phishing attacks") dates
//   no event: the sentence stays the generic statement it is without the date; a date of the event
//   itself still makes a hedged sentence specific;
// - an event verb whose object is a bare plural ("have notified us of cybersecurity incidents
//   involving their own systems", "upon becoming aware of cybersecurity incidents encountered by
//   our third-party service providers, the teams are deployed") tells of incidents in general; an
//   article, a number or a determiner ("a cybersecurity incident", "two cyberattacks"), or the
//   event's date, picks one out and still reports it;
// - a denial with a parenthetical between "not" and its verb ("While we have not, as of the date
//   of this Report, experienced a cybersecurity incident that materially affected …") is a denial;
//   "we have not, as of the date of this report, determined the incident's full impact" denies no
//   incident that the sentence reports;
// - what a program names as its concerns ("Our main concerns are (i) the unauthorized exfiltration
//   of personal information …") is feared, not told; exfiltration told as done still reports.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';

const item1c = (...sentences: string[]) => `Item 1C. Cybersecurity\n${sentences.join(' ')}\n`;
const tenK = (text: string) => analyze(text, { form: '10-K', filedAt: '2025-02-14' });
const eightK = (text: string) => analyze(`Item 8.01 Other Events.\n${text}\n`, { form: '8-K', filedAt: '2025-03-10', items: ['8.01'] });

// Weyerhaeuser Company, 10-K for 2024 (accession 0000950170-25-021254), Item 1C, as tagged in its
// CybersecurityRiskMateriallyAffected… text block.
const WEYERHAEUSER_PERIOD =
  'Although during the three-year period ended December 31, 2024 and to date these risks have not materialized into any incident or series of incidents that have materially affected, or are reasonably likely to materially affect the company, its business strategy, results of operations or financial condition or otherwise caused material harm to the company, we have, on occasion, experienced cybersecurity threats to our data and information systems, including phishing attacks.';
const WEYERHAEUSER_VENDORS =
  'Over this same time period, certain of our vendors and service providers have notified us of cybersecurity incidents involving their own systems and these cybersecurity incidents, likewise, have not materially affected us, our business strategy, results of operations or financial condition or otherwise caused material harm to the company.';
const WEYERHAEUSER_LIKE_MANY = 'Like many companies, we face a number of cybersecurity risks in the day-to-day operation of our business.';

describe('a date that ends a reporting period dates no event', () => {
  it("reads Weyerhaeuser's Item 1C, a three-year period with phishing threats and vendors' own incidents, as no incident", async () => {
    const a = await tenK(item1c(WEYERHAEUSER_LIKE_MANY, WEYERHAEUSER_PERIOD, WEYERHAEUSER_VENDORS));
    expect(a.incident).toBe(false);
    expect(a.flags.thirdParty).toBe(false);
  });

  it('reads the period sentence alone as no incident, as it is without its date', async () => {
    expect((await tenK(item1c(WEYERHAEUSER_PERIOD))).incident).toBe(false);
    expect((await tenK(item1c('For the fiscal year ended September 30, 2024, we have from time to time experienced a phishing attack on our e-mail systems.'))).incident).toBe(false);
    expect((await tenK(item1c('As of December 31, 2024, we have, on occasion, experienced cyber-attacks, including phishing attacks, none of which was material.'))).incident).toBe(false);
  });

  it('still reads a hedged sentence dated by the event as an incident', async () => {
    expect((await tenK(item1c('In March 2024, we experienced a ransomware attack on certain of our systems, and we could experience similar attacks in the future.'))).incident).toBe(true);
    expect((await tenK(item1c('During the fiscal year ended December 31, 2024, we experienced a ransomware attack that encrypted certain of our servers.'))).incident).toBe(true);
  });
});

describe('an event verb whose object is a bare plural tells of incidents in general', () => {
  it("reads Weyerhaeuser's vendors that notified it of cybersecurity incidents on their own systems as no incident", async () => {
    expect((await tenK(item1c(WEYERHAEUSER_VENDORS))).incident).toBe(false);
  });

  it('reads a program that acts upon becoming aware of incidents at its providers as no incident', async () => {
    expect((await tenK(item1c('Upon becoming aware of cybersecurity incidents encountered by our third-party service providers, our incident response teams are deployed to evaluate and mitigate the impact of such incidents on our business.'))).incident).toBe(false);
    expect((await tenK(item1c('Our vendors have from time to time notified us of security incidents affecting their systems.'))).incident).toBe(false);
  });

  it('still reads one incident picked out by an article, a number or its date', async () => {
    expect((await tenK(item1c('In 2024, one of our vendors notified us of a cybersecurity incident involving its own systems, which exposed certain employee data.'))).incident).toBe(true);
    expect((await eightK('The Company recently detected two cyberattacks on its corporate network and took immediate steps to contain them.')).incident).toBe(true);
    expect((await eightK('On March 3, 2025, the Company became aware of cybersecurity incidents affecting two of its subsidiaries.')).incident).toBe(true);
  });
});

// The 10-K for 2024 with accession 0001214659-25-003503, Item 1C, as tagged in its
// CybersecurityRiskMateriallyAffected… text block (vsamtani/cyd, 2025-02-26).
const NOT_AS_OF_REPORT =
  'While we have not, as of the date of this Report, experienced a cybersecurity incident that materially affected or is reasonably likely to materially affect our Company, including our business strategy, results of operations or financial condition, there can be no guarantee that we will not experience such an incident in the future.';

describe('a denial with a parenthetical between "not" and its verb', () => {
  it('reads "have not, as of the date of this Report, experienced a cybersecurity incident" as no incident', async () => {
    expect((await tenK(item1c(NOT_AS_OF_REPORT))).incident).toBe(false);
    expect((await tenK(item1c('We have not, to our knowledge, experienced a material cybersecurity incident.'))).incident).toBe(false);
  });

  it('still reads an incident told beside a parenthetical that denies something else', async () => {
    const a = await eightK(
      'On March 3, 2025, the Company detected a ransomware attack on certain of its systems. The Company has not, as of the date of this report, determined whether the incident is reasonably likely to materially impact it.',
    );
    expect(a.incident).toBe(true);
  });
});

// Axcelis Technologies, Inc., 10-K for 2024 (accession 0001558370-25-001855), Item 1C, as tagged in
// its CybersecurityRiskManagementProcesses… text block (vsamtani/cyd, 2025-02-28).
const AXCELIS_CONCERNS =
  'Our main concerns are (i) the unauthorized exfiltration of personal information pertaining to Axcelis employees, (ii) the unauthorized exfiltration of confidential business or technical information, and (iii) an inability to use our business systems for a period of time following a cybersecurity event.';
const AXCELIS_TO_DATE = 'To date, the Company has not experienced a material cybersecurity incident.';

describe('what a program names as its concerns', () => {
  it("reads Axcelis' main concerns, the unauthorized exfiltration of personal information, as no incident", async () => {
    expect((await tenK(item1c(AXCELIS_CONCERNS, AXCELIS_TO_DATE))).incident).toBe(false);
    expect((await tenK(item1c("The Company's principal concerns include the encryption of our systems by ransomware and the exfiltration of customer data."))).incident).toBe(false);
  });

  it('still reads exfiltration told as done as an incident', async () => {
    expect((await eightK('On April 2, 2025, the Company identified the unauthorized exfiltration of personal information pertaining to certain employees from one of its file servers.')).incident).toBe(true);
  });
});

// KB Home, 10-K for fiscal 2024 (filed 2025-01-24, accession 0000795266-25-000014), Item 1C, as
// tagged in its cyd: text block: "experienced with" after the people it describes is their skill.
const KB_HOME_PERSONNEL =
  'The CIO, who has more than 34 years of experience in IT and cybersecurity, is supported by a chief information security officer and various employees and dedicated contract personnel experienced with IT and cybersecurity matters who are responsible for procuring, using, maintaining, updating and evaluating the cybersecurity measures detailed above.';

describe('people experienced with cybersecurity are no event', () => {
  it('reads no incident in "personnel experienced with IT and cybersecurity matters" (KB Home) or its written variants', async () => {
    for (const s of [KB_HOME_PERSONNEL, 'Our program is run by a team experienced in responding to cybersecurity incidents and ransomware attacks.', 'The CISO leads staff who are experienced in incident response and threat intelligence.']) {
      expect((await tenK(item1c(s))).incident, s.slice(0, 50)).toBe(false);
    }
  });

  it('still reads what the company experienced, with or without a skill sentence beside it', async () => {
    const a = await tenK(item1c(KB_HOME_PERSONNEL, 'In March 2024, we experienced a ransomware attack that encrypted certain of our servers.'));
    expect(a.incident).toBe(true);
    expect(a.flags.ransomware).toBe(true);
    expect(a.dates.detected).toBe('2024-03');
  });
});
