import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The unit/integration suite at a simulated wall-clock time, to prove a test does not depend on the hour:
 * `TEST_FAKE_NOW=2026-11-27T00:30:00Z npx vitest run --config vitest.any-hour.config.ts test/faults/hubspot.test.ts`
 */
export default mergeConfig(base, defineConfig({ test: { setupFiles: ['test/support/shifted-time.ts'] } }));
