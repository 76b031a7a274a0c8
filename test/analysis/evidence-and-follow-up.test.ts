// Evidence that states the fact, and follow-ups recognised by their wording (issue 7 §4, issue 8 §1
// update). Sentences are quoted from real filings: committed fixtures where the test reads the
// file, short quotes of public 8-Ks otherwise.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { followsUp } from '../../src/analysis/follow-up.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { fixture } from './corpus.ts';

const eightK = (text: string, extra: Record<string, unknown> = {}) => analyze(text, { form: '8-K', filedAt: '2026-07-10', ...extra });
const tenK = (text: string) => analyze(text, { form: '10-K', filedAt: '2026-02-27' });

describe('flag evidence is the sentence that states the fact outright', () => {
  it('prefers "were accessed without authorization" to an earlier "was exposed"', async () => {
    const a = await analyze(fixture('raw/item105/bafn-2025-10-30-0001649739-25-000246.txt'), { form: '8-K', filedAt: '2025-10-30' });
    expect(a.flags.dataAccessed).toBe(true);
    expect(a.evidence['flags.dataAccessed']).toMatch(/^Based on the information available to date, personal information, including name, date of birth/);
  });

  it('prefers "ascertained that certain files were exfiltrated" to "data appear to have been stolen"', async () => {
    const a = await analyze(fixture('raw/item105/ufpt-2026-02-24-0001628280-26-011152.txt'), { form: '8-K', filedAt: '2026-02-24' });
    expect(a.evidence['flags.dataAccessed']).toMatch(/ascertained that certain files were exfiltrated/);
  });

  it('reads the plainest match of a sentence: "shutting down certain of its systems … which resulted in disruption"', async () => {
    const a = await analyze(fixture('raw/item105/cwgl-2024-07-25-0001562151-24-000032.txt'), { form: '8-K', filedAt: '2024-07-25' });
    expect(a.evidence['flags.operationalDisruption']).toMatch(/which resulted in disruption to the Company’s business operations/);
  });

  it('does not take "not all" for a denial: "impacted many but not all of the Company’s IT systems and affected functions such as billing"', async () => {
    const a = await analyze(fixture('raw/item105/ufpt-2026-02-24-0001628280-26-011152.txt'), { form: '8-K', filedAt: '2026-02-24' });
    expect(a.evidence['flags.operationalDisruption']).toMatch(/^The incident appears to have impacted many but not all/);
  });

  it('takes "we experienced disruptions" over a vendor having "suspended certain systems"', async () => {
    const a = await tenK(
      'Specifically, on June 19, 2024, CDK, a third-party provider of certain information systems, notified us that CDK had suspended certain systems used by us in response to a cybersecurity incident impacting CDK. As a result, we experienced disruptions to our dealer management system and other systems that support sales.',
    );
    expect(a.flags.operationalDisruption).toBe(true);
    expect(a.evidence['flags.operationalDisruption']).toMatch(/^As a result, we experienced disruptions/);
  });

  it('does not quote what the company expects to experience next year, nor a count of attacks over years', async () => {
    const a = await tenK(
      'As previously announced, on February 21, 2024, we identified that cybercrime threat actors had gained access to certain Change Healthcare information technology systems. We have substantially mitigated the impact of the cyberattack. To support care providers we provided loans. For the year we incurred $2.2 billion of direct response costs. Optum Insight also experienced estimated business disruption impacts of $867 million for the year. We expect to continue to incur direct response costs and experience business disruption impacts at a lesser extent in 2025.',
    );
    expect(a.evidence['flags.operationalDisruption']).toMatch(/^Optum Insight also experienced estimated business disruption impacts/);
    const b = await tenK(
      "Since the onset of the war, there has been an increasing number of cyberattacks on our information systems and critical infrastructure, which has caused service disruptions in certain instances. For example, on December 12, 2023, we announced that JSC Kyivstar's network had been the target of a widespread external cyberattack causing a technical failure. This resulted in a temporary disruption of JSC Kyivstar's network and services.",
    );
    expect(b.evidence['flags.operationalDisruption']).toMatch(/^This resulted in a temporary disruption/);
  });

  it('reads "until the unauthorized activity could be contained" as what happened, not as a hypothesis', async () => {
    const a = await tenK(
      'In the fourth quarter of fiscal 2025, we became aware of unauthorized activity on certain of our information technology systems. As a result, our ability to fulfill and distribute customer orders was temporarily impacted until the unauthorized activity could be contained, and we could safely restore the core systems.',
    );
    expect(a.evidence['flags.operationalDisruption']).toMatch(/^As a result, our ability to fulfill and distribute customer orders was temporarily impacted/);
  });

  it('does not read "continues to assess whether … data was accessed" as data accessed', async () => {
    const a = await analyze(fixture('raw/item105/ccld-2026-03-27-0001493152-26-013239.txt'), { form: '8-K', filedAt: '2026-03-27' });
    expect(a.flags.dataAccessed).toBe(false);
  });

  it('reads people counted as impacted and credit monitoring offered to impacted patients as data accessed, outranked by a plain statement', async () => {
    const a = await tenK(
      'As previously announced, in February 2024, we identified that threat actors had gained access to certain of our systems. We have determined the estimated total number of individuals impacted by the cyberattack is approximately 190 million.',
    );
    expect(a.flags.dataAccessed).toBe(true);
    expect(a.evidence['flags.dataAccessed']).toMatch(/individuals impacted by the cyberattack/);
    const b = await eightK(
      'On May 20, 2026, the vendor notified the Company that it had detected unauthorized access by a third party to certain information systems of the Company, including systems affecting data of patients. The Company will work with the vendor to offer credit monitoring and protection to all impacted patients. The vendor confirmed that names and addresses of patients were exfiltrated.',
    );
    expect(b.evidence['flags.dataAccessed']).toMatch(/names and addresses of patients were exfiltrated/);
  });

  it('reads "The authorities have closed this investigation" as law enforcement involved', async () => {
    const a = await analyze(fixture('raw/item105-amend/wytc-2026-02-03-0001683168-26-000732-ixbrl.htm'), { form: '8-K/A', filedAt: '2026-02-03' });
    expect(a.flags.lawEnforcementNotified).toBe(true);
    expect(a.evidence['flags.lawEnforcementNotified']).toBe('The authorities have closed this investigation and were unable to identify the source.');
    const b = await eightK('On July 1, 2026, the Company detected unauthorized access to its network. The data protection authorities have opened an inquiry.');
    expect(b.flags.lawEnforcementNotified).toBe(false);
  });
});

