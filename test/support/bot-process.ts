import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startFlags } from '../../scripts/build.mjs';

export interface BotProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  logs: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Runs LeadBridge as its own process, as `npm start` does (dist/index.js, built by the globalSetup, with the same
 * Node flags), with the given environment; resolves once it listens.
 */
export function startBotProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<BotProcess> {
  const child = spawn(process.execPath, [...startFlags(), 'dist/index.js'], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  createInterface({ input: child.stderr! }).on('line', (l) => logs.push(l));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${logs.slice(-20).join('\n')}`)), timeoutMs);
    let started = false;
    child.once('exit', (code) => {
      if (!started) {
        clearTimeout(timer);
        reject(new Error(`bot exited (${code}):\n${logs.slice(-20).join('\n')}`));
      }
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      const m = /"port":(\d+).*LeadBridge is listening/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      started = true;
      resolve({
        url: `http://127.0.0.1:${m[1]}`,
        pid: child.pid!,
        child,
        logs,
        async kill(signal = 'SIGKILL') {
          if (child.exitCode === null) {
            child.kill(signal);
            await exited;
          }
        },
      });
    });
  });
}
