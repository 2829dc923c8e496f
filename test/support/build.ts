import { bundle } from '../../scripts/build.mjs';

/** vitest globalSetup: builds dist/index.js once, so tests that run LeadBridge as a process run what `npm start` runs. */
export default async function setup(): Promise<void> {
  await bundle('src/index.ts', 'dist/index.js');
}
