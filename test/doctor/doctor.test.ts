/** `leadbridge doctor` against the stand-ins over HTTP, a real SQLite file and real PostgreSQL. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadC4cMapping } from '../../src/c4c/mapping.js';
import { type CliIo, main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/db.js';
import { migrationState } from '../../src/store/migrations/index.js';
import { type C4cStandin, startC4cStandin } from '../standins/c4c.js';
import { DEFAULT_CODE_LISTS } from '../standins/c4c-model.js';

/** The 36One user status the mapping writes for a lead state. */
const userStatus = (file: string, state: string) =>
  (loadC4cMapping(file).leadStatus as Record<string, string | undefined>)[state]!;

import { type HubSpotStandin, startHubSpotStandin } from '../standins/hubspot.js';
import { sampleData } from '../standins/hubspot-sample.js';

const bin = fileURLToPath(new URL('../../bin/leadbridge.js', import.meta.url));
const TOKEN = 'doctor-token';
const dir = mkdtempSync(join(tmpdir(), 'lb-doctor-'));
const DB = `sqlite:${join(dir, 'leadbridge.db')}`;
const ROSTER = join(dir, 'roster.yaml');
const MAPPING = fileURLToPath(new URL('../../config/c4c-mapping.yaml', import.meta.url));

let hubspot: HubSpotStandin;
let c4c: C4cStandin;

beforeAll(async () => {
  c4c = await startC4cStandin({ username: 'lb', password: 'c4c-secret' });
  await (await openStore(DB)).close(); // migrated, as after the bot's first start
  writeFileSync(
    ROSTER,
    'admins: [admin@example.com]\nteams:\n  - name: CSM Nord\n    manager: adelev@example.com\n    hubspotTeamIds: ["1"]\n    members: [alexw@example.com, meganb@example.com]\n',
  );
});
beforeEach(async () => {
  hubspot = await startHubSpotStandin({ accessToken: TOKEN });
  hubspot.seed(sampleData);
});
afterEach(() => hubspot.close());
afterAll(async () => {
  await c4c.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The 36One properties whose code lists the doctor compares with the mapping, in its order. */
const CODE_LISTS = [
  'LeadCollection.OriginTypeCode',
  'LeadCollection.UserStatusCode',
  'LeadCollection.QualificationLevelCode',
  'LeadCollection.ResultReasonCode',
  'OpportunityCollection.OriginTypeCode',
  'OpportunityCollection.SalesCyclePhaseCode',
  'OpportunityCollection.OpportunityTextCollection.TypeCode',
];

/** A configuration that works against the stand-ins. */
function workingEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: DB,
    ROSTER_FILE: ROSTER,
    HUBSPOT_ACCESS_TOKEN: TOKEN,
    HUBSPOT_CLIENT_SECRET: 'app-secret',
    HUBSPOT_BASE_URL: hubspot.url,
    C4C_BASE_URL: c4c.serviceRoot,
    C4C_USERNAME: 'lb',
    C4C_PASSWORD: 'c4c-secret',
    C4C_MAPPING_FILE: MAPPING,
    BOT_ID: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    BOT_PASSWORD: 'bot-secret',
    BOT_TYPE: 'SingleTenant',
    BOT_TENANT_ID: '6b5e8a4c-1d2f-4e3a-9b7c-0a1b2c3d4e5f',
    METRICS_TOKEN: 'metrics-token-0123456789',
  };
}

/** Runs `leadbridge doctor` in this process, with `env` as the whole environment. */
async function doctor(env: Record<string, string>, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const { CommandRegistry } = await import('../../src/cli/registry.js');
  const { doctorCommand } = await import('../../src/cli/commands/doctor.js');
  const code = await main(['doctor', ...args], io, new CommandRegistry().register(doctorCommand(() => env)));
  return { code, out, err, line: (name: string) => out.find((l) => l.slice(2).startsWith(`${name}:`)) };
}

