import http from 'node:http';
import { percentile } from './stats.js';

/** One request the load generator sends. */
export interface LoadRequest {
  path: string;
  body: string;
  headers: Record<string, string> /** Units of work in it (events in a batch); default 1. */;
  units?: number;
}

export interface LoadOptions {
  /** One base URL, or several to spread requests over round-robin (several instances). */
  urls: string[];
  /** Connections kept open at once (closed loop: each sends its next request when the last one answered). */
  concurrency: number;
  durationMs: number;
  /** Stop after this many requests even if time is left. */
  maxRequests: number;
  /** Builds request number `i` (called just before it is sent). */
  request(i: number): LoadRequest;
  /** Requests sent before the clock starts (warm-up), not counted. */
  warmup?: number;
}

export interface LoadResult {
  requests: number;
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  units: number;
  elapsedMs: number;
  requestsPerSecond: number;
  unitsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Every request's latency (ms), for merging rounds. */
  latencies: number[];
}

/** Adds up rounds of the same load (interleaved with a baseline's rounds) into one result. */
export function mergeLoads(rs: LoadResult[]): LoadResult {
  const latencies = rs.flatMap((r) => r.latencies);
  const ok = rs.reduce((s, r) => s + r.ok, 0);
  const units = rs.reduce((s, r) => s + r.units, 0);
  const elapsedMs = rs.reduce((s, r) => s + r.elapsedMs, 0);
  const statuses: Record<string, number> = {};
  for (const r of rs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    requests: latencies.length,
    ok,
    failed: latencies.length - ok,
    statuses,
    units,
    elapsedMs,
    requestsPerSecond: (ok / elapsedMs) * 1000,
    unitsPerSecond: (units / elapsedMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    latencies,
  };
}

/** Sends one request on a keep-alive agent; resolves with the status (0 on a network error). */
export function send(agent: http.Agent, base: string, r: LoadRequest): Promise<number> {
  const u = new URL(r.path, base);
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: 'POST',
        headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(r.body);
  });
}

/** A closed-loop HTTP load: `concurrency` keep-alive connections, bounded in time and count, loopback only. */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  for (const u of o.urls)
    if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u)) throw new Error(`load generator is loopback only: ${u}`);
  const agents = o.urls.map(() => new http.Agent({ keepAlive: true, maxSockets: o.concurrency }));
  let next = 0;
  const pick = (i: number) => i % o.urls.length;
  for (let w = 0; w < (o.warmup ?? 0); w += o.concurrency) {
    await Promise.all(
      Array.from({ length: Math.min(o.concurrency, (o.warmup ?? 0) - w) }, () => {
        const i = next++;
        return send(agents[pick(i)]!, o.urls[pick(i)]!, o.request(i));
      }),
    );
  }
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let units = 0;
  const started = performance.now();
  const deadline = started + o.durationMs;
  let sent = 0;
  async function loop(): Promise<void> {
    while (sent < o.maxRequests && performance.now() < deadline) {
      sent++;
      const i = next++;
      const r = o.request(i);
      const t0 = performance.now();
      const status = await send(agents[pick(i)]!, o.urls[pick(i)]!, r);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) {
        ok++;
        units += r.units ?? 1;
      }
    }
  }
  await Promise.all(Array.from({ length: o.concurrency }, loop));
  const elapsedMs = performance.now() - started;
  for (const a of agents) a.destroy();
  return {
    requests: latencies.length,
    ok,
    failed: latencies.length - ok,
    statuses,
    units,
    elapsedMs,
    requestsPerSecond: (ok / elapsedMs) * 1000,
    unitsPerSecond: (units / elapsedMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    latencies,
  };
}
