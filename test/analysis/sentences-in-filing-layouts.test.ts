// Sentence splitting on the layouts real filings put around their sentences: page headers and
// footers, labelled headings ("ITEM 4. MINE SAFETY DISCLOSURES", "NOTE 7: GOODWILL"), sub-headings
// in sentence case, table rows and cover-page check-boxes, each on a line of its own, must not be
// glued onto the sentence that follows (an evidence quote would start with "Page 1 of 10" or a
// heading, and a date or flag would attach to the wrong sentence). The lines are quoted from real
// documents as the analyzer reads them (one line per HTML block); the written variants show what
// must stay joined.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { fixture } from './corpus.ts';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe('page headers and footers', () => {
  it('keeps UnitedHealth’s “Page 1 of 10” off the first sentence of the page (8-K of April 16, 2024, EX-99.1)', () => {
    const text =
      'The company continues to make significant progress in restoring the affected Change Healthcare services.\nPage 1 of 10\nTotal cyberattack impacts in the first quarter amounted to $0.74 per share and the company estimates full year 2024 impacts of $1.15 to $1.35 per share.';
    expect(texts(text)).toEqual([
      'The company continues to make significant progress in restoring the affected Change Healthcare services.',
      'Page 1 of 10',
      'Total cyberattack impacts in the first quarter amounted to $0.74 per share and the company estimates full year 2024 impacts of $1.15 to $1.35 per share.',
    ]);
  });

  it('keeps a page header off the heading under it: “Page 1 of 7” / “Cyberattack Update” (UnitedHealth, July 16, 2024) and “Intel/Page 5” (Intel, January 25, 2024)', () => {
    expect(texts('Page 1 of 7\nCyberattack Update')).toEqual(['Page 1 of 7', 'Cyberattack Update']);
    expect(texts('Intel/Page 5\nSuch statements involve many risks and uncertainties that could cause actual results to differ materially.')).toEqual([
      'Intel/Page 5',
      'Such statements involve many risks and uncertainties that could cause actual results to differ materially.',
    ]);
  });

  it('reads a sentence on across a page break, without the page’s header', () => {
    expect(texts('On March 1, 2025, the Company determined that a threat actor had\nPage 2 of 7\naccessed certain of its systems.')).toEqual([
      'On March 1, 2025, the Company determined that a threat actor had accessed certain of its systems.',
    ]);
    expect(texts('On March 1, 2025, the Company determined that a threat actor had\nTable of Contents\naccessed certain of its systems.')).toEqual([
      'On March 1, 2025, the Company determined that a threat actor had accessed certain of its systems.',
    ]);
  });

  it('reads a sentence on across a page’s number and running header (UnitedHealth’s 10-K of February 27, 2025)', () => {
    const text =
      'Further, because the techniques used to obtain unauthorized access, disable or degrade service, or sabotage systems change frequently, we may be unable to anticipate these techniques and threats, timely detect data security\n11\nTable of Contents\nincidents or implement adequate preventive measures. Threat actors and hackers have previously been able to negatively affect our operations.';
    expect(texts(text)).toEqual([
      'Further, because the techniques used to obtain unauthorized access, disable or degrade service, or sabotage systems change frequently, we may be unable to anticipate these techniques and threats, timely detect data security incidents or implement adequate preventive measures.',
      'Threat actors and hackers have previously been able to negatively affect our operations.',
    ]);
  });

  it('separates a page number standing between paragraphs from the next one (Nucor’s 8-K/A of June 20, 2025)', () => {
    expect(texts('The Company does not expect the incident to have a material impact.\n1\nSIGNATURES Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed.')).toEqual([
      'The Company does not expect the incident to have a material impact.',
      '1',
      'SIGNATURES Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed.',
    ]);
  });

  it('still joins a figure that a rendering put on its own line inside a sentence', () => {
    expect(texts('The threat actor obtained approximately\n5\nmillion records.')).toEqual(['The threat actor obtained approximately 5 million records.']);
    expect(texts('On\nAugust 25, 2025\n,\nWytec\nInternational, Inc. became aware of an incident.')).toEqual(['On August 25, 2025, Wytec International, Inc. became aware of an incident.']);
  });
});

