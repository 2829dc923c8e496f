import http from 'node:http';
import type { Child } from './child.js';
import { type LoadResult, runLoad, send } from './load.js';
import { type Spread, spread } from './stats.js';
import {
  type BenchWorld,
  CardWatcher,
  coldEvents,
  OWNER_USERS,
  type SeenCard,
  scoreEvent,
  signedWebhook,
} from './world.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Signed webhook load against LeadBridge (or the bare server): batches of 100 events, or one event per request. */
export function ingest(
  urls: string[],
  shape: 'batch' | 'single',
  durationMs: number,
  warm = true,
): Promise<LoadResult> {
  const size = shape === 'batch' ? 100 : 1;
  return runLoad({
    urls,
    concurrency: 10,
    durationMs,
    maxRequests: shape === 'batch' ? 20_000 : 200_000,
    warmup: !warm ? 0 : shape === 'batch' ? 50 : 500,
    request: (i) => signedWebhook(coldEvents(i, size)),
  });
}

/** Waits until the outbox has nothing pending (bounded); returns how long that took. */
export async function drain(child: Child, timeoutMs: number): Promise<{ ms: number; pending: number }> {
  const t0 = Date.now();
  for (;;) {
    const s = await child.ask<{ pending: number }>('outbox');
    if (s.pending === 0 || Date.now() - t0 > timeoutMs) return { ms: Date.now() - t0, pending: s.pending };
    await sleep(100);
  }
}

/** Every bench owner adds the bot in their personal scope (so cards can reach them), ten at a time. */
export async function installOwners(world: BenchWorld, botUrl: string): Promise<void> {
  const ch = world.channel(botUrl);
  for (let i = 0; i < OWNER_USERS.length; i += 10) {
    await Promise.all(
      OWNER_USERS.slice(i, i + 10).map(async (u) => {
        const r = await ch.conversationUpdateMembersAdded(u);
        if (r.status !== 200) throw new Error(`installing for ${u.email} answered ${r.status}`);
      }),
    );
  }
}

export interface EventToCard {
  leads: number;
  delivered: number;
  /** First webhook sent → last card seen. */
  totalMs: number;
  leadsPerSecond: number;
  latency: Spread;
  cards: Map<number, SeenCard>;
  webhookFailures: number;
  /** Second cards for the same lead seen at the connector. */
  duplicateCards: number;
}

/**
 * MQL events → lead cards at the connector. `burst`: all events at once in signed batches of 100
 * (10 requests in flight); `rate`: one event per request, open loop at that many per second.
 * Latency per lead = its webhook request sent → its card posted at the connector.
 */
export async function eventToCard(
  world: BenchWorld,
  urls: string[],
  contactIds: number[],
  mode: { burst: true } | { rate: number },
  timeoutMs: number,
): Promise<EventToCard> {
  const watcher = new CardWatcher(world.connector);
  watcher.poll();
  const agents = urls.map(() => new http.Agent({ keepAlive: true, maxSockets: 'burst' in mode ? 10 : 64 }));
  const sentAt = new Map<number, number>();
  let webhookFailures = 0;
  const post = async (k: number, ids: number[]) => {
    const req = signedWebhook(ids.map((id) => scoreEvent(id)));
    const t = Date.now();
    for (const id of ids) sentAt.set(id, t);
    const status = await send(agents[k % urls.length]!, urls[k % urls.length]!, req);
    if (status !== 200) webhookFailures++;
  };
  const started = Date.now();
  const sends: Promise<void>[] = [];
  if ('burst' in mode) {
    for (let b = 0; b * 100 < contactIds.length; b++) sends.push(post(b, contactIds.slice(b * 100, b * 100 + 100)));
  } else {
    const gap = 1000 / mode.rate;
    for (let i = 0; i < contactIds.length; i++) {
      const due = started + i * gap - Date.now();
      if (due > 1) await sleep(due);
      sends.push(post(i, [contactIds[i]!]));
    }
  }
  await Promise.all(sends);
  const deadline = started + timeoutMs;
  const seen = () => contactIds.filter((id) => watcher.cards.has(id)).length;
  for (watcher.poll(); seen() < contactIds.length && Date.now() < deadline; watcher.poll()) await sleep(25);
  const cards = new Map(contactIds.filter((id) => watcher.cards.has(id)).map((id) => [id, watcher.cards.get(id)!]));
  for (const a of agents) a.destroy();
  const latencies = [...cards.values()].map((c) => c.sentAt - sentAt.get(c.contactId)!);
  const last = Math.max(...[...cards.values()].map((c) => c.sentAt));
  const totalMs = cards.size ? last - started : NaN;
  const duplicateCards = contactIds.reduce((n, id) => n + (watcher.duplicates.get(id) ?? 0), 0);
  return {
    leads: contactIds.length,
    delivered: cards.size,
    totalMs,
    leadsPerSecond: (cards.size / totalMs) * 1000,
    latency: spread(latencies),
    cards,
    webhookFailures,
    duplicateCards,
  };
}