describe('incident and item evidence', () => {
  it('quotes the first sentence that reports the event, not the strongest one later', async () => {
    const a = await analyze(fixture('raw/item105/ufpt-2026-02-24-0001628280-26-011152.txt'), { form: '8-K', filedAt: '2026-02-24' });
    expect(a.evidence.incident).toMatch(/^On or about February 14, 2026, UFP Technologies, Inc\. \(the “Company”\) detected suspicious activity involving its information technology/);
  });

  it('quotes the dated report of an Item 1.05 event whatever it calls it, never the forward-looking legend', async () => {
    const a = await analyze(fixture('raw/item105/ccld-2026-03-27-0001493152-26-013239.txt'), { form: '8-K', filedAt: '2026-03-27' });
    expect(a.evidence.incident).toMatch(/^On March 16, 2026, CareCloud, Inc\. \(the “Company”\) experienced a temporary network disruption/);
  });

  it('quotes the heading as filed, without the body a rendering runs on after it', async () => {
    const a = await analyze(fixture('raw/item105/pfh-2024-02-13-0001193125-24-033753.txt'), { form: '8-K', filedAt: '2024-02-13' });
    expect(a.evidence.item).toBe('Material Cybersecurity Incidents.');
    const b = await analyze(fixture('raw/item105/unfi-2025-06-26-0001020859-25-000036-ixbrl.htm'), { form: '8-K', filedAt: '2025-06-26' });
    expect(b.evidence.item).toBe('Item 1.05 Material Cybersecurity Incident.');
  });

  it('names Item 1.05 for a bare text in its words ("reasonably likely to materially impact"), with that sentence as evidence', async () => {
    const a = await analyze(fixture('raw/item105/unh-2024-02-22-0000731766-24-000045.txt'), { form: '8-K', filedAt: '2024-02-22' });
    expect(a.item).toBe('1.05');
    expect(a.evidence.item).toMatch(/has not determined the incident is reasonably likely to materially impact/);
  });

  it('does not glue the cover page to the sentence a tagged block starts with', async () => {
    const a = await analyze(fixture('raw/item105/unfi-2025-06-26-0001020859-25-000036-ixbrl.htm'), { form: '8-K', filedAt: '2025-06-26' });
    expect(a.evidence.incident).toMatch(/^As previously disclosed in a Current Report on Form 8-K filed with the Securities and Exchange Commission/);
    for (const v of Object.values(a.evidence)) expect(v).not.toMatch(/check mark|emerging growth company/i);
  });
});

