import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Neither UTC nor US Eastern: code that leans on the machine's time zone fails here (TEST_TZ overrides).
    env: { TZ: process.env.TEST_TZ ?? 'Asia/Tokyo' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are heavy (≈350 MB each); two forks fit comfortably on the 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
