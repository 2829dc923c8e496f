#!/usr/bin/env node
// Launcher for the TypeScript CLI: loads src/cli/main.ts through tsx's API, in this process.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
