import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ReportPublishedEventSchema, TestEventSchema } from '../../api/schemas/webhook.ts';
import { testEventType, testOutgoing } from '../../src/alerts/test-send.ts';
import { webhookBody } from '../../src/alerts/webhook.ts';
import { reportWebhookBody } from '../../src/alerts/report.ts';

const NOW = new Date('2026-12-01T14:00:00Z');
const URL = 'https://cyber8k.example.net';
const send = (events: string[]) => testOutgoing({ events: events as never }, 'msg_test', NOW, URL);

describe('what a test send is made of', () => {
  it('is the first incident event the filter names, created by default, and a weekly report only for a report-only filter', () => {
    expect(testEventType({ events: ['created', 'updated', 'escalated'] })).toBe('incident.created');
    expect(testEventType({ events: ['retracted', 'escalated', 'report.published'] })).toBe('incident.escalated');
    expect(testEventType({ events: ['updated'] })).toBe('incident.updated');
    expect(testEventType({ events: ['retracted'] })).toBe('incident.retracted');
    expect(testEventType({ events: ['report.published'] })).toBeNull();
  });

  it('fills in what changed as an event of that type has it, each body what the OpenAPI TestEvent promises', () => {
    const bodies = (['created', 'updated', 'escalated', 'retracted'] as const).map((e) => {
      const outgoing = send([e]);
      if (!('message' in outgoing)) throw new Error('expected an incident');
      return JSON.parse(webhookBody(outgoing.message)) as { type: string; test: boolean; data: { incident: { status: string; itemPath: string; dates: { contained: string | null } }; changes: Array<{ field: string }> } };
    });
    expect(bodies.map((b) => [b.type, b.test, b.data.incident.status, b.data.changes.map((c) => c.field)])).toEqual([
      ['incident.created', true, 'open', []],
      ['incident.updated', true, 'updated', ['dates.contained']],
      ['incident.escalated', true, 'escalated', ['status', 'itemPath']],
      ['incident.retracted', true, 'retracted', ['status']],
    ]);
    expect(bodies[1]!.data.incident.dates.contained).toBe('2026-12-01');
    expect(bodies[2]!.data.incident.itemPath).toBe('8.01 → 1.05');
    for (const body of bodies) expect(Value.Check(TestEventSchema, body)).toBe(true);
  });

  it('gives a report-only subscription last week\'s report of an empty week, marked test', () => {
    const outgoing = send(['report.published']);
    if (!('report' in outgoing)) throw new Error('expected a report');
    const body = JSON.parse(reportWebhookBody(outgoing.report));
    expect(body).toMatchObject({ type: 'report.published', test: true, data: { week: '2026-W48', start: '2026-11-23', end: '2026-11-29', headline: { newIncidents: 0, filings: 0, issuers: 0 } } });
    expect(body.data.links.html).toBe(`${URL}/v1/reports/weekly/2026-W48.html`);
    expect(Value.Check(ReportPublishedEventSchema, body)).toBe(true);
    expect(outgoing.documents.html).toContain('2026-W48');
  });
});
