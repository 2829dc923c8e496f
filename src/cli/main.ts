/** Entry of the `leadbridge` CLI: dispatches `leadbridge <command> …` to a registered sub-command. */
import { pathToFileURL } from 'node:url';
import { registerCommands } from './commands/index.js';
import { type CliIo, CommandRegistry } from './registry.js';

export { type CliCommand, type CliIo, CommandRegistry, parseFlags } from './registry.js';

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

function usage(registry: CommandRegistry): string {
  return [
    'Usage: leadbridge <command> [options]',
    '',
    'Commands:',
    ...registry.list().map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '  help       Show this text.',
  ].join('\n');
}

/** Runs one CLI invocation; returns the exit code. Pass a registry to add or replace commands. */
export async function main(
  argv: string[],
  io: CliIo = consoleIo,
  registry = registerCommands(new CommandRegistry()),
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage(registry));
    return name ? 0 : 2;
  }
  const command = registry.get(name);
  if (!command) {
    io.err(`Unknown command: ${name}\n\n${usage(registry)}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    io.err(`leadbridge ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

// Run when started directly (`tsx src/cli/main.ts ask …`), not when imported by bin/leadbridge.js or a test.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
