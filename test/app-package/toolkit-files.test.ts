// Offline checks of what the Microsoft 365 Agents Toolkit and Azure read from this repository: the project files'
// actions, the Bicep templates and their parameters, and the VS Code F5 set-up. No Bicep compiler or toolkit runs
// here, so the checks are structural: every name one file gives another must exist on the other side.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { findPlaceholders, parseEnvFile } from '../../scripts/package-app.js';
import { loadConfig } from '../../src/config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
type Json = Record<string, any>;

/** JSON with // and /* comments and trailing commas (VS Code's launch.json / tasks.json). */
function parseJsonc(text: string): Json {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = /"(?:[^"\\]|\\.)*"/y;
      end.lastIndex = i;
      const m = end.exec(text);
      if (!m) throw new Error(`unterminated string at ${i}`);
      out += m[0];
      i += m[0].length - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1')) as Json;
}

const TEST_GUID = '0f1e2d3c-4b5a-4697-8877-665544332211';

describe('parseJsonc', () => {
  it('keeps // inside strings and drops comments and trailing commas', () => {
    expect(parseJsonc('{ "url": "https://x/y", // c\n /* b */ "a": [1, 2,], }')).toEqual({
      url: 'https://x/y',
      a: [1, 2],
    });
    expect(() => parseJsonc('{ "a": 1 "b": 2 }')).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Toolkit actions. Source: the toolkit's project file schema v1.11,
// OfficeDev/microsoft-365-agents-toolkit packages/fx-core/resource/yaml-schema/v1.11/yaml.schema.json
// (`with` and `writeToEnvironmentFile` have additionalProperties: false there).

interface ActionSpec {
  required: string[];
  optional?: string[];
  writes?: { required: string[]; optional?: string[]; secret?: string[] };
}
const ACTIONS: Record<string, ActionSpec> = {
  'teamsApp/create': { required: ['name'], writes: { required: ['teamsAppId'] } },
  'aadApp/create': {
    required: ['name', 'generateClientSecret', 'signInAudience'],
    optional: [
      'generateServicePrincipal',
      'serviceManagementReference',
      'clientSecretExpireDays',
      'clientSecretDescription',
      'uniqueName',
    ],
    writes: {
      required: ['clientId', 'objectId', 'clientSecret'],
      optional: ['tenantId', 'authority', 'authorityHost'],
      secret: ['clientSecret'],
    },
  },
  'botAadApp/create': { required: ['name'], writes: { required: ['botId', 'botPassword'], secret: ['botPassword'] } },
  'botFramework/create': {
    required: ['botId', 'name', 'messagingEndpoint'],
    optional: ['description', 'iconUrl', 'channels'],
  },
  'arm/deploy': { required: ['subscriptionId', 'resourceGroupName', 'templates'], optional: ['bicepCliVersion'] },
  script: { required: ['run'], optional: ['workingDirectory', 'shell', 'timeout', 'redirectTo'] },
  'teamsApp/validateManifest': { required: ['manifestPath'] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'] },
  'teamsApp/update': { required: ['appPackagePath'] },
  'teamsApp/publishAppPackage': { required: ['appPackagePath'], writes: { required: ['publishedAppId'] } },
  'cli/runNpmCommand': { required: ['args'], optional: ['workingDirectory'] },
  'azureAppService/zipDeploy': {
    required: ['artifactFolder', 'resourceId'],
    optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
  },
  'file/createOrUpdateEnvironmentFile': { required: ['envs', 'target'] },
};
const STEP_KEYS = ['uses', 'name', 'env', 'with', 'writeToEnvironmentFile'];
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

const PROJECT_FILES = ['teamsapp.yml', 'teamsapp.local.yml'] as const;
const projectFile = (file: string) => parseYaml(read(file)) as Json;
const steps = (doc: Json): Json[] =>
  ['provision', 'deploy', 'publish'].flatMap((stage) => (doc[stage] ?? []) as Json[]);

/** Problems of one step against ACTIONS (empty = fine). */
function stepProblems(step: Json): string[] {
  const spec = ACTIONS[step.uses];
  if (!spec) return [`unknown action "${step.uses}"`];
  const problems = Object.keys(step)
    .filter((k) => !STEP_KEYS.includes(k))
    .map((k) => `${step.uses}: unknown key ${k}`);
  const given = Object.keys(step.with ?? {});
  problems.push(...spec.required.filter((k) => !given.includes(k)).map((k) => `${step.uses}: with.${k} missing`));
  problems.push(
    ...given
      .filter((k) => ![...spec.required, ...(spec.optional ?? [])].includes(k))
      .map((k) => `${step.uses}: with.${k} unknown`),
  );
  const writes = step.writeToEnvironmentFile as Record<string, string> | undefined;
  if (spec.writes) {
    const keys = Object.keys(writes ?? {});
    problems.push(
      ...spec.writes.required
        .filter((k) => !keys.includes(k))
        .map((k) => `${step.uses}: writeToEnvironmentFile.${k} missing`),
    );
    for (const [k, v] of Object.entries(writes ?? {})) {
      if (![...spec.writes.required, ...(spec.writes.optional ?? [])].includes(k))
        problems.push(`${step.uses}: writeToEnvironmentFile.${k} unknown`);
      if (!ENV_NAME.test(v)) problems.push(`${step.uses}: ${v} is not an env variable name`);
      if (spec.writes.secret?.includes(k) && !v.startsWith('SECRET_'))
        problems.push(`${step.uses}: ${k} must go to a SECRET_ variable`);
    }
  } else if (writes) problems.push(`${step.uses}: writes nothing`);
  return problems;
}

describe('toolkit project files: actions', () => {
  it.each(PROJECT_FILES)('%s uses only known actions, each with its required parameters', (file) => {
    const all = steps(projectFile(file));
    expect(all.length).toBeGreaterThan(5);
    expect(all.flatMap(stepProblems)).toEqual([]);
  });

  it('the check finds an unknown action, a missing or unknown parameter and a secret written in the clear', () => {
    expect(stepProblems({ uses: 'teamsApp/deploy', with: {} })).toEqual(['unknown action "teamsApp/deploy"']);
    expect(stepProblems({ uses: 'arm/deploy', with: { subscriptionId: 'x', templates: [], bicep: 'x' } })).toEqual([
      'arm/deploy: with.resourceGroupName missing',
      'arm/deploy: with.bicep unknown',
    ]);
    expect(
      stepProblems({
        uses: 'aadApp/create',
        with: { name: 'a', generateClientSecret: true, signInAudience: 'AzureADMyOrg' },
        writeToEnvironmentFile: { clientId: 'A', objectId: 'B', clientSecret: 'BOT_PASSWORD' },
      }),
    ).toEqual(['aadApp/create: clientSecret must go to a SECRET_ variable']);
  });

  it('every arm/deploy template and parameters file exists, and the deploy ignore file too', () => {
    const arm = steps(projectFile('teamsapp.yml')).filter((s) => s.uses === 'arm/deploy');
    expect(arm).toHaveLength(1);
    for (const t of arm[0].with.templates as Json[]) {
      expect(() => read(t.path)).not.toThrow();
      expect(() => read(t.parameters)).not.toThrow();
    }
    const zip = steps(projectFile('teamsapp.yml')).find((s) => s.uses === 'azureAppService/zipDeploy')!;
    expect(() => read(zip.with.ignoreFile)).not.toThrow();
  });

  it("the script step sets APP_VERSION to package.json's version (run here as the toolkit runs it)", () => {
    const version = (JSON.parse(read('package.json')) as { version: string }).version;
    for (const file of PROJECT_FILES) {
      for (const step of steps(projectFile(file)).filter((s) => s.uses === 'script')) {
        const out = execSync(step.with.run as string, { cwd: root, encoding: 'utf8' });
        expect(out.trim(), file).toBe(`::set-teamsfx-env APP_VERSION=${version}`);
      }
    }
  });

  it('every variable a step writes is used (by a later step, the ARM parameters, the manifest or the bot)', () => {
    const usedBy = [
      read('teamsapp.yml'),
      read('teamsapp.local.yml'),
      read('infra/azure.parameters.json'),
      read('appPackage/manifest.json'),
    ].flatMap((t) => findPlaceholders(t));
    // Kept for the person running the toolkit (object ids of the Entra app, the store listing id)
    const informational = ['BOT_AAD_APP_OBJECT_ID', 'BOT_OBJECT_ID', 'TEAMS_APP_PUBLISHED_APP_ID'];
    const written = PROJECT_FILES.flatMap((f) =>
      steps(projectFile(f)).flatMap((s) => Object.values((s.writeToEnvironmentFile ?? {}) as Record<string, string>)),
    );
    expect(written.filter((v) => !usedBy.includes(v) && !informational.includes(v))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Bicep, read structurally (declarations are one per line in these files).

interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
  secure: boolean;
  allowed?: string[];
}
function bicepParams(text: string): BicepParam[] {
  const lines = text.split('\n');
  const params: BicepParam[] = [];
  lines.forEach((line, i) => {
    const m = /^param (\w+) (\w+)( =.*)?$/.exec(line.trim());
    if (!m) return;
    let j = i - 1;
    const decorators: string[] = [];
    while (j >= 0 && (lines[j].startsWith('@') || /^\s+'|^\]\)/.test(lines[j]))) decorators.unshift(lines[j--]);
    const allowedBlock = decorators.join('\n').match(/@allowed\(\[([\s\S]*?)\]\)/);
    params.push({
      name: m[1],
      type: m[2],
      hasDefault: Boolean(m[3]),
      secure: decorators.some((d) => d.startsWith('@secure()')),
      allowed: allowedBlock ? [...allowedBlock[1].matchAll(/'([^']+)'/g)].map((a) => a[1]) : undefined,
    });
  });
  return params;
}
const bicepOutputs = (text: string) => [...text.matchAll(/^output (\w+) \w+ =/gm)].map((m) => m[1]);
/** Keys of the object literal after `<head> {`, one level deep. */
function objectKeys(text: string, head: string): string[] {
  const start = text.indexOf(head);
  if (start < 0) throw new Error(`${head} not found`);
  let depth = 0;
  const keys: string[] = [];
  for (const line of text.slice(text.indexOf('{', start)).split('\n')) {
    if (depth === 1) {
      const k = /^\s*(\w+):/.exec(line);
      if (k) keys.push(k[1]);
    }
    depth += (line.match(/{/g) ?? []).length - (line.match(/}/g) ?? []).length;
    if (depth <= 0) break;
  }
  return keys;
}

const main = read('infra/azure.bicep');
const bot = read('infra/botRegistration/azurebot.bicep');
const parameters = (JSON.parse(read('infra/azure.parameters.json')) as Json).parameters as Record<
  string,
  { value: string }
>;

describe('infra/azure.bicep and its parameters', () => {
  it('the structural reader sees what it must (so the checks below can fail)', () => {
    const sample =
      "@secure()\nparam a string\n\n@allowed([\n  'x'\n  'y'\n])\nparam b string = 'x'\noutput C string = a\n";
    expect(bicepParams(sample)).toEqual([
      { name: 'a', type: 'string', hasDefault: false, secure: true, allowed: undefined },
      { name: 'b', type: 'string', hasDefault: true, secure: false, allowed: ['x', 'y'] },
    ]);
    expect(bicepOutputs(sample)).toEqual(['C']);
    expect(objectKeys('m x = {\n  a: 1\n  b: {\n    c: 2\n  }\n}\nd: 3\n', 'm x =')).toEqual(['a', 'b']);
  });

  it('azure.parameters.json names only params of azure.bicep, and every param without default', () => {
    const params = bicepParams(main);
    expect(Object.keys(parameters).filter((p) => !params.some((q) => q.name === p))).toEqual([]);
    expect(params.filter((p) => !p.hasDefault && !(p.name in parameters)).map((p) => p.name)).toEqual([]);
  });

  it('secrets reach Azure only through @secure() params, from SECRET_ variables (env/.env.<env>.user)', () => {
    const params = bicepParams(main);
    for (const [name, { value }] of Object.entries(parameters)) {
      const secret = findPlaceholders(value).some((v) => v.startsWith('SECRET_'));
      expect(params.find((p) => p.name === name)!.secure, name).toBe(secret);
    }
    expect(
      params
        .filter((p) => p.secure)
        .map((p) => p.name)
        .sort(),
    ).toEqual([
      'botAadAppClientSecret',
      'c4cPassword',
      'databaseUrl',
      'hubspotAccessToken',
      'hubspotClientSecret',
      'metricsToken',
    ]);
  });

  it('every parameter placeholder is named in env/.env.dev, is a SECRET_ of the .user file, or is written before arm/deploy', () => {
    const dev = parseEnvFile(read('env/.env.dev'));
    const project = projectFile('teamsapp.yml');
    const armAt = project.provision.findIndex((s: Json) => s.uses === 'arm/deploy');
    const writtenBefore = (project.provision as Json[])
      .slice(0, armAt)
      .flatMap((s) => Object.values((s.writeToEnvironmentFile ?? {}) as Record<string, string>));
    const names = Object.values(parameters).flatMap((p) => findPlaceholders(p.value));
    expect(names.filter((n) => !(n in dev) && !n.startsWith('SECRET_') && !writtenBefore.includes(n))).toEqual([]);
  });

  it('outputs what the project file and the manifest read after provisioning', () => {
    const outputs = bicepOutputs(main);
    expect(outputs.sort()).toEqual([
      'AZURE_APP_SERVICE_RESOURCE_ID',
      'BOT_DOMAIN',
      'BOT_ENDPOINT',
      'BOT_ID',
      'BOT_TENANT_ID',
    ]);
    const project = projectFile('teamsapp.yml');
    const armAt = project.provision.findIndex((s: Json) => s.uses === 'arm/deploy');
    const after = [...(project.provision as Json[]).slice(armAt + 1), ...(project.deploy as Json[])];
    const usedAfter = new Set([
      ...after.flatMap((s) => findPlaceholders(JSON.stringify(s))),
      ...findPlaceholders(read('appPackage/manifest.json')),
    ]);
    for (const name of ['AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN', 'BOT_ID'])
      expect(usedAfter.has(name), name).toBe(true);
  });

  it("BOT_TYPE choices are the runtime's values, and each one loads with src/config.ts", () => {
    const botType = bicepParams(main).find((p) => p.name === 'botType')!;
    expect(botType.allowed).toEqual(['SingleTenant', 'UserAssignedMsi']);
    expect(botType.allowed).toContain(parseEnvFile(read('env/.env.dev')).BOT_TYPE);
    expect(parameters.botType.value).toBe('${{BOT_TYPE}}');
    for (const type of botType.allowed!) {
      const secret = type === 'SingleTenant' ? { BOT_PASSWORD: 'pw' } : {}; // a managed identity has no password
      const config = loadConfig({ BOT_ID: TEST_GUID, ...secret, BOT_TENANT_ID: TEST_GUID, BOT_TYPE: type });
      expect(config.bot?.type).toBe(type);
    }
  });

  it('App Service: Linux plan, Node 20 LTS (package.json engines), started with npm start, built on the host', () => {
    expect(main).toMatch(
      /resource serverfarm 'Microsoft\.Web\/serverfarms@[\d-]+' = \{[\s\S]*?kind: 'linux'[\s\S]*?reserved: true/,
    );
    expect(main).toMatch(/kind: 'app,linux'/);
    expect(main).toContain("linuxFxVersion: 'NODE|20-lts'");
    const pkg = JSON.parse(read('package.json')) as Json;
    expect(pkg.engines.node).toMatch(/^>=20\./);
    expect(main).toContain("appCommandLine: 'npm start'");
    expect(pkg.scripts.start).toBeTruthy();
    expect(main).toContain("SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'");
  });

  it('every app setting is a variable src/config.ts reads (or an App Service build switch)', () => {
    const contract = read('src/config.ts');
    const settings = [
      ...objectKeys(main, 'properties: union({'),
      ...[...main.matchAll(/isMsi \? \{\} : \{\s*(\w+):/g)].map((m) => m[1]),
    ];
    expect(settings).toEqual(
      expect.arrayContaining([
        'BOT_ID',
        'BOT_TENANT_ID',
        'BOT_TYPE',
        'BOT_PASSWORD',
        'DATABASE_URL',
        'NODE_ENV',
        'PUBLIC_BASE_URL',
      ]),
    );
    expect(
      settings.filter((s) => s !== 'SCM_DO_BUILD_DURING_DEPLOYMENT' && !new RegExp(`\\b${s}:`).test(contract)),
    ).toEqual([]);
  });

  it('the bot registration module gets exactly its params and registers SingleTenant or UserAssignedMSI with Teams', () => {
    const given = objectKeys(main.slice(main.indexOf('module azureBotRegistration')), 'params: {');
    const declared = bicepParams(bot);
    expect(given.filter((g) => !declared.some((d) => d.name === g))).toEqual([]);
    expect(declared.filter((d) => !d.hasDefault && !given.includes(d.name)).map((d) => d.name)).toEqual([]);
    expect(main).toContain("module azureBotRegistration './botRegistration/azurebot.bicep'");
    // Azure Bot msaAppType values (Microsoft.BotService/botServices reference): MultiTenant is no longer accepted for new bots
    expect(bot).toContain("msaAppType: isMsi ? 'UserAssignedMSI' : 'SingleTenant'");
    expect(bot).not.toContain('MultiTenant');
    expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(bot).toContain("endpoint: 'https://${botAppDomain}/api/messages'");
  });
});

describe('.webappignore', () => {
  const ignored = read('.webappignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('ships no local node_modules, env files or secrets, but everything `npm start` needs', () => {
    for (const p of ['node_modules/', 'env/', '.localConfigs', 'data/', 'test/']) expect(ignored).toContain(p);
    const needed = ['package.json', 'package-lock.json', '.npmrc', 'src/', 'scripts/', 'config/', 'tsconfig.json'];
    expect(needed.filter((n) => ignored.some((i) => i === n || (i.endsWith('/') && n.startsWith(i))))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('.vscode (F5 with the Agents Toolkit)', () => {
  const launch = parseJsonc(read('.vscode/launch.json'));
  const tasks = parseJsonc(read('.vscode/tasks.json'));
  const labels = (tasks.tasks as Json[]).map((t) => t.label as string);
  const configNames = (launch.configurations as Json[]).map((c) => c.name as string);
  const scripts = (JSON.parse(read('package.json')) as Json).scripts as Record<string, string>;
  const byLabel = (label: string) => (tasks.tasks as Json[]).find((t) => t.label === label)!;

  it('every task and configuration a compound or task refers to exists', () => {
    expect(new Set(labels).size).toBe(labels.length);
    const refs = [
      ...(launch.compounds as Json[]).map((c) => c.preLaunchTask),
      ...(launch.configurations as Json[]).map((c) => c.preLaunchTask).filter(Boolean),
      ...(tasks.tasks as Json[]).flatMap((t) => t.dependsOn ?? []),
    ];
    expect(refs.filter((r) => !labels.includes(r))).toEqual([]);
    expect(
      (launch.compounds as Json[]).flatMap((c) => c.configurations).filter((n: string) => !configNames.includes(n)),
    ).toEqual([]);
  });

  it('every npm script F5 runs exists in package.json, the local one with env/.env.local and .localConfigs', () => {
    const fromTasks = (tasks.tasks as Json[])
      .map((t) => /^npm run ([\w:-]+)/.exec(t.command ?? '')?.[1])
      .filter(Boolean);
    const fromLaunch = (launch.configurations as Json[])
      .filter((c) => c.runtimeExecutable === 'npm')
      .map((c) => c.runtimeArgs[1]);
    expect(fromTasks.length + fromLaunch.length).toBeGreaterThan(2);
    expect([...fromTasks, ...fromLaunch].filter((s) => !(s! in scripts))).toEqual([]);
    expect(scripts['start:local']).toContain('--env-file=env/.env.local --env-file=.localConfigs');
    expect(byLabel('Start application').command).toBe('npm run start:local');
  });

  it("Debug in Teams: prerequisites, dev tunnel writing BOT_ENDPOINT/BOT_DOMAIN on the bot's port, provision and deploy of env local", () => {
    expect(byLabel('Prepare Teams app (local)').dependsOn).toEqual([
      'Validate prerequisites',
      'Start local tunnel',
      'Provision',
      'Deploy',
    ]);
    const tunnel = byLabel('Start local tunnel');
    expect(tunnel).toMatchObject({ type: 'teamsfx', command: 'debug-start-local-tunnel', isBackground: true });
    const [port] = tunnel.args.ports as Json[];
    expect(port.writeToEnvironmentFile).toEqual({ endpoint: 'BOT_ENDPOINT', domain: 'BOT_DOMAIN' });
    expect(String(port.portNumber)).toBe(parseEnvFile(read('env/.env.local')).PORT);
    expect(tunnel.args.env).toBe('local');
    for (const label of ['Provision', 'Deploy'])
      expect(byLabel(label)).toMatchObject({ type: 'teamsfx', args: { env: 'local' } });
    // BOT_ENDPOINT / BOT_DOMAIN are what teamsapp.local.yml and the manifest read
    expect(read('teamsapp.local.yml')).toContain('${{BOT_ENDPOINT}}/api/messages');
    expect(read('appPackage/manifest.json')).toContain('${{BOT_DOMAIN}}');
    for (const name of ['Debug in Teams (Edge)', 'Debug in Teams (Chrome)']) {
      const compound = (launch.compounds as Json[]).find((c) => c.name === name)!;
      expect(compound.preLaunchTask).toBe('Prepare Teams app (local)');
      expect(compound.configurations).toContain('Start LeadBridge (local)');
    }
  });

  it('the start task waits for the line the bot logs when it listens', () => {
    const ends = new RegExp(byLabel('Start application').problemMatcher.background.endsPattern);
    const listening = /'([^']*is listening[^']*)'/.exec(read('src/index.ts'))![1]!; // the message the bot logs
    expect(ends.test(listening)).toBe(true);
    expect(ends.test('Invalid configuration:')).toBe(true);
  });
});
