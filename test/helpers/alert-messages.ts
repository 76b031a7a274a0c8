// AlertMessages for channel and delivery tests: an Item 1.05 escalation with the awkward parts
// real filings have (an ampersand in the company, angle brackets and quotes in evidence).

import type { AlertDigest, AlertMessage } from '../../src/alerts/types.ts';

export function sampleAlertMessage(overrides: Partial<Omit<AlertMessage, 'data'>> & { data?: Partial<AlertMessage['data']> } = {}): AlertMessage {
  const { data, ...rest } = overrides;
  return {
    type: 'incident.escalated',
    id: 'evt_42',
    timestamp: '2026-05-20T20:11:05Z',
    ...rest,
    data: {
      incident: {
        id: 42,
        title: 'AT&T Inc.: <Snowflake> data theft disclosed 2026-05-11',
        company: 'AT&T Inc.',
        cik: '0000732717',
        tickers: ['T'],
        itemPath: '8.01 → 1.05',
        status: 'escalated',
        materialImpact: 'material',
        flags: { ransomware: false, dataAccessed: true, operationalDisruption: false, nationState: false, thirdParty: true, lawEnforcementNotified: true, disclosureDelayed: true },
        dates: { began: '2026-04-14', detected: '2026-04-19', determinedMaterial: '2026-05-07', contained: null },
        url: 'http://127.0.0.1:8080/v1/incidents/42',
      },
      filing: {
        accessionNumber: '0000732717-26-000031',
        form: '8-K/A',
        items: ['1.05', '9.01'],
        filedAt: '2026-05-20',
        secUrl: 'https://www.sec.gov/Archives/edgar/data/732717/000073271726000031/0000732717-26-000031-index.htm',
      },
      changes: [
        { field: 'status', from: 'updated', to: 'escalated' },
        { field: 'itemPath', from: '8.01', to: '8.01 → 1.05' },
      ],
      evidence: [
        { field: 'materialImpact', sentence: 'On May 7, 2026, the Company determined that the incident <as defined> is "material" & reasonably likely to affect results.' },
        { field: 'dates.detected', sentence: 'On April 19, 2026, AT&T learned that a threat actor claimed to have accessed its workspace.' },
      ],
      ...data,
    },
  };
}

/** A digest of `count` alerts of different incidents (ids 1…count), oldest first. */
export function sampleAlertDigest(count: number, overrides: Partial<Omit<AlertDigest, 'messages'>> = {}): AlertDigest {
  const messages = Array.from({ length: count }, (_, i) => {
    const message = sampleAlertMessage({ id: `evt_${i + 1}`, type: i % 2 === 0 ? 'incident.created' : 'incident.updated' });
    Object.assign(message.data.incident, { id: i + 1, company: `Company ${i + 1} & Sons <Holdings>`, tickers: [`C${i + 1}`], url: `http://127.0.0.1:8080/v1/incidents/${i + 1}` });
    return message;
  });
  return { id: 'digest_7_2026-05-21T11:00:00Z', timestamp: '2026-05-21T11:00:00Z', period: 'since 2026-05-20 07:00 (America/New_York)', messages, ...overrides };
}
