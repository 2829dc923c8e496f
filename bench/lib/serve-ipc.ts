import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * The child side of bench/lib/child.ts: report the port, answer usage/outbox questions, record a CPU
 * profile of a chosen window (`profile-start` / `profile-stop` → the .cpuprofile path), stop on request.
 */
export function serveIpc(
  port: number,
  o: {
    outbox?: () => Promise<unknown>;
    sqlStats?: () => unknown;
    ops?: Record<string, () => Promise<unknown>>;
    stop: () => Promise<void>;
  },
): void {
  let session: Session | undefined;
  process.on('message', async (m: any) => {
    if (!m?.id) return;
    let value: unknown;
    if (m.op === 'usage')
      value = {
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        memory: Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 2 ** 20)])),
        cpu: process.cpuUsage(),
      };
    if (m.op === 'outbox') value = o.outbox ? await o.outbox() : null;
    if (m.op === 'sql-stats') value = o.sqlStats?.() ?? null;
    if (o.ops?.[m.op]) value = await o.ops[m.op]!();
    if (m.op === 'heap') {
      // Diagnostics (child started with BENCH_EXPOSE_GC=1): heap after a full GC, optionally a snapshot.
      (globalThis as { gc?: () => void }).gc?.();
      const { writeHeapSnapshot } = await import('node:v8');
      value = {
        heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
        rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
        snapshot: m.arg ? writeHeapSnapshot(m.arg) : undefined,
      };
    }
    if (m.op === 'profile-start') {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      value = true;
    }
    if (m.op === 'profile-stop' && session) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = undefined;
      const file = `${m.arg ?? `/tmp/bench-${process.pid}`}.cpuprofile`;
      writeFileSync(file, JSON.stringify(profile));
      value = file;
    }
    if (m.op === 'stop') {
      await o.stop();
      process.send?.({ id: m.id, value: true });
      // Exit (rather than wait for handles to drain) so a --cpu-prof profile is written at once.
      setImmediate(() => process.exit(0));
      return;
    }
    process.send?.({ id: m.id, value });
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ ready: true, port });
}