describe('headings with a label', () => {
  it('keeps Coca-Cola’s 10-K item headings and note headings apart from their first sentence', () => {
    expect(texts('ITEM 4. MINE SAFETY DISCLOSURES\nNot applicable.')).toEqual(['ITEM 4. MINE SAFETY DISCLOSURES', 'Not applicable.']);
    expect(texts('Not applicable.\n31\nITEM 6. RESERVED\nITEM 7. MANAGEMENT’S DISCUSSION AND ANALYSIS')).toEqual(['Not applicable.', '31', 'ITEM 6. RESERVED', 'ITEM 7. MANAGEMENT’S DISCUSSION AND ANALYSIS']);
    expect(
      texts(
        'ITEM 7. MANAGEMENT’S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND RESULTS OF OPERATIONS\nThe following Management’s Discussion and Analysis of Financial Condition and Results of Operations (“MD&A”) is intended to help the reader understand The Coca-Cola Company, our operations and our present business environment.',
      ),
    ).toEqual([
      'ITEM 7. MANAGEMENT’S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND RESULTS OF OPERATIONS',
      'The following Management’s Discussion and Analysis of Financial Condition and Results of Operations (“MD&A”) is intended to help the reader understand The Coca-Cola Company, our operations and our present business environment.',
    ]);
    expect(texts('NOTE 7: GOODWILL\nThe following table provides information related to the carrying value of our goodwill by operating segment.')).toEqual([
      'NOTE 7: GOODWILL',
      'The following table provides information related to the carrying value of our goodwill by operating segment.',
    ]);
  });

  it('keeps BayFirst’s “Item 2.02. Results of Operations and Financial Condition” off the sentence under it (8-K of October 30, 2025)', () => {
    expect(
      texts('Item 2.02. Results of Operations and Financial Condition\nOn October 30, 2025, BayFirst Financial Corp. (“Company”) issued a press release announcing its financial results for the third quarter of 2025.'),
    ).toEqual([
      'Item 2.02. Results of Operations and Financial Condition',
      'On October 30, 2025, BayFirst Financial Corp. (“Company”) issued a press release announcing its financial results for the third quarter of 2025.',
    ]);
  });

  it('keeps a 10-Q note heading off the note’s first sentence, so that the quote and its date are the sentence', async () => {
    const note =
      'Note 12 — Cybersecurity Incident\nOn March 3, 2025, the Company detected unauthorized access to its information technology systems by a threat actor, who exfiltrated certain data.';
    expect(texts(note)[0]).toBe('Note 12 — Cybersecurity Incident');
    const a = await analyze(`Item 1. Financial Statements\n${note}`, { form: '10-Q', filedAt: '2025-05-08' });
    expect(a.incident).toBe(true);
    expect(a.evidence.incident).toMatch(/^On March 3, 2025, the Company detected unauthorized access/);
    expect(a.evidence['dates.detected']).toMatch(/^On March 3, 2025/);
  });

  it('still reads a numbered sentence as a sentence: “2. The Company detected …”', () => {
    expect(texts('2. The Company detected the incident on March 3, 2025\nand notified law enforcement.')).toEqual([
      '2.',
      'The Company detected the incident on March 3, 2025 and notified law enforcement.',
    ]);
  });
});

