/**
 * Start/stop the real Microsoft 365 Agents Playground (@microsoft/m365agentsplayground)
 * as a child process for end-to-end tests.
 *
 *   const pg = await startPlayground({ botEndpoint: bot.endpoint });            // Alex Wilber
 *   const pgMegan = await startPlayground({ botEndpoint, user: 'meganb@example.com' });
 *   ...
 *   await pg.close();
 *
 * See test/e2e/README.md for what the playground does and does not emulate.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** A user as written in `.m365agentsplayground.yml` (note the upstream typo `userPrincipleName`). */
export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** Schema of `.m365agentsplayground.yml` version 0.1.1 (validated by the playground with ajv). */
export interface PlaygroundConfigFile {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  /** The signed-in user of this playground instance ("me" in the UI). */
  currentUser: PlaygroundUser;
  /** EXACTLY 5 other users (schema: minItems 5, maxItems 5). They are members of the group chat and the team. */
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  /** channels: at most 1 extra channel; the General channel is implicit and has id === team.id. */
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

/** The 6 users of the playground's built-in default config (ids are stable across instances). */
export const DEFAULT_USERS: readonly PlaygroundUser[] = [
  u('user-id-0', 'Alex Wilber', 'alexw@example.com', '20', 'Alex', 'Wilber'),
  u('user-id-1', 'Megan Bowen', 'meganb@example.com', '21', 'Megan', 'Bowen'),
  u('user-id-2', 'Adele Vance', 'adelev@example.com', '22', 'Adele', 'Vance'),
  // upstream default: UPN isaiah@example.com but email isaiahl@example.com
  {
    ...u('user-id-3', 'Isaiah Langer', 'isaiahl@example.com', '23', 'Isaiah', 'Langer'),
    userPrincipleName: 'isaiah@example.com',
  },
  u('user-id-4', 'Patti Fernandez', 'pattif@example.com', '24', 'Patti', 'Fernandez'),
  u('user-id-5', 'Lynne Robbins', 'lynner@example.com', '25', 'Lynne', 'Robbins'),
];

function u(id: string, name: string, email: string, oid: string, givenName: string, surname: string): PlaygroundUser {
  return {
    id,
    name,
    userPrincipleName: email,
    aadObjectId: `00000000-0000-0000-0000-00000000000${oid}`,
    givenName,
    surname,
    email,
  };
}

export const DEFAULT_TENANT_ID = '00000000-0000-0000-0000-0000000000001';
export const DEFAULT_BOT = { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' } as const;
export const DEFAULT_TEAM = {
  id: 'team-id',
  name: 'My Team',
  aadGroupId: '00000000-0000-0000-0000-000000000031',
  channels: [{ id: 'channel-announcements-id', name: 'Announcements' }],
} as const;

/** Find a user by id, email, UPN or display name (case-insensitive). */
export function findUser(users: readonly PlaygroundUser[], who: string): PlaygroundUser | undefined {
  const w = who.trim().toLowerCase();
  return users.find(
    (x) =>
      x.id.toLowerCase() === w ||
      x.email.toLowerCase() === w ||
      x.userPrincipleName.toLowerCase() === w ||
      x.name.toLowerCase() === w,
  );
}

/**
 * Build a config file where `user` is the signed-in user. All 6 users keep their ids, so a
 * user has the same id (`from.id`) in every playground instance.
 */
export function buildConfig(
  opts: {
    user?: string;
    users?: readonly PlaygroundUser[];
    personalChatId?: string;
    overrides?: Partial<PlaygroundConfigFile>;
  } = {},
): PlaygroundConfigFile {
  const all = opts.users ?? DEFAULT_USERS;
  if (all.length !== 6)
    throw new Error(`the playground needs exactly 6 users (1 current + 5 others), got ${all.length}`);
  const current = opts.user ? findUser(all, opts.user) : all[0];
  if (!current) throw new Error(`unknown playground user "${opts.user}"; known: ${all.map((x) => x.email).join(', ')}`);
  return {
    version: '0.1.1',
    tenantId: DEFAULT_TENANT_ID,
    bot: { ...DEFAULT_BOT },
    currentUser: current,
    users: all.filter((x) => x !== current),
    personalChat: { id: opts.personalChatId ?? randomUUID() },
    groupChat: { id: randomUUID(), name: 'Group Chat' },
    team: { ...DEFAULT_TEAM, channels: DEFAULT_TEAM.channels.map((c) => ({ ...c })) },
    ...opts.overrides,
  };
}

export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. Start the bot FIRST (see README). */
  botEndpoint: string;
  /** Port for the playground UI + emulated connector. Default 0 = a free port chosen by the OS. */
  port?: number;
  /** Use this `.m365agentsplayground.yml` as is (sets M365_AGENTS_PLAYGROUND_CONFIG_PATH). */
  configFile?: string;
  /** Generate a config in which this user (email, UPN, name or id of DEFAULT_USERS / `users`) is the signed-in user. */
  user?: string;
  /** Custom tenant users for the generated config (exactly 6). */
  users?: readonly PlaygroundUser[];
  /** Extra fields for the generated config (bot, tenantId, team, ...). */
  configOverrides?: Partial<PlaygroundConfigFile>;
  /** Fixed personal-chat conversation id (default: random UUID). */
  personalChatId?: string;
  /** Working directory of the CLI (default: a fresh temp dir). */
  cwd?: string;
  /** Channel id the playground emulates (default msteams). */
  channelId?: 'msteams' | 'directline' | 'webchat' | 'emulator' | 'agents';
  /** Extra environment variables for the CLI. */
  env?: Record<string, string>;
  /** How long to wait for the server (default 60 s). */
  startTimeoutMs?: number;
}

export interface Playground {
  /** UI, e.g. http://localhost:41234 */
  url: string;
  port: number;
  /** serviceUrl the bot receives: http://localhost:<port>/_connector */
  connectorUrl: string;
  /** The signed-in user of this instance. */
  currentUser: PlaygroundUser;
  /** Every user of this instance (current first). */
  users: PlaygroundUser[];
  personalChatId: string;
  cwd: string;
  logFile: string;
  /** Path of the config file in use (undefined = playground built-in default). */
  configFile?: string;
  /** GET /_internal/v1/testConfig (no side effects, unlike /_internal/v1/config). */
  config(): Promise<PlaygroundRuntimeConfig>;
  /**
   * Activity template of the UI's "Mock an Activity" menu (GET /_internal/v1/customActivities/template).
   * Without `type` it is a plain message activity. Edit it (e.g. `from`) and pass it to sendCustomActivity.
   */
  customActivityTemplate(conversationId: string, type?: CustomActivityType): Promise<Record<string, any>>;
  /**
   * POST /_internal/v1/customActivities: the playground forwards the activity to the bot as is.
   * Resolves when the playground accepted it (before the bot got it); the UI shows bot replies only.
   */
  sendCustomActivity(activity: Record<string, any>): Promise<void>;
  /** stdout + stderr + log file of the CLI so far. */
  log(): string;
  close(): Promise<void>;
}

export type CustomActivityType =
  | 'install'
  | 'uninstall'
  | 'userAdded'
  | 'userRemoved'
  | 'botAdded'
  | 'botRemoved'
  | 'channelCreated'
  | 'channelRenamed'
  | 'channelDeleted'
  | 'teamRenamed'
  | 'teamDeleted'
  | 'sendEmail'
  | 'mentionInWord';

export interface PlaygroundRuntimeConfig {
  config: {
    tenantId: string;
    bot: { id: string; name: string };
    currentUser: PlaygroundUser;
    users: PlaygroundUser[];
    personalChat: { id: string; name: string };
    groupChats: { id: string; name: string; members: string[] }[];
    teams: {
      id: string;
      name: string;
      aadGroupId: string;
      channels: { id: string; name: string; channelType: string }[];
      members: string[];
    }[];
  };
  internalConfig: Record<string, unknown>;
}

const require = createRequire(import.meta.url);

export function playgroundCliPath(): string {
  return require.resolve('@microsoft/m365agentsplayground/cli.js');
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // last resort if a test run dies without calling close(): kill the whole process groups
  process.on('exit', () => {
    for (const cp of live) killGroup(cp, 'SIGKILL');
  });
}

function killGroup(cp: ChildProcess, signal: NodeJS.Signals): void {
  if (cp.pid === undefined) return;
  try {
    process.kill(-cp.pid, signal); // negative pid = the process group (spawned with detached: true)
  } catch {
    try {
      cp.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export async function startPlayground(opts: StartPlaygroundOptions): Promise<Playground> {
  const ownsCwd = !opts.cwd;
  const cwd = opts.cwd ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lb-playground-'));
  fs.mkdirSync(cwd, { recursive: true });
  const logFile = path.join(cwd, 'devTools', `m365agentsplayground-${process.pid}-${Date.now()}.log`);
  const startTimeoutMs = opts.startTimeoutMs ?? 60_000;

  let configFile = opts.configFile ? path.resolve(opts.configFile) : undefined;
  let generated: PlaygroundConfigFile | undefined;
  if (configFile && (opts.user || opts.users || opts.configOverrides || opts.personalChatId)) {
    throw new Error('startPlayground: pass either configFile or user/users/configOverrides/personalChatId, not both');
  }
  if (!configFile && (opts.user || opts.users || opts.configOverrides || opts.personalChatId)) {
    generated = buildConfig({
      user: opts.user,
      users: opts.users,
      personalChatId: opts.personalChatId,
      overrides: opts.configOverrides,
    });
    configFile = path.join(cwd, `.m365agentsplayground-${generated.currentUser.id}.yml`);
    // YAML is a superset of JSON
    fs.writeFileSync(
      configFile,
      `# generated by test/e2e/harness/playground.ts\n${JSON.stringify(generated, null, 2)}\n`,
    );
  }

  const args = [
    playgroundCliPath(),
    'start',
    '-e',
    opts.botEndpoint,
    '-c',
    opts.channelId ?? 'msteams',
    '-p',
    String(opts.port ?? 0),
    '--dt',
  ];

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none', // otherwise it tries to open a browser and exits when it cannot
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile, // default ./devTools/m365agentsplayground.log is deleted by every start
    ...(configFile ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile } : {}),
    ...opts.env,
  };
  // never let an inherited env var point the instance at another bot / config
  delete env.BOT_ENDPOINT;
  if (!configFile) delete env.M365_AGENTS_PLAYGROUND_CONFIG_PATH;

  const cp = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(cp);
  installExitHook();

  let stdout = '';
  let stderr = '';
  cp.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  cp.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    cp.once('exit', (code, signal) => {
      exited = { code, signal };
      live.delete(cp);
      resolve();
    }),
  );

  const readLog = (): string => {
    let file = '';
    try {
      file = fs.readFileSync(logFile, 'utf8');
    } catch {
      /* not written yet */
    }
    return `--- playground stdout ---\n${stdout}\n--- playground stderr ---\n${stderr}\n--- ${logFile} ---\n${file}`;
  };

  let finalLog: string | undefined;
  const close = async (): Promise<void> => {
    if (!exited) {
      killGroup(cp, 'SIGTERM');
      const t = setTimeout(() => killGroup(cp, 'SIGKILL'), 5_000);
      await exitPromise;
      clearTimeout(t);
    }
    if (ownsCwd && finalLog === undefined && !process.env.E2E_KEEP_PLAYGROUND_DIR) {
      finalLog = readLog(); // keep log() working after the temp dir is gone
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  };

  try {
    const deadline = Date.now() + startTimeoutMs;
    // 1) the CLI prints "Listening on <port>" to stdout when stdout is not a TTY
    let port: number | undefined;
    while (!port) {
      const m = /Listening on (\d+)/.exec(stdout);
      if (m) port = Number(m[1]);
      else {
        if (exited) throw new Error(`playground exited early (code ${exited.code}, signal ${exited.signal})`);
        if (Date.now() > deadline)
          throw new Error(`playground did not print "Listening on <port>" within ${startTimeoutMs} ms`);
        await sleep(100);
      }
    }
    const url = `http://localhost:${port}`;
    // 2) the backend answers /_debug/ping with "pong" once it is mounted
    for (;;) {
      if (exited) throw new Error(`playground exited early (code ${exited.code}, signal ${exited.signal})`);
      try {
        const r = await fetch(`${url}/_debug/ping`, { signal: AbortSignal.timeout(2_000) });
        if (r.ok && (await r.text()) === 'pong') break;
      } catch {
        /* not yet */
      }
      if (Date.now() > deadline)
        throw new Error(`playground at ${url} did not answer /_debug/ping within ${startTimeoutMs} ms`);
      await sleep(150);
    }

    const config = async (): Promise<PlaygroundRuntimeConfig> => {
      const r = await fetch(`${url}/_internal/v1/testConfig`);
      if (!r.ok) throw new Error(`GET /_internal/v1/testConfig -> ${r.status}`);
      return (await r.json()) as PlaygroundRuntimeConfig;
    };
    const rc = (await config()).config;

    const customActivityTemplate = async (conversationId: string, type?: CustomActivityType) => {
      const q = new URLSearchParams({ conversationId, ...(type ? { type } : {}) });
      const r = await fetch(`${url}/_internal/v1/customActivities/template?${q}`);
      if (!r.ok) throw new Error(`GET customActivities/template -> ${r.status}: ${await r.text()}`);
      return (await r.json()) as Record<string, any>;
    };
    const sendCustomActivity = async (activity: Record<string, any>) => {
      const r = await fetch(`${url}/_internal/v1/customActivities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      if (!r.ok) throw new Error(`POST customActivities -> ${r.status}: ${await r.text()}`);
    };

    return {
      url,
      port,
      connectorUrl: `${url}/_connector`,
      currentUser: rc.currentUser,
      users: [rc.currentUser, ...rc.users],
      personalChatId: rc.personalChat.id,
      cwd,
      logFile,
      configFile,
      config,
      customActivityTemplate,
      sendCustomActivity,
      log: () => finalLog ?? readLog(),
      close,
    };
  } catch (e) {
    const log = readLog();
    await close();
    throw new Error(
      `startPlayground failed: ${(e as Error).message}\ncommand: node ${args.join(' ')}\ncwd: ${cwd}\n${log}`,
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
