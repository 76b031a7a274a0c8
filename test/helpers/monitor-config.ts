import { loadConfig, type Config } from '../../src/config.ts';

/**
 * A monitor's configuration for a test, read from no environment: EDGAR is the replay server at
 * `replayUrl`, the API takes a free port, and `overrides` set the rest (the database, the pace).
 */
export function replayMonitorConfig(replayUrl: string, overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      dataDir: '',
      port: 0,
      edgarUserAgent: 'cyber8k tests tests@cyber8k.local',
      edgarWwwUrl: replayUrl,
      edgarDataUrl: replayUrl,
      edgarEftsUrl: replayUrl,
      // Company profile reads have their own tests (test/companies/refresh.test.ts); here their
      // requests and jobs would mix with the ingestion these tests count exactly.
      companyRefreshHours: 0,
      ...overrides,
    },
  );
}
