import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { findPlaceholders, parseEnvFile } from '../../scripts/package-app.js';
import { loadConfig } from '../../src/config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
type Json = Record<string, any>;

/** The bot's environment contract (every sample in env/ names all of these). */
const CONTRACT = [
  'PORT',
  'DATABASE_URL',
  'PUBLIC_BASE_URL',
  'HUBSPOT_ACCESS_TOKEN',
  'HUBSPOT_CLIENT_SECRET',
  'HUBSPOT_BASE_URL',
  'HUBSPOT_SCORE_PROPERTY',
  'MQL_SCORE_THRESHOLD',
  'BOT_ID',
  'BOT_PASSWORD',
  'BOT_TENANT_ID',
  'BOT_TYPE',
  'DEFAULT_LOCALE',
  'C4C_BASE_URL',
  'C4C_USERNAME',
  'C4C_PASSWORD',
  'C4C_MAPPING_FILE',
  'LEAD_INBOX_CHANNEL_ID',
  'LEAD_INBOX_LOCALE',
  'ROSTER_FILE',
  'DIGEST_CRON',
  'DIGEST_TIMEZONE',
  'SLA_REMIND_AFTER',
  'SLA_ESCALATE_AFTER',
  'BUSINESS_HOURS',
  'TEAMS_MAX_SENDS_PER_SECOND',
  'ADMIN_EMAILS',
  'LOG_LEVEL',
];
const SECRETS = ['HUBSPOT_ACCESS_TOKEN', 'HUBSPOT_CLIENT_SECRET', 'BOT_PASSWORD', 'C4C_PASSWORD'];
const ENVS = ['dev', 'local', 'playground'] as const;
const envSample = (name: string) => parseEnvFile(read(`env/.env.${name}`));

/** A value standing for what provisioning writes: tenant and app ids are GUIDs. */
const placeholder = (k: string) => (/TENANT_ID|BOT_ID/.test(k) ? '72f988bf-86f1-41af-91ab-2d7cd011db47' : `x-${k}`);

