import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLog } from '../../src/log.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: createLog('debug', stream), text: () => lines.join('') };
}

describe('logs never carry secrets', () => {
  it('redacts secret keys at any of the first levels of a log object', () => {
    const { log, text } = capture();
    log.info(
      {
        password: 's3cret-1',
        config: { hubspot: { accessToken: 's3cret-2', clientSecret: 's3cret-3' } },
        req: { headers: { authorization: 'Bearer s3cret-4', cookie: 'SAP=s3cret-5', 'x-csrf-token': 's3cret-6' } },
      },
      'x',
    );
    log.warn({ env: { BOT_PASSWORD: 's3cret-7', C4C_PASSWORD: 's3cret-8' } }, 'y');
    expect(text()).not.toMatch(/s3cret/);
    expect(text()).toContain('[redacted]');
  });
});

describe("logs never carry a prospect's e-mail, phone or notes", () => {
  it('redacts personal keys, masks addresses and numbers in error texts, and keeps owners and ids readable', () => {
    const { log, text } = capture();
    log.info(
      {
        contact: { email: 'max.muster@privat.de', phone: '+49 171 9876543' },
        job: { payload: { text: 'BANT: Budget – Max zahlt selbst', note: 'ruft abends an' } },
        firstname: 'Maximilian',
        owner: 'alexw@example.com',
        leadId: 'L-1',
        contactId: '123456789',
      },
      'x',
    );
    log.warn(
      {
        jobId: 7,
        reason: 'HubSpot 400 while writing contact 123456789: Email address max.muster@privat.de is invalid',
        err: 'IntegrationError: 36One: phone 0171 9876543 already used',
      },
      'outbox: effect failed; will retry',
    );
    const out = text();
    for (const v of ['max.muster@privat.de', '9876543', 'Max zahlt selbst', 'ruft abends an', 'Maximilian'])
      expect(out).not.toContain(v);
    expect(out).toContain('alexw@example.com');
    expect(out).toContain('"contactId":"123456789"');
    expect(out).toContain('while writing contact 123456789: Email address [email] is invalid');
    expect(out).toContain('phone [phone] already used');
  });
});

describe('configuration', () => {
  it('names every bad variable in one message, without echoing secrets', () => {
    try {
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        MQL_SCORE_THRESHOLD: '-1',
        HUBSPOT_CLIENT_SECRET: 'very-secret',
      });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/DATABASE_URL: must start with sqlite: or postgres:\/\//);
      expect(msg).toMatch(/MQL_SCORE_THRESHOLD/);
      expect(msg).not.toContain('very-secret');
    }
  });
  it('refuses to run in production without Bot Framework authentication', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/BOT_ID: required when NODE_ENV=production/);
    expect(() => loadConfig({ BOT_ID: 'x' })).toThrow(/BOT_PASSWORD/);
    expect(loadConfig({}).bot).toBeUndefined();
  });
});
