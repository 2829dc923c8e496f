import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/cli/commands/index.js';
import { type CliIo, CommandRegistry, main } from '../../src/cli/main.js';

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

  it('takes commands registered by others, and refuses a name twice', async () => {
    const io = capture();
    const registry = registerCommands(new CommandRegistry()).register({
      name: 'hello',
      summary: 'Says hello.',
      usage: 'leadbridge hello <name>',
      run: async (args, out) => (out.out(`hello ${args[0]}`), 0),
    });
    expect(await main(['hello', 'Adele'], io, registry)).toBe(0);
    expect(io.stdout).toEqual(['hello Adele']);
    await main(['help'], io, registry);
    expect(io.stdout.join('\n')).toMatch(/ask .*\n.*digest.*\n.*hello/s);
    expect(() => registry.register({ name: 'digest', summary: '', usage: '', run: async () => 0 })).toThrow(
      /registered twice: digest/,
    );
  });

  it('answers classification questions with --lang', async () => {
    const io = capture();
    expect(await main(['ask', '--json', '--lang', 'en', 'Kundensegment bei 2,5 Mrd. € Jahresumsatz?'], io)).toBe(0);
    expect(JSON.parse(io.stdout[0])).toMatchObject({
      kind: 'segment',
      segment: 'LARGE_ENTERPRISE',
      basis: 'revenue',
      locale: 'en',
    });
  });
});
