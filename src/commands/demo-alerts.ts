// The demo's alerts: a webhook receiver on loopback and the demo's subscriptions pointing at it,
// so a newcomer sees each alert arrive, signed, seconds after its filing appeared in the feed.
// Re-running the demo on the same data folder reuses the subscriptions (found by name) and points
// them at this run's receiver.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Repositories } from '../../db/repositories/index.ts';
import type { SubscriptionRow } from '../../db/repositories/subscriptions.ts';
import { companyLine, itemLine, materialityLabel, reportHeadline, truncate, typeLabel } from '../alerts/text.ts';
import type { AlertMessage, ReportAlert } from '../alerts/types.ts';
import { createSubscription, updateSubscription } from '../alerts/subscriptions.usecase.ts';
import type { FilterInput, SubscriptionPolicy } from '../alerts/subscription.ts';
import { verifyWebhook } from '../alerts/verify.ts';
import { SECTOR_NAMES } from '../companies/sectors.ts';
import type { Logger } from '../logger.ts';

/**
 * A risk team's watchlist of telecom carriers and their suppliers, plus every Item 1.05. Filter
 * lists AND together, so "the telecom sector or these companies" takes two subscriptions. The
 * companies are named by CIK: a ticker resolves only once the companies table knows it. The sector
 * matches once a company's SIC code has been read: the replay's built filings carry it in their
 * headers where the corpus's SEC data-set rows state it (F5, Frontier), but not for Wytec.
 */
export const DEMO_SUBSCRIPTIONS: ReadonlyArray<{ name: string; filter: FilterInput }> = [
  { name: 'demo: telecom sector', filter: { sectors: ['telecom'] } },
  {
    name: 'demo: telecom carriers and vendors (FYBR, WYTC, FFIV, HPE)',
    // Frontier Communications, Wytec International, F5, Hewlett Packard Enterprise.
    filter: { ciks: ['0000020520', '0001560143', '0001048695', '0001645590'] },
  },
  { name: 'demo: every Item 1.05', filter: { items: ['1.05'] } },
];

/** Webhook bodies are under 20 KB; anything much larger is not a cyber8k delivery. */
const MAX_BODY_BYTES = 64 * 1024;
const EVIDENCE_CHARS = 200;

export interface DemoAlertsOptions {
  repositories: Pick<Repositories, 'subscriptions' | 'jobs' | 'transaction' | 'companies'>;
  log: Logger;
  /** Where the alert lines go (the demo: stdout). */
  print: (text: string) => void;
  /** When the filing with this accession number appeared in the (replayed) feed, epoch ms. */
  feedAppearedAt: (accession: string) => number | undefined;
  now?: () => number;
}

export interface DemoAlerts {
  /** The receiver's base URL; each subscription posts to `${url}/${id}`. */
  url: string;
  subscriptions: SubscriptionRow[];
  close(): Promise<void>;
}

/** The alert as the demo prints it: a headline, then the first evidence sentence, trimmed. */
export function demoAlertLines(message: AlertMessage, secondsSinceFeed: number | null): string {
  const { emoji, label } = typeLabel(message.type);
  const { incident } = message.data;
  const parts = [companyLine(message), itemLine(message), `materiality ${materialityLabel(incident.materialImpact)}`];
  if (secondsSinceFeed !== null) parts.push(`${secondsSinceFeed.toFixed(1)} s after the filing appeared in the feed`);
  const head = `${message.test ? '[TEST] ' : ''}${emoji} ${label}: ${parts.join(' · ')}`;
  const sentence = message.data.evidence[0]?.sentence.replace(/\s+/g, ' ').trim();
  return sentence ? `${head}\n   “${truncate(sentence, EVIDENCE_CHARS)}”` : head;
}

/** Creates the demo's subscriptions, or points those of an earlier run at `receiverUrl`. */
async function ensureSubscriptions(repositories: DemoAlertsOptions['repositories'], receiverUrl: string): Promise<SubscriptionRow[]> {
  const policy: SubscriptionPolicy = {
    allowPrivate: true,
    emailEnabled: false,
    resolveTickers: (tickers) => repositories.companies.ciksOfTickers(tickers),
    sectorNames: SECTOR_NAMES,
  };
  // The demo's own subscriptions have no owner key; a user's (made with a key) are left alone.
  const existing = (await repositories.subscriptions.list('any', { limit: 1000 })).filter((s) => s.ownerKeyId === null);
  const rows: SubscriptionRow[] = [];
  for (const { name, filter } of DEMO_SUBSCRIPTIONS) {
    const found = existing.find((s) => s.name === name);
    // The receiver's port is new on every run: the URL (and the id in its path) is set after saving.
    const row = found ?? (await createSubscription(repositories, policy, { name, channel: { type: 'webhook', url: `${receiverUrl}/new` }, filter }, null)).subscription;
    rows.push(await updateSubscription(repositories, policy, row.id, 'any', { channel: { type: 'webhook', url: `${receiverUrl}/${row.id}` }, filter, enabled: true }));
  }
  return rows;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the receiver, then the subscriptions that post to it. */
export async function startDemoAlerts(options: DemoAlertsOptions): Promise<DemoAlerts> {
  const { repositories, log, print } = options;
  const now = options.now ?? Date.now;
  // An event matching several subscriptions arrives once for each: it is printed once.
  const printed = new Set<string>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = /^\/(\d{1,9})$/.exec(req.url ?? '')?.[1];
    const body = await readBody(req);
    const answer = (status: number) => void res.writeHead(status).end();
    if (req.method !== 'POST' || !id) return answer(404);
    if (body === null) return answer(413);
    const subscription = await repositories.subscriptions.get(Number(id));
    if (!subscription) return answer(404);
    const at = now();
    const previous = subscription.previousSecret && subscription.previousSecretUntil && subscription.previousSecretUntil.getTime() > at ? [subscription.previousSecret] : [];
    const check = verifyWebhook([subscription.secret, ...previous], req.headers, body, Math.floor(at / 1000));
    if (!check.ok) {
      log.warn(`[alerts] refused a delivery to "${subscription.name}": ${check.reason}`);
      return answer(401);
    }
    answer(204);
    const parsed = JSON.parse(body) as AlertMessage | ReportAlert;
    const key = parsed.type === 'report.published' ? `${parsed.type}|${parsed.timestamp}` : parsed.test ? String(req.headers['webhook-id']) : `${parsed.type}|${parsed.data.incident.id}|${parsed.timestamp}`;
    if (printed.has(key)) return;
    printed.add(key);
    // A subscription changed to name report.published (PATCH) gets the weekly report too.
    if (parsed.type === 'report.published') return print(reportHeadline(parsed));
    const message = parsed;
    const appeared = message.data.filing ? options.feedAppearedAt(message.data.filing.accessionNumber) : undefined;
    const seconds = appeared !== undefined && appeared <= at ? (at - appeared) / 1000 : null;
    print(demoAlertLines(message, seconds));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.warn(`[alerts] the demo receiver failed on a delivery: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  try {
    const subscriptions = await ensureSubscriptions(repositories, url);
    log.info(`[alerts] webhook receiver on ${url}, checking signatures; subscriptions: ${subscriptions.map((s) => `#${s.id} ${s.name}`).join('; ')}`);
    return { url, subscriptions, close };
  } catch (err) {
    await close();
    throw err;
  }
}
