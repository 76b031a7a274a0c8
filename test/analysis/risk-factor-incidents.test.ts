// A 10-K or 10-Q's risk factors (Item 1A) are read only when no other part of the document tells an
// incident. Their generic "have been, and may in the future be" sentences must not lend a flag or a
// date to an incident told in Item 1C or a note, and they must not make one where none is told;
// but an incident a filer recounts only as a risk factor's example is still one. The negatives are
// risk-factor sentences of real annual reports (United Rentals', Booz Allen Hamilton's, Coca-Cola
// FEMSA's and UnitedHealth's, as filed); the incident examples are written.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';

const tenK = (riskFactors: string, rest = 'Item 1C. Cybersecurity\nOur program is overseen by the Audit Committee of the Board.') =>
  `Item 1. Business\nWe rent equipment.\nItem 1A. Risk Factors\n${riskFactors}\nItem 1B. Unresolved Staff Comments\nNone.\n${rest}\nItem 2. Properties\nWe lease our offices.`;
const context = { form: '10-K', filedAt: '2025-02-20' };

const UNITED_RENTALS =
  'Although we employ security measures to protect our data and systems, and, to our knowledge, so do our third-party vendors, these measures have in the past not detected or prevented, and may in the future not detect or prevent, all attempts to infiltrate our systems. We have, from time to time, experienced threats to and breaches of our data and systems, including malware and computer virus attacks, which have led, and could in the future lead to, disruptions in our online ordering system.';
const BOOZ_ALLEN =
  'We have observed an increase in the frequency and sophistication of the cyber and security threats these systems face, with attacks that are more advanced and persistent, targeting us because we hold classified, controlled unclassified, and other sensitive information. As a result, we and our vendors face a heightened risk of a security breach or disruption resulting from an attack by computer hackers, persons with access to systems inside our organization, foreign governments, and cyber terrorists.';
const FEMSA =
  'Our IT systems may be target of attacks. Although the cybersecurity incidents that we have experienced to date have not had a material effect on our business, financial condition or results of operations, such cybersecurity incidents could have a material adverse effect on us in the future.';
const UNITEDHEALTH =
  'Cyber threat actors and hackers have previously been, and may in the future be, able to negatively affect our operations by penetrating our security controls and causing system and operational disruptions or shutdowns, accessing, misappropriating or otherwise compromising protected personal information or proprietary or confidential information or that of third parties, and developing and deploying viruses, ransomware and other malware that can attack our systems, exploit any security vulnerabilities, and disrupt or shutdown our systems and operations.';

describe('risk factors in a periodic report', () => {
  it('tells no incident in generic risk-factor text under an Item 1A heading (United Rentals, Booz Allen, Coca-Cola FEMSA, UnitedHealth)', async () => {
    for (const text of [UNITED_RENTALS, BOOZ_ALLEN, FEMSA, UNITEDHEALTH]) {
      const a = await analyze(tenK(text), context);
      expect(a.incident, text.slice(0, 60)).toBe(false);
    }
  });

  it('reads an incident recounted only as a risk factor’s example, with its date and flags', async () => {
    const example = 'For example, in February 2024, we detected unauthorized access to our network by a threat actor, who exfiltrated certain employee data.';
    const a = await analyze(tenK(`${FEMSA} ${example}`), context);
    expect(a.incident).toBe(true);
    expect(a.evidence.incident).toContain('we detected unauthorized access to our network');
    expect(a.dates.detected).toBe('2024-02');
    expect(a.flags.dataAccessed).toBe(true);
    expect(a.flags.ransomware).toBe(false);
  });

  it('takes no flag from risk factors when Item 1C tells the incident (UnitedHealth’s generic ransomware sentence)', async () => {
    const item1c = 'Item 1C. Cybersecurity\nIn February 2024, we detected unauthorized access to our network by a threat actor, who exfiltrated certain employee data.';
    const a = await analyze(tenK(UNITEDHEALTH, item1c), context);
    expect(a.incident).toBe(true);
    expect(a.flags.dataAccessed).toBe(true);
    expect(a.flags.ransomware).toBe(false);
    expect(a.flags.operationalDisruption).toBe(false);
  });
});
