import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are heavy (≈350 MB each); two forks fit comfortably on the 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
