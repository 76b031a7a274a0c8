import { afterEach, describe, expect, it } from 'vitest';
import { shapeNamed } from '../../bench/adversarial-inputs.ts';
import { analyzeFiling } from '../../src/analysis/index.ts';
import { AnalysisTimeoutError, createAnalysisPool, type AnalysisPool } from '../../src/ingest/analysis-pool.ts';
import { fixture } from '../analysis/corpus.ts';

const UNH = fixture('raw/item105/unh-8-k-2024-02-22-0000731766-24-000045.txt');
// Seconds of analysis on any machine (bench:complexity: a few MB/s).
const HEAVY = shapeNamed('many-dates').make(16 * 1024 * 1024);

describe('the analysis thread pool', () => {
  let pool: AnalysisPool;
  afterEach(async () => {
    await pool?.close();
  });

  it('analyzes in a worker thread exactly what the analyzer finds in this one', async () => {
    pool = createAnalysisPool({ size: 1, timeoutMs: 60_000 });
    const context = { source: 'unh.txt', filedAt: '2024-02-22' };
    expect(await pool.analyze(UNH, context)).toEqual(await analyzeFiling(UNH, context));
  });

  it('gives back the analyzer’s error for a document it cannot read', async () => {
    pool = createAnalysisPool({ size: 1, timeoutMs: 60_000 });
    await expect(pool.analyze(Buffer.from('  \n '), {})).rejects.toThrow('empty input');
  });

  it('ends an analysis past its time budget, and reads the next document on a fresh thread', async () => {
    pool = createAnalysisPool({ size: 1, timeoutMs: 1000 });
    const heavy = pool.analyze(HEAVY, {});
    await expect(heavy).rejects.toBeInstanceOf(AnalysisTimeoutError);
    await expect(heavy).rejects.toThrow('analysis took longer than its time budget of 1 s (ANALYSIS_TIMEOUT_SECONDS)');
    expect(pool.threads()).toBe(0);
    expect((await pool.analyze(UNH, {})).analysis.incident).toBe(true);
  });

  it('stops a running analysis when its caller gives up on it', async () => {
    pool = createAnalysisPool({ size: 1, timeoutMs: 600_000 });
    const controller = new AbortController();
    const heavy = pool.analyze(HEAVY, {}, controller.signal);
    while (pool.busy() === 0) await new Promise((r) => setTimeout(r, 10));
    controller.abort(new Error('shutting down'));
    await expect(heavy).rejects.toThrow('shutting down');
    expect(pool.threads()).toBe(0);
  });

  it('runs at most its size of threads, queueing the rest', async () => {
    pool = createAnalysisPool({ size: 2, timeoutMs: 60_000 });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => pool.analyze(UNH, {}).then((r) => ({ incident: r.analysis.incident, threads: pool.threads() }))));
    expect(results.every((r) => r.incident && r.threads <= 2)).toBe(true);
    expect(pool.threads()).toBe(2);
  });

  it('rejects what is still queued when it is closed', async () => {
    pool = createAnalysisPool({ size: 1, timeoutMs: 600_000 });
    const running = expect(pool.analyze(HEAVY, {})).rejects.toThrow('the analysis pool was closed');
    const queued = expect(pool.analyze(UNH, {})).rejects.toThrow('the analysis pool was closed');
    await pool.close();
    await running;
    await queued;
    await expect(pool.analyze(UNH, {})).rejects.toThrow('the analysis pool is closed');
  });
});
