// A small Prometheus registry: counters, gauges and histograms in the text exposition format.
// Process-level figures (requests made, filings analyzed by this instance) live here; figures
// that are shared by all instances (queue depth, dead jobs) are read from the database at scrape.

type Labels = Record<string, string>;

interface Series {
  labels: Labels;
  value: number;
}

function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
  get(labels?: Labels): number;
}

export interface Gauge {
  set(value: number, labels?: Labels): void;
  /** Forgets every series (before refreshing from a query that omits empty groups). */
  reset(): void;
}

export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

export interface MetricsRegistry {
  counter(name: string, help: string): Counter;
  gauge(name: string, help: string): Gauge;
  histogram(name: string, help: string, buckets: number[]): Histogram;
  /** Runs before each render, to refresh gauges from the database. */
  onCollect(collect: () => Promise<void>): void;
  render(): Promise<string>;
}

export function createMetricsRegistry(): MetricsRegistry {
  const blocks: Array<() => string> = [];
  const collectors: Array<() => Promise<void>> = [];

  function series(name: string, help: string, type: string) {
    const values = new Map<string, Series>();
    blocks.push(() => {
      const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
      for (const s of values.values()) lines.push(`${name}${formatLabels(s.labels)} ${s.value}`);
      return lines.join('\n');
    });
    return values;
  }

  return {
    counter(name, help) {
      const values = series(name, help, 'counter');
      return {
        inc(labels = {}, by = 1) {
          const key = labelKey(labels);
          const s = values.get(key) ?? { labels, value: 0 };
          s.value += by;
          values.set(key, s);
        },
        get(labels = {}) {
          return values.get(labelKey(labels))?.value ?? 0;
        },
      };
    },
    gauge(name, help) {
      const values = series(name, help, 'gauge');
      return {
        set(value, labels = {}) {
          values.set(labelKey(labels), { labels, value });
        },
        reset() {
          values.clear();
        },
      };
    },
    histogram(name, help, buckets) {
      const sorted = [...buckets].sort((a, b) => a - b);
      const data = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
      blocks.push(() => {
        const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
        for (const h of data.values()) {
          sorted.forEach((le, i) => lines.push(`${name}_bucket${formatLabels({ ...h.labels, le: String(le) })} ${h.counts[i]}`));
          lines.push(`${name}_bucket${formatLabels({ ...h.labels, le: '+Inf' })} ${h.count}`);
          lines.push(`${name}_sum${formatLabels(h.labels)} ${h.sum}`);
          lines.push(`${name}_count${formatLabels(h.labels)} ${h.count}`);
        }
        return lines.join('\n');
      });
      return {
        observe(value, labels = {}) {
          const key = labelKey(labels);
          const h = data.get(key) ?? { labels, counts: sorted.map(() => 0), sum: 0, count: 0 };
          sorted.forEach((le, i) => {
            if (value <= le) h.counts[i]! += 1;
          });
          h.sum += value;
          h.count += 1;
          data.set(key, h);
        },
      };
    },
    onCollect(collect) {
      collectors.push(collect);
    },
    async render() {
      await Promise.all(collectors.map((c) => c()));
      return `${blocks.map((b) => b()).join('\n')}\n`;
    },
  };
}

/** The figures cyber8k reports. */
export function createMonitorMetrics(registry: MetricsRegistry = createMetricsRegistry()) {
  return {
    registry,
    discovered: registry.counter('cyber8k_filings_discovered_total', 'Filings discovered by this instance, by source.'),
    reconciledMissing: registry.counter('cyber8k_reconcile_missing_total', 'Filings found in the daily index that discovery had missed (now queued).'),
    analyzed: registry.counter('cyber8k_filings_analyzed_total', 'Filings analyzed by this instance, by form and incident.'),
    analysisLag: registry.histogram(
      'cyber8k_analysis_lag_seconds',
      'Seconds from EDGAR acceptance to the analysis being stored.',
      [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 21_600, 86_400],
    ),
    edgarRequests: registry.counter('cyber8k_edgar_requests_total', 'Requests sent to EDGAR, by HTTP status (or error code).'),
    edgarBytes: registry.counter('cyber8k_edgar_bytes_total', 'Bytes received from EDGAR (after decompression).'),
    rateLimitPaused: registry.gauge('cyber8k_edgar_rate_limit_paused', '1 while fetching is paused after SEC rate-limit answer.'),
    rateLimitTrips: registry.gauge('cyber8k_edgar_rate_limit_trips', 'Times SEC rate-limit answer paused fetching since start.'),
    jobs: registry.gauge('cyber8k_jobs', 'Jobs in the database by kind and state (all instances).'),
    leader: registry.gauge('cyber8k_poller_leader', '1 when this instance runs the poller.'),
    alertDeliveries: registry.gauge('cyber8k_alert_deliveries', 'Alert deliveries in the database by channel type and state (all instances).'),
    alertsSent: registry.counter('cyber8k_alerts_sent_total', 'Alert deliveries this instance settled, by channel type and final state.'),
    alertRetries: registry.counter('cyber8k_alert_retries_total', 'Alert attempts that failed and were scheduled again, by channel type.'),
    alertLatency: registry.histogram(
      'cyber8k_alert_latency_seconds',
      'Seconds from the filing appearing in the feed (or the event, without one) to its alert being received, by channel type.',
      [0.5, 1, 1.5, 2, 3, 5, 10, 30, 60, 300, 1800, 3600, 21_600, 86_400],
    ),
    lastPollAge: registry.gauge('cyber8k_poll_last_success_age_seconds', 'Seconds since the last successful read of each discovery source.'),
  };
}

export type MonitorMetrics = ReturnType<typeof createMonitorMetrics>;