/** Runs the real CLI (bin/leadbridge.js) as its own process. */
function doctorProcess(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, 'doctor', ...args],
      { env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('leadbridge doctor', () => {
  it('passes on a working configuration (the real CLI as a process): every check ✓, exit 0', async () => {
    const r = await doctorProcess(workingEnv());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const checks = lines.filter((l) => /^[✓✗–] /.test(l));
    expect(checks.map((l) => l.slice(2).split(':')[0])).toEqual([
      'Configuration',
      'Database',
      'Roster file',
      'HubSpot webhook secret',
      'HubSpot token',
      'HubSpot score property',
      'HubSpot lifecycle stages',
      'HubSpot lead status values',
      'Roster members are HubSpot owners',
      '36One mapping file',
      '36One service root',
      '36One CSRF token',
      '36One $metadata',
      ...CODE_LISTS.map((p) => `36One codes ${p}`),
      'Teams bot credentials',
    ]);
    // The stand-in, like many tenants, does not expose the opportunity text types: that list cannot be checked.
    const unexposed = '36One codes OpportunityCollection.OpportunityTextCollection.TypeCode';
    expect(checks.filter((l) => !l.startsWith('✓ ')).map((l) => l.slice(2).split(':')[0])).toEqual([unexposed]);
    expect(lines.at(-1)).toBe('20 passed, 0 failed, 1 not checkable: ready for go-live.');
    // It only read: HubSpot saw GETs with the token, 36One was asked for a CSRF token.
    expect(hubspot.requests.every((q) => q.method === 'GET' && q.headers.authorization === `Bearer ${TOKEN}`)).toBe(
      true,
    );
    expect(hubspot.requests.map((q) => q.path)).toContain('/crm/v3/properties/contacts/hubspotscore');
    expect(c4c.requests.some((q) => q.path === '' && q.headers['x-csrf-token'] === 'fetch')).toBe(true);
  });

  it('--json gives the same checks as data', async () => {
    const r = await doctor(workingEnv(), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out.join('\n'));
    expect(report.ok).toBe(true);
    expect(report.checks).toHaveLength(21);
    expect(report.checks[5]).toEqual({
      status: 'ok',
      name: 'HubSpot score property',
      detail: '"hubspotscore" (HubSpot Score) is a number property',
    });
  });

  it('a score property the portal does not have is a failure naming it and the variable', async () => {
    const r = await doctor({ ...workingEnv(), HUBSPOT_SCORE_PROPERTY: 'hs_lead_score_7' });
    expect(r.code).toBe(1);
    expect(r.line('HubSpot score property')).toBe(
      '✗ HubSpot score property: contact property "hs_lead_score_7" does not exist',
    );
    const fix = r.out[r.out.indexOf(r.line('HubSpot score property')!) + 1];
    expect(fix).toMatch(/^ {4}→ set HUBSPOT_SCORE_PROPERTY to the internal name/);
    expect(r.out.at(-1)).toBe('19 passed, 1 failed, 1 not checkable: not ready for go-live.');
  });

  it('a score property that is not a number fails', async () => {
    const r = await doctor({ ...workingEnv(), HUBSPOT_SCORE_PROPERTY: 'jobtitle' });
    expect(r.code).toBe(1);
    expect(r.line('HubSpot score property')).toMatch(
      /^✗ HubSpot score property: "jobtitle" is of type string, not a number/,
    );
  });

  it('a lifecycle stage the portal does not have fails, naming the stage, its variable and the options there are', async () => {
    const def = hubspot.store.contactDefs.get('lifecyclestage')!;
    def.options = def.options!.filter((o) => o.value !== 'opportunity');
    const r = await doctor(workingEnv());
    expect(r.code).toBe(1);
    expect(r.line('HubSpot lifecycle stages')).toBe(
      '✗ HubSpot lifecycle stages: lifecyclestage has no option "opportunity" (HUBSPOT_OPPORTUNITY_STAGE); ' +
        'its options: subscriber, lead, marketingqualifiedlead, salesqualifiedlead, customer, evangelist, other',
    );
  });

  it('lead status values that are not options fail, each named', async () => {
    const r = await doctor({
      ...workingEnv(),
      HUBSPOT_STATUS_ACCEPTED: 'WORKING',
      HUBSPOT_STATUS_REJECTED: 'DISQUALIFIED',
    });
    expect(r.line('HubSpot lead status values')).toMatch(
      /^✗ HubSpot lead status values: hs_lead_status has no option "WORKING" \(HUBSPOT_STATUS_ACCEPTED\) and "DISQUALIFIED" \(HUBSPOT_STATUS_REJECTED\);/,
    );
  });

  it('a roster member who is not a HubSpot owner is named; so is a HubSpot team without owners', async () => {
    const roster = join(dir, 'roster-stranger.yaml');
    writeFileSync(
      roster,
      `teams:\n  - name: CSM Nord\n    manager: adelev@example.com\n    members: [alexw@example.com, paul.neu@example.com]\n  - name: CSM Süd\n    manager: adelev@example.com\n    hubspotTeamIds: ["77"]\n`,
    );
    const r = await doctor({ ...workingEnv(), ROSTER_FILE: roster });
    expect(r.code).toBe(1);
    expect(r.line('Roster members are HubSpot owners')).toBe(
      '✗ Roster members are HubSpot owners: not HubSpot owners: paul.neu@example.com; no owner in HubSpot team 77 (CSM Süd)',
    );
  });

  it('a rejected HubSpot token fails once; the checks that need it are not checkable', async () => {
    const r = await doctor({ ...workingEnv(), HUBSPOT_ACCESS_TOKEN: 'expired' });
    expect(r.code).toBe(1);
    expect(r.line('HubSpot token')).toBe('✗ HubSpot token: token rejected (401)');
    expect(r.line('HubSpot score property')).toBe('– HubSpot score property: not checked: HubSpot token failed');
    expect(r.line('Roster members are HubSpot owners')).toMatch(/^– /);
  });

  it('an unreachable HubSpot fails the token check with the reason', async () => {
    const r = await doctor({ ...workingEnv(), HUBSPOT_BASE_URL: `http://127.0.0.1:${await closedPort()}` });
    expect(r.line('HubSpot token')).toBe('✗ HubSpot token: unreachable: ECONNREFUSED');
    expect(r.out[r.out.indexOf(r.line('HubSpot token')!) + 1]).toBe(
      '    → check HUBSPOT_BASE_URL and the outbound network (proxy, firewall)',
    );
  });

  it('a wrong 36One password fails as such, and the CSRF check is not run', async () => {
    const r = await doctor({ ...workingEnv(), C4C_PASSWORD: 'wrong' });
    expect(r.code).toBe(1);
    expect(r.line('36One service root')).toBe(
      `✗ 36One service root: user or password rejected (401) at ${c4c.serviceRoot}`,
    );
    expect(r.out[r.out.indexOf(r.line('36One service root')!) + 1]).toContain('check C4C_USERNAME and C4C_PASSWORD');
    expect(r.line('36One CSRF token')).toBe('– 36One CSRF token: not checked: 36One service root failed');
  });

  describe('36One $metadata and code lists', () => {
    let tenant: C4cStandin;
    afterEach(async () => {
      await tenant?.close();
    });
    const against = (t: C4cStandin, more: Record<string, string> = {}) =>
      doctor({ ...workingEnv(), C4C_BASE_URL: t.serviceRoot, ...more });

    it('a mapping field the tenant does not have is a failure naming it', async () => {
      tenant = await startC4cStandin({ username: 'lb', password: 'c4c-secret' });
      const mapping = join(dir, 'mapping-kut.yaml');
      writeFileSync(mapping, readFileSync(MAPPING, 'utf8').replace(/field: ExternalID/, 'field: HubSpotID_KUT'));
      const r = await against(tenant, { C4C_MAPPING_FILE: mapping });
      expect(r.code).toBe(1);
      expect(r.line('36One $metadata')).toBe(
        '✗ 36One $metadata: missing in the tenant: CorporateAccountCollection.HubSpotID_KUT',
      );
      expect(r.out[r.out.indexOf(r.line('36One $metadata')!) + 1]).toContain('C4C_MAPPING_FILE');
    });

    it('a property LeadBridge writes that the tenant lacks fails; the code lists are still compared', async () => {
      tenant = await startC4cStandin({
        username: 'lb',
        password: 'c4c-secret',
        removeProperties: ['LeadCollection.QualificationLevelCode'],
      });
      const r = await against(tenant);
      expect(r.line('36One $metadata')).toBe(
        '✗ 36One $metadata: missing in the tenant: LeadCollection.QualificationLevelCode',
      );
      expect(r.line('36One codes LeadCollection.UserStatusCode')).toMatch(/^✓ /);
    });

    it('a code list the tenant does not expose is not checkable, not a failure', async () => {
      tenant = await startC4cStandin({
        username: 'lb',
        password: 'c4c-secret',
        omitSets: ['LeadUserStatusCodeCollection'],
      });
      const r = await against(tenant);
      expect(r.line('36One codes LeadCollection.UserStatusCode')).toMatch(
        /^– 36One codes LeadCollection.UserStatusCode: the tenant does not expose LeadUserStatusCodeCollection/,
      );
      expect(r.code).toBe(0);
    });

    it('a $metadata answer that is no service description fails naming it, with what C4C_BASE_URL must be', async () => {
      tenant = await startC4cStandin({ username: 'lb', password: 'c4c-secret' });
      tenant.fault({ path: '$metadata', status: 200, body: '<html><body>Login</body></html>', times: 20 });
      const r = await against(tenant);
      expect(r.code).toBe(1);
      expect(r.line('36One $metadata')).toMatch(/^✗ 36One \$metadata: .*(EDMX|metadata)/i);
      expect(r.out[r.out.indexOf(r.line('36One $metadata')!) + 1]).toContain(
        'C4C_BASE_URL must be the OData service root',
      );
    });

    it('a code list that fails to read is named by its own set, not as $metadata', async () => {
      tenant = await startC4cStandin({ username: 'lb', password: 'c4c-secret' });
      tenant.fault({ method: 'GET', path: 'LeadUserStatusCodeCollection', status: 403 });
      const r = await against(tenant);
      expect(r.line('36One $metadata')).toMatch(/^✓ /);
      expect(r.line('36One codes LeadCollection.UserStatusCode')).toBe(
        '✗ 36One codes LeadCollection.UserStatusCode: access denied (403) at LeadUserStatusCodeCollection',
      );
    });

    it.each([
      [403, 'access denied (403) at', 'give the communication user access to the c4codataapi service'],
      [404, 'no OData service at', 'C4C_BASE_URL must be the OData service root'],
    ])(
      'a service root answering %i fails naming it, with the fix; the root is asked once',
      async (status, what, fix) => {
        tenant = await startC4cStandin({ username: 'lb', password: 'c4c-secret' });
        tenant.fault({ path: '', status, times: 5 });
        const r = await against(tenant);
        expect(r.code).toBe(1);
        expect(r.line('36One service root')).toContain(`✗ 36One service root: ${what}`);
        expect(r.out[r.out.indexOf(r.line('36One service root')!) + 1]).toContain(fix);
        expect(r.line('36One CSRF token')).toBe('– 36One CSRF token: not checked: 36One service root failed');
        expect(tenant.requests.filter((q) => q.path === '')).toHaveLength(1);
      },
    );

    it('a service root that sends no CSRF token fails the CSRF check', async () => {
      tenant = await startC4cStandin({ username: 'lb', password: 'c4c-secret' });
      tenant.fault({ path: '', status: 200, body: { d: { EntitySets: [] } }, times: 5 });
      const r = await against(tenant);
      expect(r.line('36One service root')).toMatch(/^✓ /);
      expect(r.line('36One CSRF token')).toMatch(/^✗ 36One CSRF token: the service root sent no x-csrf-token header/);
    });

    it('a mapping code missing from an exposed code list fails, naming the code and the mapping key', async () => {
      const statuses = DEFAULT_CODE_LISTS.LeadUserStatusCodeCollection!.filter(
        (c) => c.Code !== userStatus(MAPPING, 'declined'),
      );
      tenant = await startC4cStandin({
        username: 'lb',
        password: 'c4c-secret',
        codeLists: { LeadUserStatusCodeCollection: statuses },
      });
      const r = await against(tenant);
      expect(r.code).toBe(1);
      expect(r.line('36One codes LeadCollection.UserStatusCode')).toBe(
        `✗ 36One codes LeadCollection.UserStatusCode: leadStatus: ${userStatus(MAPPING, 'declined')} not in LeadUserStatusCodeCollection`,
      );
    });
  });

  it('an unreachable 36One (nothing listens) fails with the reason', async () => {
    const port = await closedPort();
    const r = await doctor({ ...workingEnv(), C4C_BASE_URL: `http://127.0.0.1:${port}/sap/c4c/odata/v1/c4codataapi/` });
    expect(r.code).toBe(1);
    expect(r.line('36One service root')).toBe('✗ 36One service root: unreachable: ECONNREFUSED');
  });

  it('a 36One that does not answer in time fails after the timeout, and the other checks still report', async () => {
    c4c.fault({ path: '', delayMs: 3_000 });
    const r = await doctor(workingEnv(), '--timeout', '1');
    expect(r.code).toBe(1);
    expect(r.line('36One service root')).toMatch(/^✗ 36One service root: unreachable: no answer within 900 ms/);
    expect(r.line('HubSpot token')).toMatch(/^✓ /);
    c4c.clearFaults();
  });

  it('without C4C_BASE_URL 36One is one "not checkable" line, not a failure', async () => {
    const { C4C_BASE_URL: _unset, ...env } = workingEnv();
    const r = await doctor(env);
    expect(r.code).toBe(0);
    expect(r.out.filter((l) => l.includes('36One'))).toEqual([
      '– 36One: not configured (C4C_BASE_URL unset): leads stay in HubSpot and Teams',
    ]);
  });

  it('Teams: a missing BOT_ID or tenant id fails; the check makes no network call', async () => {
    const { BOT_ID: _id, BOT_PASSWORD: _pw, BOT_TENANT_ID: _t, ...noBot } = workingEnv();
    const r = await doctor({ ...noBot, NODE_ENV: 'development' });
    expect(r.line('Teams bot credentials')).toBe(
      '✗ Teams bot credentials: BOT_ID is not set: Bot Framework authentication is off (only for local tests)',
    );
    const m = await doctor({ ...workingEnv(), BOT_TYPE: 'MultiTenant', BOT_ID: 'leadbridge' });
    expect(m.line('Teams bot credentials')).toBe('✗ Teams bot credentials: BOT_ID is not an app id (a GUID)');
  });

  describe('database', () => {
    it('a SQLite file that does not exist is not created', async () => {
      const missing = join(dir, 'nothing-here', 'lb.db');
      const r = await doctor({ ...workingEnv(), DATABASE_URL: `sqlite:${missing}` });
      expect(r.line('Database')).toBe(`✗ Database: SQLite ${missing} does not exist yet`);
      expect(await import('node:fs').then((fs) => fs.existsSync(missing))).toBe(false);
    });

    it('pending migrations fail and are not run', async () => {
      const file = join(dir, 'old.db');
      const old = await openStore(`sqlite:${file}`, { migrate: false });
      const all = (await migrationState(old.db, old.engine)).pending; // every migration this version knows
      await old.close();
      const r = await doctor({ ...workingEnv(), DATABASE_URL: `sqlite:${file}` });
      expect(r.line('Database')).toBe(
        `✗ Database: SQLite ${file} reachable; ${all.length} migration(s) pending: ${all.join(', ')}`,
      );
      const again = await doctor({ ...workingEnv(), DATABASE_URL: `sqlite:${file}` });
      expect(again.line('Database')).toContain(`${all.length} migration(s) pending`);
    });

    it('an unreachable PostgreSQL fails with the reason, without the password', async () => {
      const port = await closedPort();
      const r = await doctor({ ...workingEnv(), DATABASE_URL: `postgres://lb:sekret@localhost:${port}/leadbridge` });
      expect(r.line('Database')).toMatch(
        new RegExp(`^✗ Database: PostgreSQL localhost:${port} unreachable: .*ECONNREFUSED`),
      );
      expect(r.out.join('\n')).not.toContain('sekret');
    });
  });

  it('an invalid configuration is one failed line naming the variable, exit 1, no stack trace (the real CLI)', async () => {
    const r = await doctorProcess({ ...workingEnv(), BOT_PASSWORD: '', RETENTION_DAYS: '1' });
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      '✗ Configuration: RETENTION_DAYS: must be at least 2 (webhook deduplication needs the last days)',
      '    → set the named environment variables (README: Configuration), then run the doctor again',
      '',
      '0 passed, 1 failed, 0 not checkable: not ready for go-live.',
    ]);
    expect(r.stderr).toBe('');
  });

  it('an unknown option or argument is a usage error: exit 2, nothing checked', async () => {
    for (const args of [['--verbose'], ['now'], ['--timeout'], ['--timeout', 'soon'], ['--env-file']]) {
      const r = await doctor(workingEnv(), ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err[0]).toMatch(/^leadbridge doctor: /);
      expect(r.out).toEqual([]);
    }
    expect(hubspot.requests).toEqual([]);
  });

  it('--env-file fills in what the environment does not set', async () => {
    const file = join(dir, 'doctor.env');
    const { HUBSPOT_SCORE_PROPERTY: _s, ...env } = { ...workingEnv(), HUBSPOT_SCORE_PROPERTY: '' };
    writeFileSync(file, `HUBSPOT_SCORE_PROPERTY=hs_lead_score_7\nHUBSPOT_ACCESS_TOKEN=from-file\n`);
    const r = await doctor(env, '--env-file', file);
    expect(r.line('HubSpot score property')).toContain('"hs_lead_score_7" does not exist');
    expect(r.line('HubSpot token')).toMatch(/^✓ /); // the environment's token wins
    const missing = await doctor(env, '--env-file', join(dir, 'nope.env'));
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toBe(`leadbridge doctor: cannot read ${join(dir, 'nope.env')}: ENOENT`);
  });
});
