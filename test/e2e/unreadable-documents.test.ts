// Ingestion meets documents that are not what they say: EDGAR serving a primary document that is
// gzip data (set aside as dead, with the reason, after one attempt), and one saved as UTF-16
// (read like the original). The replay server's fault hook swaps the real documents' bytes.

import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSubmission } from '../../src/analysis/submission.ts';
import type { Config } from '../../src/config.ts';
import { startMonitor, type Monitor } from '../../src/monitor.ts';
import type { ReplayServer } from '../../src/replay/index.ts';
import { fixture } from '../analysis/corpus.ts';
import { pacedMonitorConfig, startStillReplay } from '../helpers/replayed-monitor.ts';
import { waitFor } from '../helpers/wait.ts';

const UNH = '0000731766-24-000045';
const COSTCO = '0000909832-25-000105';
const primary = (file: string) => {
  const doc = parseSubmission(fixture(file)).documents[0]!;
  return { name: doc.filename!, bytes: Buffer.from(doc.text!, 'latin1') };
};
const unh = primary('raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt');
const costco = primary('raw/negatives/cost-8-k-2025-10-15-0000909832-25-000105.txt');
const swapped: Record<string, Buffer> = {
  [`/${UNH.replace(/-/g, '')}/${unh.name}`]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(unh.bytes.toString('utf8'), 'utf16le')]),
  [`/${COSTCO.replace(/-/g, '')}/${costco.name}`]: gzipSync(costco.bytes),
};

describe('ingestion of documents that are binary or UTF-16', () => {
  let replay: ReplayServer;
  let monitor: Monitor;
  let config: Config;

  beforeAll(async () => {
    let url: string;
    ({ replay, url } = await startStillReplay((req) => {
      const body = Object.entries(swapped).find(([suffix]) => req.kind === 'document' && req.path.endsWith(suffix))?.[1];
      return body ? { status: 200, body, headers: { 'content-type': 'text/html' } } : undefined;
    }));
    config = pacedMonitorConfig(url);
    monitor = await startMonitor({ config, log: pino({ level: 'silent' }) });
    replay.release(UNH);
    replay.release(COSTCO);
  });

  afterAll(async () => {
    await monitor?.close();
    await replay?.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  const row = async (accession: string) =>
    (
      await monitor.database.query<{ status: string; error: string | null; incident: boolean | null; attempts: number }>(
        sql`select f.status, f.error, f.incident, j.attempts from filings f join jobs j on j.key = f.accession_number where f.accession_number = ${accession}`,
      )
    )[0];

  it('sets a filing whose primary document is gzip data aside as dead, with the reason, after one attempt', async () => {
    const r = await waitFor(async () => ((await row(COSTCO))?.status === 'dead' ? row(COSTCO) : undefined), 60_000, 'the gzip document set aside');
    expect(r).toMatchObject({ status: 'dead', attempts: 1, incident: null });
    expect(r!.error).toBe(`could not analyze ${COSTCO}: the primary document ${costco.name} (8-K) is binary data, not a readable filing (a gzip-compressed file)`);
  });

  it('reads a primary document saved as UTF-16 as it reads the original', async () => {
    await waitFor(async () => (await row(UNH))?.status === 'analyzed', 60_000, 'the UTF-16 document analyzed');
    const detail = (await monitor.app!.inject({ method: 'GET', url: `/v1/filings/${UNH}` })).json();
    expect(detail).toMatchObject({ incident: true, item: '1.05', dates: { detected: '2024-02-21' } });
    expect(detail.item105Text).toMatch(/Change Healthcare/);
  });
});
