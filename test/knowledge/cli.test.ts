import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, CommandRegistry, type CliIo } from '../../src/cli/main.js';
import { registerCommands } from '../../src/cli/commands/index.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/leadbridge.js', import.meta.url));

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

describe('leadbridge CLI', () => {
  it('bin/leadbridge.js ask prints the answer as text', async () => {
    const { stdout } = await run(process.execPath, [bin, 'ask', 'Was ist ein MQL?']);
    expect(stdout.split('\n')[0]).toBe('MQL');
    expect(stdout).toContain('Quelle: Glossar Leadmanagement');
  });

  it('--json prints kind, term ids and confidence', async () => {
    const { stdout } = await run(process.execPath, [bin, 'ask', '--json', 'Unterschied zwischen MQL und SQL']);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'comparison', termIds: ['mql', 'sql'], confidence: 1 });
  });

  it('dispatches sub-commands and rejects unknown ones', async () => {
    const io = capture();
    expect(await main(['nope'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('Unknown command: nope');
    expect(await main(['ask'], io)).toBe(2);
    expect(await main(['ask', '--lang', 'fr', 'MQL'], io)).toBe(2);
  });

  it('takes commands registered by others (e.g. digest --preview)', async () => {
    const io = capture();
    const registry = registerCommands(new CommandRegistry()).register({
      name: 'digest', summary: 'Preview a digest.', usage: 'leadbridge digest --preview <email>',
      run: async (args, out) => (out.out(`preview for ${args[1]}`), 0),
    });
    expect(await main(['digest', '--preview', 'a@example.com'], io, registry)).toBe(0);
    expect(io.stdout).toEqual(['preview for a@example.com']);
    await main(['help'], io, registry);
    expect(io.stdout.join('\n')).toMatch(/ask .*\n.*digest/);
  });

  it('answers classification questions with --lang', async () => {
    const io = capture();
    expect(await main(['ask', '--json', '--lang', 'en', 'Kundensegment bei 2,5 Mrd. € Jahresumsatz?'], io)).toBe(0);
    expect(JSON.parse(io.stdout[0])).toMatchObject({ kind: 'segment', segment: 'LARGE_ENTERPRISE', basis: 'revenue', locale: 'en' });
  });
});
