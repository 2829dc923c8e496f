import { describe, expect, it } from 'vitest';
import { runCardAction } from '../../src/bot/card-actions/table.js';
import type { Verb } from '../../src/cards/verbs.js';
import type { Actor } from '../../src/domain/model.js';
import { IntegrationError } from '../../src/lib/integration-error.js';
import { forwardTargetsFor } from '../../src/services/lead/forward-targets.js';
import { nudgeOwner, reassignLead } from '../../src/services/lead/reassign.js';
import { runSlaSweep } from '../../src/services/sla/sweep.js';
import { recordCardPost } from '../../src/store/card-posts-repo.js';
import { getLead, leadEvents } from '../../src/store/leads-repo.js';
import { cardText } from '../support/cards.js';
import {
  berlin,
  fakeHubSpot,
  installFor,
  makeLead,
  managerDeps,
  pendingJobs,
  recordingTeams,
  runDueJobs,
  storeLead,
  TestClock,
  twoTeams,
} from '../support/team-world.js';
import { useStore } from '../support/use-store.js';

const person = (email: string, name: string): Actor => ({ id: `aad-${email}`, name, email });
const ALEX = person('alexw@example.com', 'Alex Wilber');
const MEGAN = person('meganb@example.com', 'Megan Bowen');
const ADELE = person('adelev@example.com', 'Adele Vance');
const SVEN = person('sued.lead@example.com', 'Sven Süd');
const ADMIN = person('admin@example.com', 'Ada Admin');

