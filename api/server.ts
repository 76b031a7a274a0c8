// Runs the REST API that app.ts builds: listens on the configured interface and port, and closes
// it (answering 503 to requests still arriving meanwhile) when the process stops.

import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from './app.ts';

export interface ApiServer {
  app: FastifyInstance;
  /** Base URL it listens on. */
  url: string;
  close(): Promise<void>;
}

export interface StartApiServerOptions extends BuildAppOptions {
  port: number;
  host: string;
}

export async function startApiServer(options: StartApiServerOptions): Promise<ApiServer> {
  const { port, host, ...build } = options;
  const app = await buildApp(build);
  let url: string;
  try {
    url = await app.listen({ port, host });
  } catch (err) {
    await app.close();
    throw err;
  }
  return { app, url, close: () => app.close() };
}
