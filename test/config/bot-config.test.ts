/**
 * Sign-in as new Azure Bot registrations need it: SingleTenant by default; SingleTenant and UserAssignedMsi refuse to
 * start without BOT_TENANT_ID, with a message that names it (config loader and the bundled process, as `npm start`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/adapter.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startBotProcess } from '../support/bot-process.js';

const APP_ID = '0f1e2d3c-4b5a-4697-8877-665544332211';
const TENANT = 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f';
const problem = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('BOT_TYPE and BOT_TENANT_ID (config loader)', () => {
  it('defaults to SingleTenant and then needs the tenant id', () => {
    expect(problem({ BOT_ID: APP_ID, BOT_PASSWORD: 'secret' })).toMatch(
      /BOT_TENANT_ID: required when BOT_TYPE=SingleTenant/,
    );
    const config = loadConfig({ BOT_ID: APP_ID, BOT_PASSWORD: 'secret', BOT_TENANT_ID: TENANT });
    expect(config.bot).toEqual({ appId: APP_ID, password: 'secret', tenantId: TENANT, type: 'SingleTenant' });
    expect(config.tenantId).toBe(TENANT);
  });

  it('UserAssignedMsi (also spelt UserAssignedMSI, as Azure does) needs the tenant id and no password', () => {
    for (const type of ['UserAssignedMsi', 'UserAssignedMSI']) {
      expect(problem({ BOT_ID: APP_ID, BOT_TYPE: type })).toMatch(
        /BOT_TENANT_ID: required when BOT_TYPE=UserAssignedMsi/,
      );
      expect(loadConfig({ BOT_ID: APP_ID, BOT_TYPE: type, BOT_TENANT_ID: TENANT }).bot?.type).toBe('UserAssignedMsi');
    }
    expect(problem({ BOT_ID: APP_ID, BOT_TYPE: 'UserAssignedMsi', BOT_TENANT_ID: TENANT, BOT_PASSWORD: 'x' })).toMatch(
      /BOT_PASSWORD: must be empty when BOT_TYPE=UserAssignedMsi/,
    );
  });

  it('MultiTenant still works without a tenant id; every problem is named at once; unknown types are refused', () => {
    expect(loadConfig({ BOT_ID: APP_ID, BOT_PASSWORD: 'secret', BOT_TYPE: 'MultiTenant' }).bot?.type).toBe(
      'MultiTenant',
    );
    const both = problem({ BOT_ID: APP_ID, BOT_TYPE: 'SingleTenant' });
    expect(both).toMatch(/BOT_TENANT_ID: required/);
    expect(both).toMatch(/BOT_PASSWORD: required/);
    expect(problem({ BOT_ID: APP_ID, BOT_PASSWORD: 'x', BOT_TYPE: 'Tenantless' })).toMatch(/BOT_TYPE: .*SingleTenant/);
    expect(problem({ BOT_ID: APP_ID, BOT_PASSWORD: 'x', BOT_TENANT_ID: 'contoso.onmicrosoft.com' })).toMatch(
      /BOT_TENANT_ID: must be the tenant id \(a GUID\)/,
    );
  });

  it('without BOT_ID authentication is off and no tenant id is needed, but a given one is kept for the tenant boundary', () => {
    expect(loadConfig({}).bot).toBeUndefined();
    expect(loadConfig({}).tenantId).toBeUndefined();
    expect(loadConfig({ BOT_TENANT_ID: TENANT.toUpperCase() }).tenantId).toBe(TENANT);
  });

  it('botbuilder accepts every configuration the loader accepts', () => {
    for (const env of [
      { BOT_ID: APP_ID, BOT_PASSWORD: 'secret', BOT_TENANT_ID: TENANT },
      { BOT_ID: APP_ID, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT },
      { BOT_ID: APP_ID, BOT_PASSWORD: 'secret', BOT_TYPE: 'MultiTenant', BOT_TENANT_ID: TENANT },
    ])
      expect(() => createAdapter(loadConfig(env).bot)).not.toThrow();
  });
});

describe('starting LeadBridge (bundled, as npm start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadbridge-bot-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = (extra: Record<string, string>) => ({
    DATABASE_URL: `sqlite:${join(dir, 'lb.db')}`,
    BOT_PASSWORD: '',
    BOT_TENANT_ID: '',
    BOT_TYPE: '',
    ...extra,
  });

  it.each([
    ['SingleTenant (default)', { BOT_ID: APP_ID, BOT_PASSWORD: 'secret' }, 'SingleTenant'],
    ['UserAssignedMsi', { BOT_ID: APP_ID, BOT_TYPE: 'UserAssignedMsi' }, 'UserAssignedMsi'],
  ])(
    '%s without BOT_TENANT_ID: exits 1 with a message naming BOT_TENANT_ID, no stack trace',
    async (_name, extra, type) => {
      const failure = await startBotProcess(env(extra)).then(
        async (bot) => {
          await bot.kill();
          return null;
        },
        (err: Error) => err.message,
      );
      expect(failure).toMatch(/^bot exited \(1\)/);
      expect(failure).toContain(`BOT_TENANT_ID: required when BOT_TYPE=${type}`);
      expect(failure).not.toMatch(/^\s+at /m);
    },
  );

  it('UserAssignedMsi with BOT_TENANT_ID starts and listens', async () => {
    const bot = await startBotProcess(env({ BOT_ID: APP_ID, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT }));
    try {
      expect(bot.logs.join('\n')).toContain(`"auth":"on (UserAssignedMsi)","tenant":"${TENANT}"`);
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      await bot.kill('SIGTERM');
    }
  });
});
