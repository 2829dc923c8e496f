// Stand-in for '@microsoft/teams-ai' in the RSS experiment (bench/rss.ts): only the two classes LeadBridge
// uses, loaded from their own files, so the package index (tokenizers, OpenAI client, …) is never loaded.
import { createRequire } from 'node:module';
const load = createRequire(import.meta.url);
export const { Application } = load('@microsoft/teams-ai/lib/Application.js');
export const { TeamsAdapter } = load('@microsoft/teams-ai/lib/TeamsAdapter.js');
