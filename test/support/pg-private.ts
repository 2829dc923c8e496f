/**
 * A private PostgreSQL server for one test file, so it can be stopped and restarted without touching the machine's
 * shared server on 127.0.0.1:5432 (other test files use that one in parallel). Trust auth, own port, own socket,
 * own data directory in a temp folder; `destroy()` stops it and removes everything.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivatePostgres {
  port: number;
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  dataDir: string;
  /** `pg_ctl stop -m fast` (disconnects every client, rolls back open transactions). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stop, stay down for `downMs`, start again. */
  restart(downMs?: number): Promise<void>;
  destroy(): Promise<void>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return join(root, versions[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const root = mkdtempSync(join(tmpdir(), 'lb-pg-'));
  const dataDir = join(root, 'data');
  // PostgreSQL refuses to run as root: run its tools as the `postgres` OS user when we are root.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(root, Number(stdout.trim()), Number(gid.trim()));
  }
  const pgTool = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);

  await pgTool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  let port = 0;
  const start = async () => {
    await pgTool('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      join(root, 'server.log'),
      '-w',
      '-t',
      '30',
      '-o',
      `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`,
      'start',
    ]);
  };
  const stop = async () => {
    await pgTool('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
  };
  // Another process may take the port between the probe and the start: try a few.
  for (let i = 0; ; i++) {
    port = await freePort();
    try {
      await start();
      break;
    } catch (err) {
      if (i >= 3) {
        rmSync(root, { recursive: true, force: true });
        throw err;
      }
    }
  }
  // If the test process ends without destroy() (killed by a timeout, crashed), do not leave a server behind.
  let destroyed = false;
  const onExit = () => {
    if (destroyed) return;
    const args = [join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', '-w', 'stop'];
    try {
      asRoot
        ? execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'ignore' })
        : execFileSync(args[0]!, args.slice(1), { stdio: 'ignore' });
    } catch {
      /* already down */
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  return {
    port,
    dataDir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async restart(downMs = 2_000) {
      await stop();
      await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    async destroy() {
      destroyed = true;
      process.off('exit', onExit);
      await pgTool('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop']).catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}
