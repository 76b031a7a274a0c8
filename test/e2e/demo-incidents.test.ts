// `npm run demo` then `curl localhost:3000/v1/incidents`: the demo's filings come out threaded,
// served over HTTP as the README shows.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { runDemo } from '../../src/commands/demo.ts';
import { waitFor } from '../helpers/wait.ts';

const F5_8K = '0001048695-25-000149'; // F5's Item 1.05 8-K
const F5_10K = '0001048695-25-000157'; // F5's 10-K, about the same incident
const HALLIBURTON = '0000045012-24-000052'; // another company's Item 1.05

describe('npm run demo: incidents', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyber8k-demo-incidents-'));
  const env = { CYBER8K_DATA_DIR: dataDir, PORT: '0', POLL_INTERVAL_SECONDS: '1', LOG_LEVEL: 'silent', COMPANY_REFRESH_HOURS: '0' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("serves the demo's filings threaded on GET /v1/incidents: F5's 8-K and its 10-K one incident, Halliburton's another", { timeout: 180_000 }, async () => {
    await runDemo({
      speed: 1e-6,
      alerts: false,
      env,
      print: () => {},
      runUntilSignal: async (close, { replay, monitor }) => {
        try {
          const repos = createRepositories(monitor.database.db);
          replay.release(F5_8K);
          replay.release(HALLIBURTON);
          await waitFor(async () => (await repos.filings.get(F5_8K))?.status === 'analyzed', 90_000, "F5's 8-K analyzed");
          // The 10-K after the 8-K, as EDGAR published them.
          replay.release(F5_10K);
          await waitFor(async () => (await Promise.all([F5_10K, HALLIBURTON].map((a) => repos.filings.get(a)))).every((f) => f?.status === 'analyzed'), 90_000, 'the other filings analyzed');

          const res = await fetch(`${monitor.url}/v1/incidents`);
          expect(res.status).toBe(200);
          const { data } = (await res.json()) as { data: Array<{ id: number; company: string; cik: string; status: string; filings: Array<{ accessionNumber: string; role: string }> }> };
          const f5 = data.filter((i) => i.cik === '0001048695');
          expect(f5).toHaveLength(1);
          expect(f5[0]!.filings.map((f) => f.accessionNumber)).toEqual([F5_8K, F5_10K]);
          expect(f5[0]!.filings[0]!.role).toBe('original');
          expect(f5[0]!.status).toBe('updated');
          expect(data.filter((i) => i.cik === '0000045012').map((i) => i.filings.map((f) => f.accessionNumber))).toEqual([[HALLIBURTON]]);
          // The filing says which incident it is in.
          const filing = (await (await fetch(`${monitor.url}/v1/filings/${F5_10K}`)).json()) as { threads: Array<{ incidentId: number }> };
          expect(filing.threads.map((t) => t.incidentId)).toEqual([f5[0]!.id]);
        } finally {
          await close();
        }
      },
    });
  });
});