describe('follow-ups recognised by their wording', () => {
  it('recognises each marker without incident words in the sentence', () => {
    for (const text of [
      'Since the date of the original filing, River’s investigation has progressed.',
      'Since the original report was filed, the Company has restored substantially all of its systems.',
      'This Current Report on Form 8-K/A supplements the Current Report on Form 8-K filed by the Company on March 11, 2026.',
      'This Amendment No. 1 (this “Amendment”) to the Current Report on Form 8-K filed by Nucor Corporation (the “Company”) on May 14, 2025 (the “Original Form 8-K”) provides supplemental information under Item 1.05.',
      'As previously disclosed, the Company restored its core systems and resumed shipping.',
      'As of the date of the Original Report, the investigation was at an early stage.',
    ]) {
      expect(followsUp(text, false), text).toBe(true);
    }
  });

  it('does not take what else was "previously announced" or a plain "will update its disclosure" for a follow-up', () => {
    for (const text of [
      'As previously announced, the Company will hold a conference call to discuss its results on August 1, 2026.',
      'As previously disclosed, the Company entered into a merger agreement with Acme Corp.',
      'The Company will update its disclosure as required.',
      'The Company intends to amend this Current Report on Form 8-K once the information is available.',
    ]) {
      expect(followsUp(text, false), text).toBe(false);
    }
  });

  it('requires incident words around "as previously disclosed" in a 10-K, which says it of anything', () => {
    expect(followsUp('As previously disclosed, we sold our European business in 2024.', true)).toBe(false);
    expect(followsUp('As previously disclosed, on April 6, 2023, Evotec was the victim of a ransomware incident that impacted our operations.', true)).toBe(true);
  });

  it('marks a plain 8-K that follows up in words as an update, quoting the marker', async () => {
    const a = await eightK(
      'Item 1.05 Material Cybersecurity Incidents.\nSince the date of the original filing, River’s investigation has progressed. River has reason to believe that certain data was potentially impacted. As of the date of this filing, the full nature, scope, and impact of the incident have not yet been determined.',
    );
    expect(a.incident).toBe(true);
    expect(a.update).toBe(true);
    expect(a.evidence.update).toBe('Since the date of the original filing, River’s investigation has progressed.');
  });

  it('quotes an amendment’s explanatory note, which stands before the first item heading', async () => {
    const a = await analyze(fixture('raw/item105-amend/nue-2025-06-20-0001193125-25-143135-ixbrl.htm'), { form: '8-K/A', filedAt: '2025-06-20' });
    expect(a.update).toBe(true);
    expect(a.evidence.update).toMatch(/This Amendment No\. 1 \(this “Amendment”\) to the Current Report on Form 8-K filed by Nucor Corporation/);
  });

  it('leaves an original report that only announces a call a first report', async () => {
    const a = await eightK(
      'Item 1.05 Material Cybersecurity Incidents.\nOn July 1, 2026, the Company detected unauthorized access to its network. As previously announced, the Company will hold its earnings conference call on July 30, 2026.',
    );
    expect(a.update).toBe(false);
  });
});

describe('sentences of renderings', () => {
  it('rejoins a word split by the rendering ("N o Coupang customers’ … were obtained")', () => {
    const s = splitSentences('To Coupang’s knowledge, the former employee has not publicly disclosed the obtained data. N\no Coupang customers’ banking information was obtained.');
    expect(s.map((x) => x.text)).toContain('No Coupang customers’ banking information was obtained.');
  });

  it('does not end a sentence at a title-case line that runs on in lower case ("Although the Company\\nascertained")', () => {
    const s = splitSentences('The systems are back online.\nAlthough the Company\nascertained that certain information was exfiltrated, it is still investigating.');
    expect(s.map((x) => x.text)).toContain('Although the Company ascertained that certain information was exfiltrated, it is still investigating.');
  });

  it('does not end a sentence at a defined term closing a line when the sentence runs on ("(the “Original Form\\n8-K”)\\nprovides")', () => {
    const s = splitSentences('This Amendment No. 1 to the Current Report filed on May 14, 2025 (the “Original Form\n8-K”)\nprovides supplemental information under Item 1.05.');
    expect(s).toHaveLength(1);
  });
});
