// Issue 8, seventh pass: classes analyzer 1.24.0 got wrong on real filings' wording. Each class is
// tested on sentences quoted from the public filing that shows it (sources beside each) and on
// sentences written for this test in the same style, so that the rule is the phrasing and not the
// one filing:
// - an Item 1.05(c) delay stated as done ("the U.S. Department of Justice determined that a delay
//   in public disclosure was warranted") sets disclosureDelayed, its first sentence the evidence;
//   what the rule permits, a plan ("may contact the US attorney general for a disclosure delay")
//   or a denial does not; "… of Form 8-K. F5 is now filing …" ends a sentence after "8-K".

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { extractFlags } from '../../src/analysis/flags.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';

const delayed = (text: string) => {
  const f = extractFlags(splitSentences(text));
  return { delayed: f.flags.disclosureDelayed, evidence: f.evidence.disclosureDelayed };
};

// F5, Inc., 8-K of October 15, 2025 (accession 0001048695-25-000149), Item 1.05: the opening
// sentence from the filing, the delay sentences as quoted by Futuriom ("F5 Breach Puts
// Enterprises on Edge", October 2025).
const F5_OPENING =
  'On August 9, 2025, F5, Inc. (the “Company”, “F5”, “we”, or “our”) learned that a highly sophisticated nation-state threat actor had gained unauthorized access to certain Company systems.';
const F5_DELAY =
  'On September 12, 2025, the U.S. Department of Justice determined that a delay in public disclosure was warranted pursuant to Item 1.05(c) of Form 8-K.';
const F5_TIMELY = 'F5 is now filing this report in a timely manner.';

describe('an Item 1.05(c) delay stated in the text', () => {
  it('sets disclosureDelayed from F5’s 8-K and quotes the delay sentence alone, not the one after “Form 8-K.”', async () => {
    const a = await analyze(`Item 1.05 Material Cybersecurity Incidents\n${F5_OPENING}\n${F5_DELAY} ${F5_TIMELY}`, { form: '8-K', filedAt: '2025-10-15', items: ['1.05'] });
    expect(a.incident).toBe(true);
    expect(a.flags.disclosureDelayed).toBe(true);
    expect(a.evidence['flags.disclosureDelayed']).toBe(F5_DELAY);
    expect(a.dates.detected).toBe('2025-08-09');
  });

  it.each([
    // AT&T Inc., 8-K of July 12, 2024 (Item 1.05, the Snowflake workspace): the DOJ determinations
    // of May 9 and June 5, 2024 (reported by TheCorporateCounsel.net, September 18, 2024), in the
    // 8-K's wording, where "Item 1.05(c)" sits inside the clause.
    'On May 9, 2024, and again on June 5, 2024, the U.S. Department of Justice determined that, under Item 1.05(c) of Form 8-K, a delay in providing public disclosure was warranted.',
    // The wording of Item 1.05(c) itself, told as done.
    'On March 1, 2026, the Attorney General determined that disclosure poses a substantial risk to national security or public safety and notified the Commission of such determination in writing.',
    'The Company delayed the filing of this report pursuant to Item 1.05(c) of Form 8-K.',
    'The delay was granted by the U.S. Department of Justice on April 2, 2026.',
  ])('reads a delay told as done: %s', (sentence) => {
    expect(delayed(sentence)).toEqual({ delayed: true, evidence: sentence });
  });

  it.each([
    // Tyler Technologies, Inc., 10-K for 2024 (accession 0000860731-25-000007), Item 1C: the plan.
    'If that team determines that the incident may represent a risk of national security, the CLO may contact the US attorney general for a disclosure delay of up to 30 days, or if applicable the team may coordinate to prepare and publish a Form 8-K, if management believes the materiality threshold has been reached.',
    'We may delay disclosure if the Attorney General determines that disclosure poses a substantial risk to national security or public safety.',
    'Item 1.05(c) permits a registrant to delay disclosure for up to 30 days if the Attorney General determines that disclosure poses a substantial risk to national security.',
    'Our incident response plan provides that the General Counsel will seek a delay from the Department of Justice where appropriate.',
    'The Company does not believe that a filing under Item 1.05(a) of Form 8-K is required, nor that a delay under Item 1.05(c) was warranted.',
    'The Company did not request a delay from the Department of Justice.',
    'The Company notified the Department of Justice and the FBI.',
  ])('reads no delay in what the rule permits, a plan or a denial: %s', (sentence) => {
    expect(delayed(sentence).delayed).toBe(false);
  });

  it('keeps a 10-K incident’s flag false when its Item 1C only describes the delay the rule permits', async () => {
    const a = await analyze(
      [
        'Item 1C. Cybersecurity',
        'On March 3, 2025, we detected unauthorized access to our network by a threat actor, who exfiltrated certain employee files.',
        'Under our incident response plan, if the Attorney General determines that disclosure would pose a substantial risk to national security, we may delay the filing of a Form 8-K for up to 30 days.',
      ].join('\n'),
      { form: '10-K', filedAt: '2025-06-02' },
    );
    expect(a.incident).toBe(true);
    expect(a.flags.disclosureDelayed).toBe(false);
  });
});

describe('sentences after a form name', () => {
  it.each([
    ['pursuant to Item 1.05(c) of Form 8-K. F5 is now filing this report.', 2],
    ['as described in our Annual Report on Form 10-K. We continue to assess.', 2],
    ['signed by John H. Montgomery, our Chief Executive Officer.', 1],
  ])('splits “%s” into %i', (text, n) => {
    expect(splitSentences(text)).toHaveLength(n);
  });
});
