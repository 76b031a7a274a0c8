import { describe, expect, it } from 'vitest';
import { testMessage } from '../../src/alerts/message.ts';
import { demoAlertLines } from '../../src/commands/demo-alerts.ts';

const sample = testMessage('msg_1', new Date('2026-05-19T14:03:00Z'), 'http://127.0.0.1:3000');

describe('an alert as the demo prints it', () => {
  it('names the company, item and materiality, then the first evidence sentence, with the seconds since the feed when known', () => {
    expect(demoAlertLines(sample, 2.345)).toBe(
      '[TEST] 🔔 New incident: Example Corp (test message) · Item 1.05 · materiality not yet determined · 2.3 s after the filing appeared in the feed\n' +
        '   “This is a test message from cyber8k: no incident happened. Your subscription works.”',
    );
    expect(demoAlertLines(sample, null).split('\n')[0]).toBe('[TEST] 🔔 New incident: Example Corp (test message) · Item 1.05 · materiality not yet determined');
  });

  it('trims a long evidence sentence to one line of 200 characters', () => {
    const long = { ...sample, data: { ...sample.data, evidence: [{ field: 'materialImpact', sentence: `The incident\n   has ${'very '.repeat(80)}much happened.` }] } };
    const [, evidence] = demoAlertLines(long, null).split('\n');
    expect(evidence).toMatch(/^ {3}“The incident has very very .*…”$/);
    expect(evidence!.length).toBe(3 + 1 + 200 + 1);
  });

  it('prints no evidence line when the alert has none', () => {
    expect(demoAlertLines({ ...sample, data: { ...sample.data, evidence: [] } }, null)).not.toContain('\n');
  });
});
