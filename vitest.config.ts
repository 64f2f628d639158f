import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Names the run's PostgreSQL schemas and drops them at the end (test/support/stores.ts).
    globalSetup: ['test/support/global-setup.ts'],
  },
});
