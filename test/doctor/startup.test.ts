/** The bot runs the go-live checks once at start, in the background: failures are warnings, the bot serves anyway. */
import { afterEach, describe, expect, it } from 'vitest';
import { startWorld, type World } from '../support/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function until<T>(what: string, get: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    const v = get();
    if (v !== undefined) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('go-live checks at start', () => {
  it('log each failure as a warning with what to do, then a summary; the bot is ready meanwhile', async () => {
    const lines: Array<Record<string, any>> = [];
    world = await startWorld({
      c4c: true,
      env: { LOG_LEVEL: 'info', HUBSPOT_SCORE_PROPERTY: 'hs_lead_score_7' },
      overrides: { goLiveChecks: true },
      logSink: { write: (l) => void lines.push(JSON.parse(l)) },
    });
    expect((await fetch(`${world.url}/readyz`)).status).toBe(200);
    const summary = await until('the summary', () => lines.find((l) => l.msg?.startsWith('go-live checks done')));
    const warnings = lines.filter((l) => l.level === 40 && l.msg?.startsWith('go-live check failed'));
    expect(warnings.map((w) => w.check).sort()).toEqual(['HubSpot score property', 'Teams bot credentials']);
    expect(warnings.find((w) => w.check === 'HubSpot score property')).toMatchObject({
      msg: 'go-live check failed: HubSpot score property: contact property "hs_lead_score_7" does not exist',
      fix: expect.stringContaining('HUBSPOT_SCORE_PROPERTY'),
    });
    // The database is the bot's own, already migrated; 36One's root answered with a CSRF token, in one request.
    expect(summary).toMatchObject({ failed: 2, notCheckable: 1 }); // the stand-in does not expose the opportunity text types
    expect(world.c4c!.requests.filter((q) => q.path === '').length).toBe(1);
  });

  it('are off when a test builds the app without them (the world default)', async () => {
    const lines: string[] = [];
    world = await startWorld({ env: { LOG_LEVEL: 'info' }, logSink: { write: (l) => void lines.push(l) } });
    await world.webhook([]); // a request round trip: background work started with the app has had its turn
    expect(world.hubspot.requests.filter((q) => q.path.startsWith('/crm/v3/properties'))).toEqual([]);
    expect(lines.some((l) => l.includes('go-live'))).toBe(false);
  });
});
