/** The chat command registry: one declaration per command, distinct phrases, and a help answer that lists them. */
import { describe, expect, it } from 'vitest';
import { chatCommands } from '../../src/bot/chat/commands.js';
import { type ChatCommand, ChatCommandRegistry } from '../../src/bot/chat/registry.js';
import { CHAT_COMMANDS, type ChatCommandName, detectCommand } from '../../src/knowledge/commands.js';
import { helpLines } from '../../src/knowledge/labels.js';
import { cardText } from '../support/cards.js';

const nobody = async () => {
  throw new Error('the actor is not needed for this');
};
const command = (name: ChatCommandName, like: ChatCommandName = name): ChatCommand =>
  ({ ...CHAT_COMMANDS[like], name, run: async () => ({ text: name }) }) as ChatCommand;

describe('chat command registry', () => {
  it('holds every declared command once', () => {
    expect(
      chatCommands()
        .list()
        .map((c) => c.name),
    ).toEqual(Object.keys(CHAT_COMMANDS));
  });

  it('takes every example as its own command, in the bot and in the knowledge service alike', () => {
    const registry = chatCommands();
    for (const c of registry.list()) {
      for (const e of c.examples) {
        expect(registry.match(e)?.name, e).toBe(c.name);
        expect(detectCommand(e), e).toBe(c.name);
      }
    }
    expect(registry.match('Was ist ein MQL?')).toBeNull();
  });

  it('a name registered twice fails', () => {
    const r = new ChatCommandRegistry().register(command('my_leads'));
    expect(() => r.register(command('my_leads'))).toThrow('chat command registered twice: my_leads');
  });

  it('two commands that would take the same phrase fail, whichever is registered first', () => {
    expect(() =>
      new ChatCommandRegistry().register(command('my_leads')).register(command('digest', 'my_leads')),
    ).toThrow('chat commands my_leads and digest overlap: "meine Leads"');
    const wide = { ...command('digest'), patterns: [/^.*$/], examples: ['irgendwas'] };
    expect(() => new ChatCommandRegistry().register(command('my_leads')).register(wide)).toThrow(
      'chat commands my_leads and digest overlap: "meine Leads"',
    );
    const samePattern = {
      ...command('digest'),
      patterns: [...CHAT_COMMANDS.digest.patterns, ...CHAT_COMMANDS.my_leads.patterns],
    };
    expect(() => new ChatCommandRegistry().register(samePattern).register(command('my_leads'))).toThrow(/overlap/);
  });

  it('a command that does not take its own example fails', () => {
    const broken = { ...command('digest'), examples: ['digest', 'meine Leads'] };
    expect(() => new ChatCommandRegistry().register(broken)).toThrow(
      'chat command digest does not take its own example "meine Leads"',
    );
  });

  it.each(['de', 'en'] as const)(
    'the help answer (%s) names every other command, without asking who wrote',
    async (locale) => {
      const registry = chatCommands();
      const help = registry.match(locale === 'de' ? 'hilfe' : 'help')!;
      expect(help.scope).toBe('channel');
      const answer = await help.run({} as any, { locale, actor: nobody });
      const others = registry.list().filter((c) => c.name !== 'help');
      expect(others.length).toBeGreaterThan(0);
      for (const c of others) {
        expect(c.help, c.name).not.toBeNull();
        expect(helpLines(locale).join('\n')).toContain(c.help![locale]);
        expect(cardText(answer.card)).toContain(c.help![locale]);
      }
      expect(answer.summary).toMatch(locale === 'de' ? /^So kann ich helfen\n/ : /^How I can help\n/);
    },
  );
});
