import type { Locale } from '../../cards/i18n.js';
import type { Actor } from '../../domain/model.js';
import { type ChatCommandName, type ChatCommandSpec, matchCommand } from '../../knowledge/commands.js';
import type { Deps } from '../../services/deps.js';
import type { OutboundActivity } from '../../teams/types.js';

/** The message, without the SDK: the answer language and who wrote (looked up only when asked). */
export interface ChatTurn {
  locale: Locale;
  actor(): Promise<Actor>;
}

export type ChatRun = (deps: Deps, turn: ChatTurn) => Promise<OutboundActivity>;

/** A chat command: its declaration (name, patterns, help line, scope) and what it answers. */
export type ChatCommand = ChatCommandSpec & { name: ChatCommandName; run: ChatRun };

const takes = (c: ChatCommand, text: string) => matchCommand([[c.name, c]], text) !== null;

/** Chat commands by name; a name registered twice, or a phrase two commands would take, fails at registration. */
export class ChatCommandRegistry {
  private readonly commands = new Map<ChatCommandName, ChatCommand>();

  register(command: ChatCommand): this {
    const { name } = command;
    if (this.commands.has(name)) throw new Error(`chat command registered twice: ${name}`);
    const own = command.examples.find((e) => !takes(command, e));
    if (own !== undefined) throw new Error(`chat command ${name} does not take its own example "${own}"`);
    for (const other of this.commands.values()) {
      const shared =
        command.examples.find((e) => takes(other, e)) ??
        other.examples.find((e) => takes(command, e)) ??
        command.patterns.find((p) => other.patterns.some((q) => q.source === p.source))?.source;
      if (shared !== undefined) throw new Error(`chat commands ${other.name} and ${name} overlap: "${shared}"`);
    }
    this.commands.set(name, command);
    return this;
  }

  /** The command a whole message is, or null for a question. */
  match(text: string): ChatCommand | null {
    const name = matchCommand(this.commands, text);
    return name ? this.commands.get(name)! : null;
  }

  list(): ChatCommand[] {
    return [...this.commands.values()];
  }
}