describe('sub-headings in sentence case', () => {
  it('keeps a title-case heading with a quarter or a year apart: Intel’s “Q1 2024 Dividend”', () => {
    expect(
      texts('Other leaders will deliver keynotes.\nQ1 2024 Dividend\nThe company announced that its board of directors has declared a quarterly dividend of $0.125 per share on the company’s common stock.'),
    ).toEqual([
      'Other leaders will deliver keynotes.',
      'Q1 2024 Dividend',
      'The company announced that its board of directors has declared a quarterly dividend of $0.125 per share on the company’s common stock.',
    ]);
    // A date is no title: the sentence a rendering wrapped after it goes on.
    expect(texts('On March 3 2025\nThe Company detected unauthorized access to its systems.')).toHaveLength(1);
  });

  it('keeps Home Depot’s “Estimation of store shrink” and Intel’s “Restructuring and other charges” apart from their paragraphs (10-K of March 21, 2025; 8-K of January 25, 2024, EX-99.1)', () => {
    expect(
      texts(
        'These matters are described below.\nEstimation of store shrink\nAs discussed in Note 1 to the consolidated financial statements, the majority of the Company’s U.S. merchandise inventories are stated at the lower of cost or market.',
      ),
    ).toEqual([
      'These matters are described below.',
      'Estimation of store shrink',
      'As discussed in Note 1 to the consolidated financial statements, the majority of the Company’s U.S. merchandise inventories are stated at the lower of cost or market.',
    ]);
    expect(
      texts(
        'This adjustment facilitates a useful evaluation of our current operating performance.\nRestructuring and other charges\nRestructuring charges are costs associated with a formal restructuring plan and are primarily related to employee severance and benefit arrangements.',
      ),
    ).toEqual([
      'This adjustment facilitates a useful evaluation of our current operating performance.',
      'Restructuring and other charges',
      'Restructuring charges are costs associated with a formal restructuring plan and are primarily related to employee severance and benefit arrangements.',
    ]);
  });

  it('keeps a “Cybersecurity incident” sub-heading off the sentence that reports it', () => {
    expect(texts('Other matters are described in Note 14.\nCybersecurity incident\nIn August 2024, the Company identified unauthorized activity on its network.')).toEqual([
      'Other matters are described in Note 14.',
      'Cybersecurity incident',
      'In August 2024, the Company identified unauthorized activity on its network.',
    ]);
  });

  it('still joins a clause that a rendering wrapped before a name or a noun', () => {
    for (const text of [
      'The incident was contained.\nThe Company engaged\nCrowdStrike to assist with the investigation of the incident.',
      'The incident was contained.\nThe Company has retained\nMandiant to assist with the investigation of the incident.',
      'The incident was contained.\nOn the same day\nFederal law enforcement was notified of the incident by the Company.',
      'The incident was contained.\nCertain customer data\nStored on the affected servers was accessed by the threat actor.',
    ]) {
      expect(texts(text)).toHaveLength(2);
    }
  });
});

describe('table rows and check-boxes', () => {
  it('keeps a table’s last row off the paragraph after it (Coca-Cola’s 10-K)', () => {
    expect(
      texts('Total $ 127 $ 161\nAs of December 31, 2024, the Company estimates that it will reclassify into earnings during the next 12 months net gains of $241 million.'),
    ).toEqual(['Total $ 127 $ 161', 'As of December 31, 2024, the Company estimates that it will reclassify into earnings during the next 12 months net gains of $241 million.']);
    expect(texts('Loans to care providers - cyberattack (9,033) — —\nRepayments of care provider loans - cyberattack 4,514 — —')).toEqual([
      'Loans to care providers - cyberattack (9,033) — —',
      'Repayments of care provider loans - cyberattack 4,514 — —',
    ]);
  });

  it('keeps a date that ends a wrapped line in its sentence', () => {
    expect(texts('The Company detected the incident on August 25, 2025\nWytec International notified its customers.')).toEqual([
      'The Company detected the incident on August 25, 2025 Wytec International notified its customers.',
    ]);
  });

  it('ends a cover-page line at its check-box (Nucor’s 8-K/A)', () => {
    expect(texts('Emerging growth company ☐\nIf an emerging growth company, indicate by check mark if the registrant has elected not to use the extended transition period.')).toEqual([
      'Emerging growth company ☐',
      'If an emerging growth company, indicate by check mark if the registrant has elected not to use the extended transition period.',
    ]);
  });
});

describe('items named inside a sentence', () => {
  it('does not end a sentence at “Item 1A.” before its title (Nucor’s 8-K of May 14, 2025; Coca-Cola’s 10-K)', () => {
    expect(texts('These risks include the risks discussed in “Item 1A. Risk Factors” of the Company’s Annual Report on Form 10-K for the year ended December 31, 2024.')).toHaveLength(1);
    expect(texts('For more information on the risks from cybersecurity threats that we face, refer to Part I, “Item 1A. Risk Factors.” We maintain a program.')).toEqual([
      'For more information on the risks from cybersecurity threats that we face, refer to Part I, “Item 1A. Risk Factors.”',
      'We maintain a program.',
    ]);
  });

  it('still ends a sentence at “Item 1C.” when a new clause starts', () => {
    expect(texts('This is described under Item 1C. The Company has not experienced a material incident.')).toEqual([
      'This is described under Item 1C.',
      'The Company has not experienced a material incident.',
    ]);
  });
});