/** Clicks "accept" on lead cards (an Action.Execute invoke over HTTP) and times each invoke response. */
export async function accepts(
  world: BenchWorld,
  botUrl: string,
  cards: SeenCard[],
  concurrency: number,
): Promise<{ latency: Spread; failures: number; perSecond: number }> {
  const ch = world.channel(botUrl);
  const latencies: number[] = [];
  let failures = 0;
  const t0 = performance.now();
  for (let i = 0; i < cards.length; i += concurrency) {
    await Promise.all(
      cards.slice(i, i + concurrency).map(async (c) => {
        const t = performance.now();
        const r = await ch.cardAction(c.user, c.accept!, { replyToId: c.activityId });
        latencies.push(performance.now() - t);
        const text = JSON.stringify(r.body);
        if (r.status !== 200 || !/SAL/.test(text)) failures++;
      }),
    );
  }
  return { latency: spread(latencies), failures, perSecond: (latencies.length / (performance.now() - t0)) * 1000 };
}

export const GLOSSARY_QUESTIONS = [
  'Was ist ein MQL?',
  'Was bedeutet SAL?',
  'Was ist BANT?',
  'What is a Contact Owner?',
  'Was ist C4C?',
  'Was ist das Betreuungsmodell Key Account?',
  'Was ist ein Kundensegment?',
  'What does SQL mean?',
  'Was ist ein Account Manager?',
  'Was ist ein Asset?',
];

/** Glossary questions as Teams message activities (closed loop); the answers go to the connector. */
export interface ChatResult {
  requests: number;
  ok: number;
  elapsedMs: number;
  perSecond: number;
  latency: Spread;
  latencies: number[];
  sample?: string;
}

/** Adds up interleaved rounds of chat load. */
export function mergeChats(rs: ChatResult[]): ChatResult {
  const latencies = rs.flatMap((r) => r.latencies);
  const ok = rs.reduce((s, r) => s + r.ok, 0);
  const elapsedMs = rs.reduce((s, r) => s + r.elapsedMs, 0);
  return {
    requests: latencies.length,
    ok,
    elapsedMs,
    perSecond: (ok / elapsedMs) * 1000,
    latency: spread(latencies),
    latencies,
    sample: rs.find((r) => r.sample)?.sample,
  };
}

export async function chat(
  world: BenchWorld,
  botUrl: string,
  durationMs: number,
  concurrency: number,
  warm = true,
): Promise<ChatResult> {
  const ch = world.channel(botUrl);
  const users = OWNER_USERS.slice(0, 3);
  const latencies: number[] = [];
  let ok = 0;
  let n = 0;
  // Warm-up (JIT, first-use caches), not counted.
  if (warm)
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        ch.message(users[i % 3]!, GLOSSARY_QUESTIONS[i % GLOSSARY_QUESTIONS.length]!),
      ),
    );
  const mark = world.connector.mark();
  const t0 = performance.now();
  const until = t0 + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until && n < 100_000) {
        const i = n++;
        const t = performance.now();
        const r = await ch.message(users[i % 3]!, GLOSSARY_QUESTIONS[i % GLOSSARY_QUESTIONS.length]!);
        latencies.push(performance.now() - t);
        if (r.status >= 200 && r.status < 300) ok++;
      }
    }),
  );
  const elapsed = performance.now() - t0;
  const reply = await world.connector.waitFor(() => true, 1000, { since: mark }).catch(() => undefined);
  const sample = reply
    ? ((reply.activity.text as string | undefined) ?? JSON.stringify(reply.activity.attachments ?? '').slice(0, 120))
    : undefined;
  return {
    requests: latencies.length,
    ok,
    elapsedMs: elapsed,
    perSecond: (ok / elapsed) * 1000,
    latency: spread(latencies),
    latencies,
    sample: sample?.slice(0, 120),
  };
}
