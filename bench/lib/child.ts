import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchWorld, makeDb, startBenchWorld } from './world.js';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(BENCH_DIR, 'out');

/** Messages a bench child answers over IPC. */
export type ChildRequest = {
  id: number;
  op: 'usage' | 'outbox' | 'stop' | 'profile-start' | 'profile-stop' | 'sql-stats' | 'worker-stop' | 'heap';
  arg?: string;
};

export interface Child {
  name: string;
  pid: number;
  url: string;
  /** Peak resident set size so far (VmHWM from /proc, in MB). */
  peakRssMb(): number;
  ask<T = any>(op: ChildRequest['op'], arg?: string): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts `bench/<script>` as its own Node process (through tsx), logs to bench/out/logs/<name>.log,
 * and resolves once it reports the port it listens on. `BENCH_CPU_PROF=1` records a CPU profile.
 */
export function startChild(
  name: string,
  script: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
  nodeFlags: string[] = [],
): Promise<Child> {
  mkdirSync(join(OUT_DIR, 'logs'), { recursive: true });
  const log = openSync(join(OUT_DIR, 'logs', `${name}.log`), 'w');
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(OUT_DIR, 'profiles')}`] : [];
  const child: ChildProcess = fork(join(BENCH_DIR, script), [], {
    // A prebuilt .mjs runs on plain node; TypeScript goes through tsx, as `npm start` runs the bot.
    execArgv: [
      ...(script.endsWith('.mjs') ? [] : ['--import', 'tsx']),
      ...prof,
      ...(process.env.BENCH_EXPOSE_GC ? ['--expose-gc'] : []),
      ...nodeFlags,
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log, 'ipc'],
  });
  let seq = 0;
  const pending = new Map<number, (v: any) => void>();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start; see bench/out/logs/${name}.log`)),
      timeoutMs,
    );
    const early = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}); see bench/out/logs/${name}.log`));
    };
    child.once('exit', early);
    child.on('message', (m: any) => {
      if (m?.ready) {
        clearTimeout(timer);
        child.off('exit', early);
        resolve({
          name,
          pid: child.pid!,
          url: `http://127.0.0.1:${m.port}`,
          peakRssMb: () => vmHwmMb(child.pid!),
          ask(op, arg) {
            const id = ++seq;
            return new Promise((res) => {
              pending.set(id, res);
              child.send({ id, op, arg });
            });
          },
          async stop() {
            if (child.exitCode !== null) return;
            const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.send({ id: ++seq, op: 'stop' });
            await exited;
            clearTimeout(killer);
          },
        });
      } else if (m?.id && pending.has(m.id)) {
        pending.get(m.id)!(m.value);
        pending.delete(m.id);
      }
    });
  });
}

export interface BotVariant {
  /** Log name: bench/out/logs/<name>.log. */
  name: string;
  /** Under bench/ (default bot-process.ts). */
  script?: string;
  env?: Record<string, string>;
  nodeFlags?: string[];
}

/**
 * One bench world; for each variant in turn a LeadBridge child on a fresh SQLite database, client-side pacing off,
 * handed to `fn`. The child stops and its database goes even when `fn` throws.
 */
export async function forEachBotVariant<V extends BotVariant>(
  variants: V[],
  fn: (c: Child, world: BenchWorld, v: V) => Promise<void>,
): Promise<void> {
  const world = await startBenchWorld();
  try {
    for (const v of variants) {
      const db = await makeDb('sqlite');
      try {
        const env = world.env(db, { HUBSPOT_MAX_REQUESTS_PER_SECOND: '0', TEAMS_MAX_SENDS_PER_SECOND: '0', ...v.env });
        const c = await startChild(v.name, v.script ?? 'bot-process.ts', env, 60_000, v.nodeFlags);
        try {
          await fn(c, world, v);
        } finally {
          await c.stop();
        }
      } finally {
        await db.drop();
      }
    }
  } finally {
    await world.close();
  }
}

/** Peak resident set size of a process in MB, from /proc/<pid>/status (Linux). */
export function vmHwmMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
