// `cyber8k keys create --name NAME [--scope feed|read|alerts|admin] [--rate-limit N] [--json]` prints a
// new API key once (only its hash is kept); `keys list` shows them without it; `keys revoke ID`.

import { createApiKeyRepository, type ApiKeyInfo } from '../../db/repositories/api-keys.ts';
import { generateApiKey, type ApiKeyScope } from '../auth/api-keys.ts';
import { commandConfig, EXIT_OK, EXIT_RUNTIME, EXIT_USAGE, processIo, withDatabase, type CommandIo } from './context.ts';

export interface CreateKeyOptions {
  name: string;
  scope: ApiKeyScope;
  rateLimit?: number;
  json: boolean;
}

export async function createKeyCommand(opts: CreateKeyOptions, io: CommandIo = processIo): Promise<number> {
  const name = opts.name.trim();
  if (name === '' || name.length > 200) {
    io.stderr.write('cyber8k keys create: --name must be 1 to 200 characters\n');
    return EXIT_USAGE;
  }
  return withDatabase(commandConfig(), async (database) => {
    const generated = generateApiKey();
    const row = await createApiKeyRepository({ db: database.db }).create(generated, { name, scope: opts.scope, rateLimitPerMinute: opts.rateLimit });
    if (opts.json) io.stdout.write(`${JSON.stringify({ id: String(row.id), key: generated.key })}\n`);
    else {
      io.stdout.write(`${generated.key}\n`);
      io.stderr.write(`key ${row.id} "${row.name}" (scope ${row.scope}, ${row.rateLimitPerMinute} requests/min) — shown this once; only its hash is stored\n`);
    }
    return EXIT_OK;
  });
}

export async function listKeysCommand(opts: { json: boolean }, io: CommandIo = processIo): Promise<number> {
  return withDatabase(commandConfig(), async (database) => {
    const keys = await createApiKeyRepository({ db: database.db }).list();
    if (opts.json) for (const key of keys) io.stdout.write(`${JSON.stringify(toJson(key))}\n`);
    else if (keys.length === 0) io.stdout.write('no API keys; create one with `cyber8k keys create --name NAME`\n');
    else for (const key of keys) io.stdout.write(`${summary(key)}\n`);
    return EXIT_OK;
  });
}

export async function revokeKeyCommand(id: string, io: CommandIo = processIo): Promise<number> {
  if (!/^\d{1,15}$/.test(id)) {
    io.stderr.write(`cyber8k keys revoke: ID must be a key's number (see \`cyber8k keys list\`), got ${JSON.stringify(id)}\n`);
    return EXIT_USAGE;
  }
  return withDatabase(commandConfig(), async (database) => {
    if (await createApiKeyRepository({ db: database.db }).revoke(Number(id))) {
      io.stdout.write(`revoked key ${id}\n`);
      return EXIT_OK;
    }
    io.stderr.write(`cyber8k keys revoke: no unrevoked key ${id} (see \`cyber8k keys list\`)\n`);
    return EXIT_RUNTIME;
  });
}

function toJson(key: ApiKeyInfo) {
  return {
    id: String(key.id),
    name: key.name,
    scope: key.scope,
    prefix: key.prefix,
    rateLimitPerMinute: key.rateLimitPerMinute,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

function summary(key: ApiKeyInfo): string {
  const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : 'never used';
  return `${String(key.id).padStart(4)}  ${key.prefix}…  ${key.scope.padEnd(6)}  ${key.name}  (created ${key.createdAt.toISOString()}, ${state})`;
}
