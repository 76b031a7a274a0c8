// The monitor keeps its companies' EDGAR profiles itself: once UnitedHealth's 8-K is discovered on
// the replay server, the leader schedules the day's company_tickers.json read and the company's
// submissions JSON read, the worker runs them at background priority, and the API shows the
// tickers on the company and its incident.

import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { startMonitor, type Monitor } from '../../src/monitor.ts';
import type { ReplayServer } from '../../src/replay/index.ts';
import { pacedMonitorConfig, startStillReplay } from '../helpers/replayed-monitor.ts';
import { waitFor } from '../helpers/wait.ts';

const UNH = '0000731766-24-000045';

describe('monitor: company profiles from EDGAR', () => {
  let replay: ReplayServer;
  let config: Config;
  let monitor: Monitor | null = null;

  beforeAll(async () => {
    const still = await startStillReplay();
    replay = still.replay;
    config = pacedMonitorConfig(still.url, { companyRefreshHours: 24 });
  });
  afterAll(async () => {
    await monitor?.close();
    await replay?.close();
    if (config?.dataDir) rmSync(config.dataDir, { recursive: true, force: true });
  });

  it('reads the tickers and profile of a company it ingests a filing of, once, and serves them', { timeout: 120_000 }, async () => {
    monitor = await startMonitor({ config, log: pino({ level: 'silent' }) });
    replay.release(UNH);
    const get = async (url: string) => (await monitor!.app!.inject({ method: 'GET', url })).json() as Record<string, any>;
    await waitFor(async () => (await get(`/v1/filings/${UNH}`)).status === 'analyzed', 60_000, 'UnitedHealth analyzed');
    await waitFor(async () => (await get('/v1/companies/731766')).profileFetchedAt != null, 60_000, 'UnitedHealth’s profile read');
    const company = await get('/v1/companies/UNH');
    expect(company).toMatchObject({ cik: '0000731766', tickers: ['UNH'], sic: '6324', sectors: ['insurance', 'healthcare'], secOffice: '02 Finance' });
    expect(company.incidents.map((i: any) => i.filings[0].accessionNumber)).toEqual([UNH]);
    expect((await get('/v1/incidents?ticker=unh')).data.map((i: any) => i.tickers)).toEqual([['UNH']]);
    // The replay server's timeline also makes NVIDIA's and 1895 Bancorp's 8-Ks public at the start.
    await waitFor(async () => (await get('/v1/companies')).data.every((c: any) => c.profileFetchedAt != null), 60_000, 'every profile read');
    const ciks = (await get('/v1/companies')).data.map((c: any) => c.cik).sort();
    expect(ciks).toContain('0000731766');
    // One read of each company and one of company_tickers.json, whatever number of feed polls ran.
    expect(replay.stats.byKindAndStatus['submissions-json 200']).toBe(ciks.length);
    expect(replay.stats.byKindAndStatus['company-tickers 200']).toBe(1);
    const jobs = await monitor.database.query<{ kind: string; key: string; priority: number; state: string }>(sql`select kind, key, priority, state from jobs where kind like 'refresh-%' order by key`);
    // Keyed by the UTC day they were scheduled on.
    const day = jobs.at(-1)!.key;
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(jobs).toEqual([
      ...ciks.map((cik: string) => ({ kind: 'refresh-company', key: `${cik}:${day}`, priority: -10, state: 'done' })),
      { kind: 'refresh-company-tickers', key: day, priority: -10, state: 'done' },
    ]);
  });
});
