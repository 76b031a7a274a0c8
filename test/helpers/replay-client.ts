import { createEdgarClient, type EdgarClient, type EdgarClientOptions } from '../../src/edgar/client.ts';
import { createReplayServer, type ReplayServer, type ReplayServerOptions } from '../../src/replay/index.ts';

export const TEST_USER_AGENT = 'cyber8k tests tests@cyber8k.local';

export interface ReplayWithClient {
  replay: ReplayServer;
  edgar: EdgarClient;
  base: string;
  close(): Promise<void>;
}

/**
 * A replay server on loopback and an EDGAR client pointed at it (8 requests/s: under the server's
 * 10, as against sec.gov), for the tests of code that reads EDGAR.
 */
export async function startReplayWithClient(
  options: ReplayServerOptions & { releaseAll?: boolean; client?: Partial<EdgarClientOptions> },
): Promise<ReplayWithClient> {
  const { releaseAll, client, ...serverOptions } = options;
  const replay = await createReplayServer(serverOptions);
  const base = await replay.listen({ port: 0, host: '127.0.0.1' });
  if (releaseAll) replay.releaseAll();
  const edgar = createEdgarClient({
    userAgent: TEST_USER_AGENT,
    baseUrls: { www: base, data: base, efts: base },
    requestsPerSecond: 8,
    timeoutMs: 10_000,
    ...client,
  });
  return {
    replay,
    edgar,
    base,
    async close() {
      await edgar.close();
      await replay.close();
    },
  };
}
