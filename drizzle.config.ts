import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a migration for schema changes; migrations are applied by the
// monitor itself at start-up (db/migrate.ts), never by drizzle-kit.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  strict: true,
  verbose: true,
});
