/**
 * `npm run dev`: the whole journey on one machine, without a HubSpot or Microsoft account — the HubSpot and
 * 36One stand-ins with sample data, the bot (env/.env.playground) and the Microsoft 365 Agents Playground.
 */
import { type ChildProcess, spawn } from 'node:child_process';

const tsx = (args: string[]): readonly [string, string[]] => [process.execPath, ['--import', 'tsx', ...args]];
const parts: Array<{ name: string; cmd: readonly [string, string[]]; env?: Record<string, string> }> = [
  {
    name: 'hubspot',
    cmd: tsx(['test/standins/run-hubspot.ts', '--port', '3980', '--token', 'playground-hubspot-token']),
  },
  {
    name: '36one',
    cmd: tsx(['test/standins/run-c4c.ts', '--port', '3981', '--username', 'playground', '--password', 'playground']),
  },
  { name: 'bot', cmd: tsx(['--env-file=env/.env.playground', 'src/index.ts']) },
  {
    name: 'playground',
    cmd: [
      'npx',
      ['agentsplayground', 'start', '-e', 'http://127.0.0.1:3978/api/messages', '-c', 'msteams', '-p', '56150', '--dt'],
    ],
    // Where no browser can open, the playground must not try: it serves at http://localhost:56150 instead.
    env: process.env.DISPLAY ? {} : { TEAMSAPPTESTER_BROWSER: 'none' },
  },
];

const children: ChildProcess[] = [];
for (const p of parts) {
  const child = spawn(p.cmd[0], p.cmd[1], { env: { ...process.env, ...p.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${p.name}] `;
  child.stdout!.on('data', (d: Buffer) => process.stdout.write(d.toString().replace(/^(?=.)/gm, prefix)));
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(d.toString().replace(/^(?=.)/gm, prefix)));
  child.on('exit', (code) => {
    console.log(`${prefix}exited (${code})`);
    shutdown();
  });
  children.push(child);
}
console.log(
  'LeadBridge dev: bot http://127.0.0.1:3978, playground http://localhost:56150, HubSpot stand-in :3980, 36One stand-in :3981',
);
console.log('Open the playground, say hello to the bot, then run `npm run simulate:mql` in another terminal.');

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
