// Shared helpers for the replay tests: where the real corpora live, and a started server.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
export const FIXTURE_CORPUS = path.join(FIXTURES, 'corpus');
export const REPLAY_CORPUS = path.join(FIXTURES, 'replay');

/** The shared corpus (not committable files): $CYBER8K_SHARED_CORPUS or <repo>/../shared/corpus. */
export const SHARED_CORPUS = process.env.CYBER8K_SHARED_CORPUS ?? path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

/** Path of a shared-corpus file, or undefined after a visible warning when it is absent. */
export function sharedFile(relative: string): string | undefined {
  const file = path.join(SHARED_CORPUS, relative);
  if (existsSync(file)) return file;
  console.warn(`[skip] ${file} is missing: set CYBER8K_SHARED_CORPUS to the shared corpus to run the tests that read it`);
  return undefined;
}

export const DECLARED_UA = 'cyber8k tests admin@example.com';

import { request } from 'undici';
import { createReplayServer, type ReplayServer, type ReplayServerOptions } from '../../src/replay/index.ts';

/** A fixed, injectable clock: Monday 2026-03-09 15:00:00 UTC (11:00 EDT) unless told otherwise. */
export function fakeClock(start = Date.parse('2026-03-09T15:00:00Z')) {
  let t = start;
  return {
    now: (): number => t,
    advance(ms: number): void {
      t += ms;
    },
  };
}

export interface Started {
  server: ReplayServer;
  base: string;
  clock: ReturnType<typeof fakeClock>;
  /** GET with the declared User-Agent (and any extra headers); the body is read as bytes. */
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>;
}

export async function startReplay(opts: Partial<ReplayServerOptions> = {}): Promise<Started> {
  const clock = fakeClock();
  const server = await createReplayServer({ corpusDir: REPLAY_CORPUS, now: clock.now, ...opts });
  const base = await server.listen({ port: 0 });
  return {
    server,
    base,
    clock,
    async get(path, headers = {}) {
      const res = await request(`${base}${path}`, { headers: { 'user-agent': DECLARED_UA, ...headers } });
      const body = Buffer.from(await res.body.arrayBuffer());
      return { status: res.statusCode, headers: res.headers, body };
    },
  };
}

export function feedPath(params: Record<string, string | number> = {}): string {
  const q = new URLSearchParams({ action: 'getcurrent', count: '100', start: '0', type: '', owner: 'include', output: 'atom' });
  for (const [k, v] of Object.entries(params)) q.set(k, String(v));
  return `/cgi-bin/browse-edgar?${q.toString()}`;
}

/** The accession of every entry of an Atom page, in order. */
export function feedAccessions(xml: string): string[] {
  return [...xml.matchAll(/<id>urn:tag:sec\.gov,2008:accession-number=([\d-]+)<\/id>/g)].map((m) => m[1] ?? '');
}
