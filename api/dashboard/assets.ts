import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

/**
 * The dashboard's static files, read once at start: htmx from node_modules (pinned in
 * package.json, never a CDN: a monitor often runs where the internet is not reachable) and the
 * dashboard's own stylesheet and script.
 */
const FILES: Record<string, { path: string; type: string }> = {
  'htmx.min.js': { path: require.resolve('htmx.org/dist/htmx.min.js'), type: 'text/javascript; charset=utf-8' },
  'dashboard.css': { path: new URL('./assets/dashboard.css', import.meta.url).pathname, type: 'text/css; charset=utf-8' },
  'dashboard.js': { path: new URL('./assets/dashboard.js', import.meta.url).pathname, type: 'text/javascript; charset=utf-8' },
};

export function registerAssets(app: FastifyInstance): void {
  const loaded = new Map(Object.entries(FILES).map(([name, f]) => [name, { body: readFileSync(f.path), type: f.type }]));
  for (const [name, file] of loaded) {
    app.get(`/assets/${name}`, { schema: { hide: true, querystring: { type: 'object', properties: { v: { type: 'string', maxLength: 20 } }, additionalProperties: false } } }, async (_request, reply) =>
      // Pages ask for ?v=<asset version>; an hour keeps a stale file short-lived if one is not bumped.
      reply.type(file.type).header('cache-control', 'public, max-age=3600').header('x-content-type-options', 'nosniff').send(file.body),
    );
  }
}