describe('press releases', () => {
  it('keeps the last highlight off the dateline’s sentence (UnitedHealth’s release of July 16, 2024; NVIDIA’s of August 27, 2025)', () => {
    expect(
      texts(
        '•Adjusted Earnings of $6.80 Per Share Include $0.28 in Business Disruption Impacts; Exclude South American and Direct Response Costs\n(July 16, 2024) UnitedHealth Group (NYSE: UNH) reported second quarter 2024 results reflecting broad-based growth at Optum and UnitedHealthcare.',
      ),
    ).toEqual([
      '•Adjusted Earnings of $6.80 Per Share Include $0.28 in Business Disruption Impacts; Exclude South American and Direct Response Costs',
      '(July 16, 2024) UnitedHealth Group (NYSE: UNH) reported second quarter 2024 results reflecting broad-based growth at Optum and UnitedHealthcare.',
    ]);
    expect(
      texts('•Blackwell Data Center revenue grew 17% sequentially\nSANTA CLARA, Calif.—Aug. 27, 2025―NVIDIA (NASDAQ: NVDA) today reported revenue for the second quarter ended July 27, 2025, of $46.7 billion.'),
    ).toEqual([
      '•Blackwell Data Center revenue grew 17% sequentially',
      'SANTA CLARA, Calif.—Aug. 27, 2025―NVIDIA (NASDAQ: NVDA) today reported revenue for the second quarter ended July 27, 2025, of $46.7 billion.',
    ]);
  });

  it('keeps a headline off the dateline’s sentence, and the exhibit’s label off the headline (Microsoft’s EX-99.1 of January 19, 2024)', () => {
    expect(texts('Exhibit 99.1\nMicrosoft Actions Following Attack by Nation State Actor Midnight Blizzard\nThe Microsoft security team detected a nation-state attack on our corporate systems on January 12, 2024.')).toEqual([
      'Exhibit 99.1',
      'Microsoft Actions Following Attack by Nation State Actor Midnight Blizzard',
      'The Microsoft security team detected a nation-state attack on our corporate systems on January 12, 2024.',
    ]);
    expect(texts('Adobe Reports Record Revenue in Q1 Fiscal 2023 Company raises targets\nSAN JOSE, Calif. – March 15, 2023 – Adobe (Nasdaq:ADBE) today reported financial results.')).toEqual([
      'Adobe Reports Record Revenue in Q1 Fiscal 2023 Company raises targets',
      'SAN JOSE, Calif. – March 15, 2023 – Adobe (Nasdaq:ADBE) today reported financial results.',
    ]);
  });

  it('reads the dateline and the first sentence of the release as one sentence, and a sentence that names a city on', () => {
    expect(texts('NEW YORK, March 3, 2025 /PRNewswire/ -- Acme Corp. (NYSE: ACME) today announced that it detected unauthorized access to its systems.')).toHaveLength(1);
    expect(texts('The threat actor accessed servers located in\nDallas, Texas, and Atlanta, Georgia.')).toHaveLength(1);
  });
});

describe('bullets inside a line', () => {
  it('splits a list a rendering collapsed into one line into its items (Oshkosh’s 8-K of January 30, 2024, as rendered)', () => {
    const text = fixture('raw/negatives/oshkosh-8k-2024-01-30-0000950170-24-008537-rendering.txt').toString('utf8');
    const sentences = texts(text);
    expect(sentences).toContain('That business is subject to the following risks, among others, that could have a material adverse effect on our operating performance:');
    expect(sentences).toContain('• The funding of DoD programs is subject to an annual congressional budget authorization and appropriations process.');
    expect(sentences).toContain('• We may incur higher transaction costs than expected.');
  });

  it('keeps items in lower case in their sentence: “included: • isolating …; • notifying law enforcement”', () => {
    expect(texts('The Company’s response included: • isolating the affected systems; • notifying law enforcement.')).toHaveLength(1);
    expect(texts('The threat actor accessed our network. ● The Company restored operations.')).toEqual(['The threat actor accessed our network.', '● The Company restored operations.']);
  });
});