describe('env samples', () => {
  it.each(ENVS)('env/.env.%s names the whole environment contract', (name) => {
    const env = envSample(name);
    expect(CONTRACT.filter((k) => !(k in env))).toEqual([]);
  });

  it.each(ENVS)('env/.env.%s has the documented defaults', (name) => {
    const env = envSample(name);
    expect(env).toMatchObject({
      PORT: '3978',
      HUBSPOT_SCORE_PROPERTY: 'hubspotscore',
      MQL_SCORE_THRESHOLD: '75',
      DEFAULT_LOCALE: 'de',
      C4C_MAPPING_FILE: 'config/c4c-mapping.yaml',
      ROSTER_FILE: 'config/roster.yaml',
      DIGEST_TIMEZONE: 'Europe/Berlin',
      SLA_REMIND_AFTER: '4h',
      SLA_ESCALATE_AFTER: '24h',
      BUSINESS_HOURS: 'Mon-Fri 08:00-18:00',
      TEAMS_MAX_SENDS_PER_SECOND: '40',
    });
    expect(['MultiTenant', 'SingleTenant', 'UserAssignedMsi']).toContain(env.BOT_TYPE);
    expect(env.DATABASE_URL).toMatch(/^(sqlite:|postgres:\/\/)/);
    expect(env.DIGEST_CRON.split(' ')).toHaveLength(5);
  });

  it.each(ENVS)('env/.env.%s holds no real-looking secret', (name) => {
    const env = envSample(name);
    for (const key of SECRETS) {
      expect(env[key], key).toMatch(/^(|REPLACE_ME\w*|playground[\w-]*)$/);
    }
    expect(env.DATABASE_URL).not.toMatch(/:\/\/[^:]+:(?!REPLACE_ME@)[^@]+@/);
  });

  it('the playground env runs without Bot Framework auth against the local stand-ins', () => {
    const env = envSample('playground');
    expect(env.BOT_ID).toBe('');
    expect(env.BOT_PASSWORD).toBe('');
    expect(env.HUBSPOT_BASE_URL).toBe('http://127.0.0.1:3980');
    expect(env.C4C_BASE_URL).toBe('http://127.0.0.1:3981/sap/c4c/odata/v1/c4codataapi/');
    expect(env.PUBLIC_BASE_URL).toBe('http://127.0.0.1:3978');
    expect(env.HUBSPOT_CLIENT_SECRET).not.toBe('');
  });

  it('the env samples load with src/config.ts (dev once provisioning has filled BOT_ID / BOT_PASSWORD)', () => {
    const playground = loadConfig(envSample('playground'));
    expect(playground.bot).toBeUndefined();
    expect(playground.c4c?.baseUrl).toBe('http://127.0.0.1:3981/sap/c4c/odata/v1/c4codataapi/');
    expect(playground.leadInboxChannelId).toBe('19:playground-lead-eingang@thread.tacv2');

    expect(loadConfig(envSample('local')).bot).toBeUndefined();

    expect(() => loadConfig(envSample('dev'))).toThrow(/BOT_ID/); // production refuses to run without auth
    const filled = { ...envSample('dev'), BOT_ID: '0f1e2d3c-4b5a-4697-8877-665544332211', BOT_PASSWORD: 'x' };
    expect(() => loadConfig({ ...filled, BOT_TENANT_ID: '' })).toThrow(
      /BOT_TENANT_ID: required when BOT_TYPE=SingleTenant/,
    );
    const dev = loadConfig({ ...filled, BOT_TENANT_ID: 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f' });
    expect(dev.bot?.type).toBe('SingleTenant');
    expect(dev.databaseUrl).toMatch(/^postgres:\/\//);
  });

  it('the manifest placeholders are named in the dev and local env files (APP_VERSION comes from package.json)', () => {
    const placeholders = findPlaceholders(read('appPackage/manifest.json')).filter((p) => p !== 'APP_VERSION');
    for (const name of ['dev', 'local']) {
      expect(
        placeholders.filter((p) => !(p in envSample(name))),
        name,
      ).toEqual([]);
    }
  });
});

describe('teamsapp.yml / teamsapp.local.yml', () => {
  const project = parseYaml(read('teamsapp.yml')) as Json;
  const local = parseYaml(read('teamsapp.local.yml')) as Json;
  const uses = (steps: Json[]) => steps.map((s) => s.uses);

  const PACKAGE_STEPS = [
    'script',
    'teamsApp/validateManifest',
    'teamsApp/zipAppPackage',
    'teamsApp/validateAppPackage',
    'teamsApp/update',
  ];

  it.each([
    ['teamsapp.yml', project],
    ['teamsapp.local.yml', local],
  ])('%s: schema v1.11, a single-tenant Entra app, package', (file, doc) => {
    expect(doc.version).toBe('v1.11');
    expect(read(file)).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.11\/yaml\.schema\.json/,
    );
    // aadApp/create with a service principal is how the toolkit creates single-tenant bot apps (v1.11 schema:
    // "generateServicePrincipal … should be set to true for AAD apps created for single-tenant bot registration").
    const app = doc.provision.find((s: Json) => s.uses === 'aadApp/create');
    expect(app.with).toMatchObject({
      generateClientSecret: true,
      generateServicePrincipal: true,
      signInAudience: 'AzureADMyOrg',
    });
    expect(app.writeToEnvironmentFile.clientSecret).toBe('SECRET_BOT_PASSWORD');
    const zip = doc.provision.find((s: Json) => s.uses === 'teamsApp/zipAppPackage');
    expect(zip.with.manifestPath).toBe('./appPackage/manifest.json');
    expect(zip.with.outputZipPath).toBe('./appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip');
    expect(uses(doc.provision).slice(-PACKAGE_STEPS.length)).toEqual(PACKAGE_STEPS);
  });

  it('teamsapp.yml provisions the Azure resources of infra/ with the Entra app, then deploys the build to App Service', () => {
    expect(uses(project.provision)).toEqual(['teamsApp/create', 'aadApp/create', 'arm/deploy', ...PACKAGE_STEPS]);
    expect(project.provision[1].writeToEnvironmentFile).toEqual({
      clientId: 'BOT_AAD_APP_CLIENT_ID',
      clientSecret: 'SECRET_BOT_PASSWORD',
      objectId: 'BOT_AAD_APP_OBJECT_ID',
      tenantId: 'BOT_AAD_APP_TENANT_ID',
    });
    const arm = project.provision[2].with;
    expect(arm.templates).toEqual([
      {
        path: './infra/azure.bicep',
        parameters: './infra/azure.parameters.json',
        deploymentName: 'Create-resources-for-leadbridge',
      },
    ]);
    expect(uses(project.deploy)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(project.deploy[1].with.args).toBe('run build --if-present');
    expect(project.deploy[2].with).toEqual({
      artifactFolder: '.',
      ignoreFile: '.webappignore',
      resourceId: '${{AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
  });

  it('teamsapp.local.yml registers the bot at the dev tunnel and writes a single-tenant identity to .localConfigs', () => {
    expect(uses(local.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'botFramework/create',
      ...PACKAGE_STEPS,
    ]);
    expect(local.provision[1].writeToEnvironmentFile).toEqual({
      clientId: 'BOT_ID',
      clientSecret: 'SECRET_BOT_PASSWORD',
      objectId: 'BOT_OBJECT_ID',
    });
    const registration = local.provision.find((s: Json) => s.uses === 'botFramework/create');
    expect(registration.with.botId).toBe('${{BOT_ID}}');
    expect(registration.with.messagingEndpoint).toBe('${{BOT_ENDPOINT}}/api/messages');
    expect(registration.with.channels).toEqual([{ name: 'msteams' }]);
    const step = local.deploy.find((s: Json) => s.uses === 'file/createOrUpdateEnvironmentFile');
    expect(step.with.target).toBe('./.localConfigs');
    expect(step.with.envs).toEqual({
      BOT_ID: '${{BOT_ID}}',
      BOT_PASSWORD: '${{SECRET_BOT_PASSWORD}}',
      BOT_TENANT_ID: '${{TEAMS_APP_TENANT_ID}}',
      BOT_TYPE: 'SingleTenant',
      PUBLIC_BASE_URL: '${{BOT_ENDPOINT}}',
    });
    // What .localConfigs holds is a valid bot identity for src/config.ts
    const envs = Object.fromEntries(
      Object.entries(step.with.envs as Record<string, string>).map(([k, v]) => [
        k,
        v.startsWith('${{') ? placeholder(k) : v,
      ]),
    );
    const config = loadConfig({
      ...envSample('local'),
      ...envs,
      PUBLIC_BASE_URL: 'https://abc-3978.euw.devtunnels.ms',
    });
    expect(config.bot).toMatchObject({ type: 'SingleTenant', tenantId: placeholder('BOT_TENANT_ID') });
  });

  it.each([
    ['teamsapp.yml', 'dev'],
    ['teamsapp.local.yml', 'local'],
  ])('%s only uses variables that env/.env.%s names or the toolkit generates', (file, env) => {
    // Built in or written by a step before their use (APP_VERSION: the script step, from package.json)
    const generated = ['TEAMSFX_ENV', 'TEAMS_APP_TENANT_ID', 'SECRET_BOT_PASSWORD', 'APP_VERSION'];
    const names = envSample(env);
    expect(findPlaceholders(read(file)).filter((v) => !(v in names) && !generated.includes(v))).toEqual([]);
  });
});

describe('.m365agentsplayground.yml', () => {
  const config = parseYaml(read('.m365agentsplayground.yml')) as Json;
  const everyone = [config.currentUser, ...config.users] as Json[];

  it('has the users, the team and the Lead-Eingang channel LeadBridge is tried with', () => {
    expect(config.version).toBe('0.1.1');
    expect(config.currentUser).toMatchObject({
      name: 'Alex Wilber',
      email: 'alexw@example.com',
      userPrincipleName: 'alexw@example.com',
    });
    expect(config.users).toHaveLength(5); // the playground schema wants exactly five
    expect(config.users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Megan Bowen', email: 'meganb@example.com' }),
        expect.objectContaining({ name: 'Adele Vance', email: 'adelev@example.com' }),
      ]),
    );
    expect(config.bot.name).toBe('LeadBridge');
    expect(config.team.channels).toEqual([{ id: envSample('playground').LEAD_INBOX_CHANNEL_ID, name: 'Lead-Eingang' }]);
    const ids = [
      ...everyone.map((u) => u.id),
      config.personalChat.id,
      config.groupChat.id,
      config.team.id,
      config.team.channels[0].id,
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const u of everyone) expect(u.email).toBe(u.userPrincipleName);
  });

  describe('loaded by the real playground', () => {
    let child: ChildProcess | undefined;
    let cwd: string | undefined;
    let endpoint: Server | undefined;
    afterEach(async () => {
      if (child && child.exitCode === null && child.signalCode === null) {
        const proc = child;
        const gone = new Promise((done) => proc.once('exit', done));
        proc.kill('SIGTERM');
        await gone;
      }
      child = undefined;
      if (cwd) rmSync(cwd, { recursive: true, force: true });
      cwd = undefined;
      await new Promise((done) => (endpoint ? endpoint.close(done) : done(undefined)));
      endpoint = undefined;
    });

    /**
     * Starts the playground CLI with `configPath` against a stub bot endpoint (the playground
     * waits up to ~15 s for an unreachable endpoint before it serves anything).
     */
    async function startPlayground(configPath: string): Promise<{ port: number; exit: Promise<number | null> }> {
      const stub = createServer((_req, res) => res.writeHead(200).end());
      endpoint = stub;
      await new Promise<void>((done) => stub.listen(0, '127.0.0.1', done));
      const stubPort = (stub.address() as { port: number }).port;
      const port = await new Promise<number>((done) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const p = (probe.address() as { port: number }).port;
          probe.close(() => done(p));
        });
      });
      cwd = mkdtempSync(join(tmpdir(), 'leadbridge-playground-')); // its devTools/ log goes here
      const cli = join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js');
      const args = [
        'start',
        '-e',
        `http://127.0.0.1:${stubPort}/api/messages`,
        '-c',
        'msteams',
        '-p',
        String(port),
        '--dt',
      ];
      child = spawn(process.execPath, [cli, ...args], {
        cwd,
        env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const proc = child;
      const exit = new Promise<number | null>((done) => proc.once('exit', (code) => done(code)));
      await new Promise<void>((done, fail) => {
        let out = '';
        proc.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('Listening on')) done();
        });
        proc.once('exit', (code) => fail(new Error(`playground exited (${code}) before listening: ${out}`)));
      });
      return { port, exit };
    }

    it('serves our tenant, users, team and channels from it', async () => {
      const { port } = await startPlayground(join(root, '.m365agentsplayground.yml'));
      let body: Json | undefined;
      for (let i = 0; i < 150 && !body; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/_internal/v1/config`).catch(() => undefined);
        if (res?.ok) body = (await res.json()) as Json;
        else await new Promise((r) => setTimeout(r, 100));
      }
      expect(body, 'GET /_internal/v1/config').toBeDefined();
      const served = body!.config as Json;
      expect(served.tenantId).toBe(config.tenantId);
      expect(served.currentUser.email).toBe('alexw@example.com');
      expect(served.users.map((u: Json) => u.email)).toEqual(config.users.map((u: Json) => u.email));
      expect(served.teams[0].channels.map((c: Json) => c.name)).toEqual(['General', 'Lead-Eingang']);

      // TeamsInfo.getMember() path of the emulated connector: email and UPN of a team member
      const conv = encodeURIComponent(config.team.channels[0].id);
      const adele = config.users.find((u: Json) => u.name === 'Adele Vance');
      const res = await fetch(
        `http://127.0.0.1:${port}/_connector/v3/conversations/${conv}/members/${encodeURIComponent(adele.id)}`,
      );
      expect(await res.json()).toMatchObject({
        id: adele.id,
        email: 'adelev@example.com',
        userPrincipalName: 'adelev@example.com',
      });
    });

    it('refuses a config that breaks its schema (so the check above means something)', async () => {
      const broken = { ...config, users: config.users.slice(0, 4) };
      const dir = mkdtempSync(join(tmpdir(), 'leadbridge-badcfg-'));
      const path = join(dir, '.m365agentsplayground.yml');
      writeFileSync(path, JSON.stringify(broken)); // JSON is YAML
      try {
        const { exit } = await startPlayground(path);
        expect(await exit).toBe(1);
        const log = readFileSync(join(cwd!, 'devTools', 'm365agentsplayground.log'), 'utf8');
        expect(log).toContain('must NOT have fewer than 5 items');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
