// The worker that runs the alert jobs (fan-out, deliveries, digests), apart from the analysis
// worker: alerts wait on receivers, not on the CPU, so many run at once, and a slow receiver never
// holds up the analysis of a filing.

import type { JobWakeups } from '../../db/job-notifications.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import type { Config } from '../config.ts';
import { createWorker, type Worker } from '../ingest/worker.ts';
import type { Logger } from '../logger.ts';
import type { MonitorMetrics } from '../metrics.ts';
import { createChannelSender, type ChannelSender } from './channels.ts';
import { alertFailureRecorder, createAlertJobHandlers } from './delivery.ts';
import { emailTransport } from './email.ts';
import { alertDispatcher } from './ssrf.ts';

/** Standard Webhooks and Svix give a receiver 15 s. */
export const ALERT_TIMEOUT_MS = 15_000;

export interface AlertWorkerOptions {
  repositories: Repositories;
  config: Pick<Config, 'alertsAllowPrivateUrls' | 'alertConcurrency' | 'publicUrl' | 'host' | 'port' | 'jobLeaseSeconds' | 'smtpUrl' | 'alertsFrom'>;
  log: Logger;
  metrics: MonitorMetrics;
  wakeups?: JobWakeups;
  /** Replaces the HTTP/SMTP sending (tests inject faults). */
  send?: ChannelSender;
  timeoutMs?: number;
  now?: () => Date;
  random?: () => number;
  idleMs?: number;
}

export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${config.port}`;
}

export function createAlertWorker(options: AlertWorkerOptions): Worker & { close(): Promise<void> } {
  const { repositories, config, log, metrics } = options;
  const timeoutMs = options.timeoutMs ?? ALERT_TIMEOUT_MS;
  const dispatcher = alertDispatcher({ allowPrivate: config.alertsAllowPrivateUrls, agent: { headersTimeout: timeoutMs, bodyTimeout: timeoutMs } });
  const transport = config.smtpUrl && config.alertsFrom ? emailTransport(config.smtpUrl, { timeoutMs }) : null;
  const send = options.send ?? createChannelSender({ dispatcher, timeoutMs, ...(transport ? { email: { transport, from: config.alertsFrom! } } : {}) });
  const alertJobs = createAlertJobHandlers({
    repositories,
    send,
    publicUrl: publicBaseUrl(config),
    log,
    now: options.now,
    random: options.random,
    observer: {
      delivered: (channel, state, latency) => {
        metrics.alertsSent.inc({ channel, state });
        if (latency !== null) metrics.alertLatency.observe(latency, { channel });
      },
      retried: (channel) => metrics.alertRetries.inc({ channel }),
    },
  });
  const worker = createWorker({
    jobs: repositories.jobs,
    handlers: alertJobs.handlers,
    onClaimed: alertJobs.onClaimed,
    onFailure: alertFailureRecorder(repositories),
    log,
    concurrency: config.alertConcurrency,
    // Refill when a quarter of the slots are free: one claim (and one read of the deliveries) per
    // several sends, while the rest keep the receivers busy.
    claimBatch: Math.ceil(config.alertConcurrency / 4),
    groupCompletes: true,
    leaseMs: config.jobLeaseSeconds * 1000,
    wakeups: options.wakeups,
    idleMs: options.idleMs ?? (options.wakeups ? 30_000 : 1000),
  });
  return {
    ...worker,
    async close() {
      transport?.close();
      await dispatcher.close();
    },
  };
}
