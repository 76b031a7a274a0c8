// The `report.published` events the alert jobs send: each event's report read once, and rendered
// for e-mail once, however many subscriptions it goes to (a report is tens of kilobytes of JSON
// and its HTML page takes milliseconds to render).

import type { DeliveryRepository, ReportEventContext } from '../../db/repositories/deliveries.ts';
import { reportAlert, reportDocuments } from './report.ts';
import { ttlCache } from './ttl-cache.ts';
import type { ReportAlert, ReportDocuments } from './types.ts';

const ENTRIES = 8;
const TTL_MS = 60_000;

export interface ReportEvents {
  /** The event and its report; undefined when the event is not a report's (or is gone). */
  get(eventId: number): Promise<ReportEventContext | undefined>;
  /** What one delivery of it sends. */
  outgoing(context: ReportEventContext, messageId: string): { report: ReportAlert; documents: ReportDocuments };
}

export function createReportEvents(deliveries: Pick<DeliveryRepository, 'reportEventContext'>, publicUrl: string, now: () => Date): ReportEvents {
  const contexts = ttlCache<number, ReportEventContext | undefined>({ entries: ENTRIES, ttlMs: TTL_MS, now });
  const documents = new WeakMap<ReportEventContext, ReportDocuments>();
  return {
    get: (eventId) => contexts.get(eventId, (id) => deliveries.reportEventContext(id)),
    outgoing(context, messageId) {
      let rendered = documents.get(context);
      if (!rendered) documents.set(context, (rendered = reportDocuments(context.model, publicUrl)));
      return { report: reportAlert(context.model, context.event.createdAt, messageId, publicUrl), documents: rendered };
    },
  };
}
