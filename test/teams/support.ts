/** Shared bits of the tenant tests: teams as Teams registers them, and the product's log lines. */
import { startWorld, type World, type WorldOptions } from '../support/world.js';

export interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

export interface LoggedWorld extends World {
  logs: LogLine[];
  /** Resolves with the first log line with this message (and matching `pred`), waiting up to `timeoutMs`. */
  logged(msg: string, pred?: (l: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

/** A world whose product log (level info and up) is kept as objects. */
export async function startLoggedWorld(o: Omit<WorldOptions, 'logSink'> = {}): Promise<LoggedWorld> {
  const logs: LogLine[] = [];
  const w = await startWorld({
    ...o,
    env: { LOG_LEVEL: 'info', ...o.env },
    logSink: { write: (s) => void logs.push(JSON.parse(s)) },
  });
  async function logged(msg: string, pred: (l: LogLine) => boolean = () => true, timeoutMs = 5_000): Promise<LogLine> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const hit = logs.find((l) => l.msg === msg && pred(l));
      if (hit) return hit;
      if (Date.now() > until)
        throw new Error(`no log line "${msg}" within ${timeoutMs} ms; got: ${logs.map((l) => l.msg).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return { ...w, logs, logged };
}

export const cardsWith = (w: World, conversationId: string, text: string) =>
  w.connector.cards(conversationId).filter((c) => JSON.stringify(c.card).includes(text));
