import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  selfMs: number;
  share: number;
}

const shortUrl = (u: string) =>
  u
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'nm:')
    .replace(/^.*\/work\/main\//, '');

/** Self time of a V8 .cpuprofile, by function and by file/package (idle and GC named as V8 names them). */
export function summariseProfile(
  file: string,
  top = 25,
): { totalMs: number; byFunction: HotSpot[]; byFile: HotSpot[] } {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++)
    self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const n of p.nodes) {
    const ms = self.get(n.id) ?? 0;
    if (!ms) continue;
    total += ms;
    const url = shortUrl(n.callFrame.url);
    const file = url
      ? url.startsWith('nm:')
        ? url
            .split('/')
            .slice(0, url.startsWith('nm:@') ? 2 : 1)
            .join('/')
        : url
      : `(${n.callFrame.functionName || 'native'})`;
    const fn =
      `${n.callFrame.functionName || '(anonymous)'} ${url ? `${url}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, selfMs: Math.round(ms), share: ms / total }));
  return { totalMs: Math.round(total), byFunction: rank(byFn), byFile: rank(byFile) };
}

/** Inclusive (self + callees) time of every function whose name or file matches `pattern`. */
export function inclusiveTime(file: string, pattern: RegExp): Array<{ name: string; ms: number }> {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++)
    self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  const memo = new Map<number, number>();
  const incl = (id: number): number => {
    if (memo.has(id)) return memo.get(id)!;
    const n = byId.get(id)!;
    const v = (self.get(id) ?? 0) + (n.children ?? []).reduce((s, c) => s + incl(c), 0);
    memo.set(id, v);
    return v;
  };
  // Count a function once per stack (outermost match), so recursion is not double counted.
  const out = new Map<string, number>();
  const walk = (id: number, inside: boolean) => {
    const n = byId.get(id)!;
    const name = `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    const hit = !inside && pattern.test(name);
    if (hit) out.set(name, (out.get(name) ?? 0) + incl(id));
    for (const c of n.children ?? []) walk(c, inside || hit);
  };
  walk(p.nodes[0]!.id, false);
  return [...out].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms: Math.round(ms) }));
}
