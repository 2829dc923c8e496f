import { defineConfig } from 'vitest/config';

/** Everything but the browser tests; `vitest.e2e.config.ts` runs those afterwards, alone, so Chromium is not starved. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/build.ts'],
  },
});
