import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

export interface HealthRoutesOptions {
  version: string;
}

export const healthRoutes: FastifyPluginAsyncTypebox<HealthRoutesOptions> = async (app, { version }) => {
  const started = Date.now();
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process is up and answering',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), version: Type.String(), uptimeSeconds: Type.Number() }),
        },
      },
    },
    async () => ({ status: 'ok' as const, version, uptimeSeconds: Math.round((Date.now() - started) / 1000) }),
  );
};
