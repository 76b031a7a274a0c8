// What POST /v1/subscriptions/{id}/test sends: a sample of what the subscription would receive,
// marked as a test: an incident event of a type its filter names (`escalated` only: an
// escalation). A subscription naming only `report.published` never receives an incident
// alert, so a sample incident would test a message it will never get (and a receiver routing by
// `type` might drop or misfile it): it gets a sample weekly report instead. Pure.

import { ANALYZER_VERSION } from '../analysis/version.ts';
import { addDays } from '../calendar/index.ts';
import { buildReportModel, type WeekData } from '../reports/model.ts';
import { isoWeekOf } from '../reports/week.ts';
import { EVENT_TYPES, type EventType } from '../incidents/changes.ts';
import type { Outgoing } from './channels.ts';
import { testMessage } from './message.ts';
import { reportAlert, reportDocuments } from './report.ts';
import type { SubscriptionFilter } from './subscription.ts';

// A week with nothing in it: the sample's numbers must not look like a real week's.
const EMPTY_WEEK: WeekData = {
  filings: [],
  incidents: [],
  quality: { filings: { discovered: 0, analyzed: 0, pending: 0, failed: 0, dead: 0, review: 0 }, discoveredByDay: [], dailyIndex: [], dead: [], review: [] },
  trend: [],
  timing13: [],
};

/** The incident event a test stands for: the first of created, updated, escalated, retracted the filter names; none for a report-only filter. */
export function testEventType(filter: Pick<SubscriptionFilter, 'events'>): EventType | null {
  return EVENT_TYPES.find((type) => filter.events.some((e) => `incident.${e}` === type)) ?? null;
}

/** The sample report: last week's (the one a Monday run would publish), empty, marked `test`. */
export function testReport(messageId: string, now: Date, publicUrl: string): Extract<Outgoing, { report: unknown }> {
  const week = isoWeekOf(addDays(now.toISOString().slice(0, 10), -7));
  const model = buildReportModel(EMPTY_WEEK, week, ANALYZER_VERSION);
  return { report: { ...reportAlert(model, now, messageId, publicUrl), test: true }, documents: reportDocuments(model, publicUrl) };
}

/** The test send of a subscription with `filter`: a sample incident event of a type it receives, or a sample weekly report for a report-only subscription. */
export function testOutgoing(filter: Pick<SubscriptionFilter, 'events'>, messageId: string, now: Date, publicUrl: string): Outgoing {
  const type = testEventType(filter);
  return type ? { message: testMessage(messageId, now, publicUrl, type) } : testReport(messageId, now, publicUrl);
}
