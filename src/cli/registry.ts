/** Sub-commands of the `leadbridge` CLI, registered by name. */

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  name: string;
  /** One line for `leadbridge help`. */
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

export class CommandRegistry {
  private readonly commands = new Map<string, CliCommand>();

  register(command: CliCommand): this {
    if (this.commands.has(command.name)) throw new Error(`CLI command registered twice: ${command.name}`);
    this.commands.set(command.name, command);
    return this;
  }

  get(name: string): CliCommand | undefined {
    return this.commands.get(name);
  }

  list(): CliCommand[] {
    return [...this.commands.values()];
  }
}

/** Splits `--flag value` / `--flag` options from positional arguments. `booleans` names the flags without a value. */
export function parseFlags(
  args: string[],
  booleans: string[] = [],
): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) positional.push(a);
    else if (booleans.includes(a.slice(2)) || i + 1 >= args.length) flags[a.slice(2)] = true;
    else flags[a.slice(2)] = args[++i];
  }
  return { flags, positional };
}
