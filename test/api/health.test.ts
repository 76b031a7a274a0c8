import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.ts';
import { useApp, usePglite } from './app.ts';

describe('GET /health', () => {
  let clock = 1_800_000_000_000;
  const db = usePglite();
  const app = useApp(() => db().database, { now: () => clock });

  it('counts its uptime on the app\'s clock from when the routes were registered', async () => {
    expect((await app().inject({ url: '/health' })).json()).toEqual({ status: 'ok', version: VERSION, uptimeSeconds: 0 });
    clock += 90_600;
    expect((await app().inject({ url: '/health' })).json()).toEqual({ status: 'ok', version: VERSION, uptimeSeconds: 91 });
  });
});
