import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** Where and when the figures were taken (`date -u`, `nproc`, `free -h`, node version). */
export function machine() {
  const sh = (cmd: string) => {
    try {
      return execSync(cmd, { encoding: 'utf8' }).trim();
    } catch {
      return 'n/a';
    }
  };
  return {
    date: sh('date -u'),
    nproc: Number(sh('nproc')),
    cpu: cpus()[0]?.model ?? 'unknown',
    memTotal: sh("free -h | awk '/^Mem:/ {print $2}'"),
    memAvailable: sh("free -h | awk '/^Mem:/ {print $7}'"),
    memBytes: totalmem(),
    node: process.version,
    /** 1/5/15-minute load average when the run started: other work on the machine skews the figures. */
    loadavg: loadavg().map((x) => Math.round(x * 100) / 100),
    postgres: sh("psql -XAtc 'show server_version' postgres://postgres@127.0.0.1:5432/test 2>/dev/null"),
  };
}