describe('reassignment (service level: store and outbox)', () => {
  const ctx = useStore('sqlite', { clean: true });
  const roster = twoTeams();

  it('the owner forwards ("Weiterleiten"): owner, version, audit and every follow-up in one go', async () => {
    const clock = new TestClock(berlin('2025-03-10 10:00'));
    const teams = recordingTeams();
    const hubspot = fakeHubSpot();
    const deps = managerDeps({ store: ctx.store, clock, teams, hubspot, salesCloud: {} });
    const alexChat = await installFor(ctx.store, 'alexw@example.com');
    await installFor(ctx.store, 'meganb@example.com', 'en-US');
    const lead = await storeLead(
      ctx.store,
      makeLead({
        ownerEmail: 'alexw@example.com',
        mqlAt: berlin('2025-03-10 08:00'),
        remindedAt: berlin('2025-03-10 09:00'),
      }),
    );
    await recordCardPost(ctx.store.db, {
      leadId: lead.id,
      conversationId: alexChat.id,
      activityId: 'alex-card',
      kind: 'owner',
      postedAt: 0,
    });

    const out = await reassignLead(
      deps,
      { leadId: lead.id, version: 1, actor: ALEX, newOwnerEmail: 'MeganB@example.com' },
      roster,
    );
    expect(out.kind).toBe('done');
    const saved = (await getLead(ctx.store.db, lead.id))!;
    expect([saved.owner, saved.version, saved.state, saved.remindedAt]).toEqual([
      { id: '102', email: 'meganb@example.com', name: 'Megan Bowen' },
      2,
      'MQL',
      null,
    ]);
    const row = await ctx.store.db
      .selectFrom('leads')
      .select('sla_started_at')
      .where('id', '=', lead.id)
      .executeTakeFirstOrThrow();
    expect(row.sla_started_at).toBe(clock.now());
    const [, reassign] = await leadEvents(ctx.store.db, lead.id);
    expect(reassign).toMatchObject({
      action: 'reassign',
      actor: { name: 'Alex Wilber' },
      fromState: 'MQL',
      toState: 'MQL',
      detail: { fromName: 'Alex Wilber', toName: 'Megan Bowen', toEmail: 'meganb@example.com' },
    });
    expect((await pendingJobs(ctx.store)).map((j) => [j.kind, j.orderKey, j.payload])).toEqual([
      ['hubspot.owner', `hubspot:${lead.id}`, { leadId: lead.id, ownerId: '102' }],
      [
        'hubspot.note',
        `hubspot:${lead.id}`,
        {
          leadId: lead.id,
          text: 'LeadBridge: Lead weitergeleitet von Alex Wilber an Megan Bowen (durch Alex Wilber).',
          at: clock.now(),
        },
      ],
      ['teams.refresh', `teams:${lead.id}`, { leadId: lead.id }],
      ['teams.deliver', `teams:${lead.id}`, { leadId: lead.id }],
      ['c4c.owner', `c4c:${lead.id}`, { leadId: lead.id, ownerEmail: 'meganb@example.com' }],
    ]);

    // What the existing handlers make of it: HubSpot owner, Alex's card updated, Megan's own card.
    await runDueJobs({ ...deps, salesCloud: undefined });
    expect(hubspot.updates).toEqual([{ id: lead.contactId, props: { hubspot_owner_id: '102' } }]);
    const update = teams.sent.find((s) => s.kind === 'update')!;
    expect([update.to.email, update.id]).toEqual(['alexw@example.com', 'alex-card']);
    expect(cardText(update.activity.card)).toMatch(/Weitergeleitet → Megan Bowen – Alex Wilber/);
    const posted = teams.sent.find((s) => s.kind === 'send')!;
    expect(posted.to.email).toBe('meganb@example.com');
    expect(cardText(posted.activity.card)).toContain('waiting for acceptance');
  });

  it("the manager and an admin may reassign; another CSM or another team's manager may not", async () => {
    const clock = new TestClock(berlin('2025-03-10 10:00'));
    const deps = managerDeps({ store: ctx.store, clock });
    const lead = await storeLead(ctx.store, makeLead({ ownerEmail: 'alexw@example.com' }));
    expect(
      await reassignLead(
        deps,
        { leadId: lead.id, version: 1, actor: MEGAN, newOwnerEmail: 'meganb@example.com' },
        roster,
      ),
    ).toMatchObject({ kind: 'refused', why: 'not_allowed' });
    expect(
      await reassignLead(
        deps,
        { leadId: lead.id, version: 1, actor: SVEN, newOwnerEmail: 'meganb@example.com' },
        roster,
      ),
    ).toMatchObject({ kind: 'refused', why: 'not_allowed' });
    expect(
      await reassignLead(
        deps,
        { leadId: lead.id, version: 1, actor: ADELE, newOwnerEmail: 'meganb@example.com' },
        roster,
      ),
    ).toMatchObject({ kind: 'done', lead: { version: 2 } });
    expect(
      await reassignLead(
        deps,
        { leadId: lead.id, version: 2, actor: ADMIN, newOwnerEmail: 'alexw@example.com' },
        roster,
      ),
    ).toMatchObject({ kind: 'done', lead: { version: 3, owner: { email: 'alexw@example.com' } } });
    expect(
      await reassignLead(
        deps,
        { leadId: 'nope', version: 1, actor: ADMIN, newOwnerEmail: 'alexw@example.com' },
        roster,
      ),
    ).toEqual({ kind: 'not_found' });
  });

  it('refuses other teams, the same owner, stale cards, closed leads, unknown HubSpot owners and a HubSpot outage', async () => {
    const clock = new TestClock(berlin('2025-03-10 10:00'));
    const deps = managerDeps({ store: ctx.store, clock });
    const lead = await storeLead(ctx.store, makeLead({ ownerEmail: 'alexw@example.com' }));
    const r = (over: object, d = deps) =>
      reassignLead(
        d,
        { leadId: lead.id, version: 1, actor: ALEX, newOwnerEmail: 'meganb@example.com', ...over },
        roster,
      );
    expect(await r({ newOwnerEmail: 'zoeb@example.com' })).toMatchObject({ why: 'not_in_team' });
    expect(await r({ newOwnerEmail: 'alexw@example.com' })).toMatchObject({ why: 'same_owner' });
    expect(await r({ version: 7 })).toMatchObject({ why: 'stale' });
    expect(await r({}, managerDeps({ store: ctx.store, clock, hubspot: fakeHubSpot([]) }))).toMatchObject({
      why: 'unknown_owner',
    });
    const down = {
      ...fakeHubSpot(),
      findOwnerByEmail: async () => {
        throw new IntegrationError('hubspot', '503 Service Unavailable', { status: 503 });
      },
    };
    expect(await r({}, managerDeps({ store: ctx.store, clock, hubspot: down }))).toMatchObject({
      why: 'owner_lookup_failed',
    });
    const closed = await storeLead(ctx.store, makeLead({ ownerEmail: 'alexw@example.com', state: 'REJECTED' }));
    expect(
      await reassignLead(
        deps,
        { leadId: closed.id, version: 1, actor: ALEX, newOwnerEmail: 'meganb@example.com' },
        roster,
      ),
    ).toMatchObject({ why: 'closed' });
    expect((await getLead(ctx.store.db, lead.id))!.version).toBe(1);
    expect(await pendingJobs(ctx.store)).toEqual([]);
  });

  it('of two reassignments clicked at once exactly one wins', async () => {
    const deps = managerDeps({ store: ctx.store, clock: new TestClock(berlin('2025-03-10 10:00')) });
    const lead = await storeLead(ctx.store, makeLead({ ownerEmail: 'alexw@example.com' }));
    const outs = await Promise.all([
      reassignLead(deps, { leadId: lead.id, version: 1, actor: ALEX, newOwnerEmail: 'meganb@example.com' }, roster),
      reassignLead(deps, { leadId: lead.id, version: 1, actor: ADELE, newOwnerEmail: 'meganb@example.com' }, roster),
    ]);
    expect(outs.filter((o) => o.kind === 'done')).toHaveLength(1);
    expect((await leadEvents(ctx.store.db, lead.id)).filter((e) => e.action === 'reassign')).toHaveLength(1);
  });

  it('the new owner gets a fresh SLA: reminded 4 business hours after the reassignment', async () => {
    const clock = new TestClock(berlin('2025-03-10 08:00'));
    const deps = managerDeps({ store: ctx.store, clock });
    const lead = await storeLead(ctx.store, makeLead({ ownerEmail: 'alexw@example.com', mqlAt: clock.now() }));
    expect(await runSlaSweep(deps, roster, berlin('2025-03-10 12:00'))).toEqual({ reminded: 1, escalated: 0 });
    clock.set(berlin('2025-03-11 10:00'));
    await reassignLead(
      deps,
      { leadId: lead.id, version: 1, actor: ADELE, newOwnerEmail: 'meganb@example.com' },
      roster,
    );
    expect(await runSlaSweep(deps, roster, berlin('2025-03-11 13:59'))).toEqual({ reminded: 0, escalated: 0 });
    expect(await runSlaSweep(deps, roster, berlin('2025-03-11 14:00'))).toEqual({ reminded: 1, escalated: 0 });
    const reminders = (await pendingJobs(ctx.store)).filter((j) => j.kind === 'teams.remind');
    expect(reminders).toHaveLength(2);
  });

  it("offers the other CSMs of the owner's team, with names", () => {
    expect(forwardTargetsFor(roster, makeLead({ ownerEmail: 'alexw@example.com' }))).toEqual([
      { email: 'meganb@example.com', name: 'Megan Bowen' },
    ]);
  });
});

describe('"Erinnern" and the card verbs', () => {
  const ctx = useStore('sqlite');
  const roster = twoTeams();

  it('a manager nudges the owner once per click (repeated clicks while one waits are one reminder); others may not', async () => {
    const clock = new TestClock(berlin('2025-03-10 10:00'));
    const teams = recordingTeams();
    const deps = managerDeps({ store: ctx.store, clock, teams });
    await installFor(ctx.store, 'alexw@example.com');
    const lead = await storeLead(
      ctx.store,
      makeLead({
        ownerEmail: 'alexw@example.com',
        state: 'SAL',
        contact: { id: 'x', firstName: 'Jonas', lastName: 'Schmidt' },
      }),
    );
    expect(await nudgeOwner(deps, { leadId: lead.id, actor: ALEX }, roster)).toMatchObject({
      kind: 'refused',
      why: 'not_allowed',
    });
    expect(await nudgeOwner(deps, { leadId: lead.id, actor: SVEN }, roster)).toMatchObject({
      kind: 'refused',
      why: 'not_allowed',
    });
    expect(await nudgeOwner(deps, { leadId: lead.id, actor: ADELE }, roster)).toMatchObject({
      kind: 'done',
      role: 'manager',
    });
    expect(await nudgeOwner(deps, { leadId: lead.id, actor: ADELE }, roster)).toMatchObject({ kind: 'done' });
    expect((await pendingJobs(ctx.store)).map((j) => [j.kind, j.payload])).toEqual([
      ['teams.remind', { leadId: lead.id, nudgedBy: 'Adele Vance' }],
    ]);
    await runDueJobs(deps);
    expect(teams.sent.map((s) => [s.to.email, s.activity.text?.split('\n')[0]])).toEqual([
      ['alexw@example.com', `Adele Vance bittet dich, dir den Lead Jonas Schmidt (Firma ${lead.contactId}) anzusehen.`],
    ]);
  });

  it('lead.reassign from the escalation card answers with the escalation card and the outcome', async () => {
    const clock = new TestClock(berlin('2025-03-12 11:00'));
    const deps = managerDeps({ store: ctx.store, clock });
    const lead = await storeLead(
      ctx.store,
      makeLead({ ownerEmail: 'alexw@example.com', mqlAt: berlin('2025-03-07 17:00') }),
    );
    /** Adele clicks `verb` on a card with `raw` data (the bot's action table, without Teams). */
    const click = (verb: Verb, raw: unknown, locale: 'de' | 'en') =>
      runCardAction(deps, verb, { actor: async () => ADELE, locale }, raw);
    const card = await click(
      'lead.reassign',
      { leadId: lead.id, v: '1', src: 'escalation', newOwner: 'meganb@example.com' },
      'de',
    );
    expect(cardText(card)).toContain('Neu zugewiesen an Megan Bowen.');
    expect(cardText(card)).toContain('Megan Bowen hat diesen Lead weder angenommen noch abgelehnt.');
    const stale = await click(
      'lead.reassign',
      { leadId: lead.id, v: 1, src: 'escalation', newOwner: 'alexw@example.com' },
      'en',
    );
    expect(cardText(stale)).toContain('The card was out of date');
    expect(await click('lead.reassign', { leadId: lead.id, v: 2 }, 'de')).toMatch(
      /^Die Eingabe war ungültig: newOwner/,
    );
    expect(await click('lead.nudge', { leadId: 'not-a-uuid', v: 2 }, 'de')).toMatch(
      /^Die Eingabe war ungültig: leadId/,
    );
    const fromLeadCard = await click('lead.nudge', { leadId: lead.id, v: 2 }, 'de');
    expect(cardText(fromLeadCard)).toContain('Megan Bowen wird erinnert.');
  });
});
