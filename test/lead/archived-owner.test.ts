/**
 * A new MQL whose Contact Owner is archived in HubSpot (left the company): the card says the owner is no longer
 * active and goes to the owner's manager (config/roster.yaml: CSM Nord, Adele Vance manages Alex and Megan), else to
 * the lead inbox — never to the former owner, even when they once installed the bot. The lead keeps HubSpot's owner.
 * Real HTTP against the HubSpot stand-in (GET /crm/v3/owners?archived=true) and the Teams stand-in, both store engines.
 */
import { describe, expect, it } from 'vitest';
import { deliverCard, rememberConversation } from '../../src/services/lead/delivery.js';
import { runSlaSweep } from '../../src/services/sla/sweep.js';
import { enqueue } from '../../src/store/jobs-repo.js';
import { getLead } from '../../src/store/leads-repo.js';
import { sampleOwners } from '../standins/hubspot-sample.js';
import { action, cardActions, cardText } from '../support/cards.js';
import { ENGINES } from '../support/databases.js';
import {
  berlin,
  fakeHubSpot,
  installFor,
  makeLead,
  managerDeps,
  OWNERS,
  recordingTeams,
  runDueJobs,
  storeLead,
  TestClock,
  twoTeams,
} from '../support/team-world.js';
import { useStore } from '../support/use-store.js';
import { scoreEvent, teamsUser, USERS, useWorld, type World } from '../support/world.js';

const TEAM = {
  id: '19:leadinbox@thread.tacv2',
  name: 'Vertrieb',
  aadGroupId: 'group-1',
  channelId: '19:leadinbox@thread.tacv2',
  channelName: 'Lead-Eingang',
};
/** A former CSM in no roster team, archived in HubSpot, who had installed the bot. */
const KIM = teamsUser(5, 'Kim Akers', 'kima@example.com', 'de-DE');

const leadOf = async (w: World, contactId: string) => {
  const row = await w.lb.store.db
    .selectFrom('leads')
    .select('id')
    .where('contact_id', '=', contactId)
    .executeTakeFirstOrThrow();
  return (await getLead(w.lb.store.db, row.id))!;
};
const cardsWith = (w: World, conversationId: string, name: string) =>
  w.connector.cards(conversationId).filter((c) => cardText(c.card).includes(name));
const chatOf = (w: World, user: { id: string }) => w.connector.personalConversationId(user.id);

describe.each(ENGINES)('an MQL whose Contact Owner is archived (%s)', (engine) => {
  const w = useWorld({ engine, env: { LEAD_INBOX_LOCALE: 'en' } }, async (world) => {
    // Alex Wilber left: HubSpot lists him only among the archived owners.
    world.hubspot.addOwner({ ...sampleOwners[0]!, archived: true });
    world.hubspot.addOwner({ id: '104', email: KIM.email, firstName: 'Kim', lastName: 'Akers', archived: true });
    world.hubspot.addContact({
      id: '1104',
      companyId: '201',
      properties: { firstname: 'Paula', lastname: 'Krüger', hubspotscore: 88, hubspot_owner_id: '104' },
    });
    await world.teams.botAddedToTeam(USERS.admin, TEAM);
    for (const u of [USERS.alex, USERS.adele, USERS.megan, KIM]) await world.teams.conversationUpdateMembersAdded(u);
  });

  it("goes to the owner's manager, says the owner is no longer active, and the manager forwards it", async () => {
    await w.webhook([scoreEvent('1001')]);
    await w.settle();
    const [managerCard, ...more] = cardsWith(w, chatOf(w, USERS.adele), 'Jonas');
    expect(more).toHaveLength(0);
    const text = cardText(managerCard!.card);
    expect(text).toContain('Contact Owner Alex Wilber ist nicht mehr aktiv (in HubSpot deaktiviert).');
    expect(text).toContain('Bitte über „Weiterleiten“ einem aktiven CSM zuweisen.');
    expect(text).not.toContain('Lead-Eingang');
    // Not the former owner, although he installed the bot; not the inbox either.
    expect(cardsWith(w, chatOf(w, USERS.alex), 'Jonas')).toHaveLength(0);
    expect(cardsWith(w, TEAM.id, 'Jonas')).toHaveLength(0);
    // HubSpot's owner is kept, marked inactive.
    const lead = await leadOf(w, '1001');
    expect(lead.owner).toEqual({ id: '101', email: 'alexw@example.com', name: 'Alex Wilber', active: false });

    expect(action(managerCard!.card, 'Weiterleiten').type).toBe('Action.ShowCard');
    const confirm = cardActions(managerCard!.card).find((a) => a.verb === 'lead.reassign')!;
    await w.teams.cardAction(
      USERS.adele,
      { verb: confirm.verb!, data: { ...confirm.data, newOwner: 'meganb@example.com' } },
      { replyToId: managerCard!.activityId },
    );
    await w.settle();
    const forwarded = await leadOf(w, '1001');
    expect(forwarded.owner).toEqual({ id: '102', email: 'meganb@example.com', name: 'Megan Bowen' });
    const megans = cardsWith(w, chatOf(w, USERS.megan), 'Jonas');
    expect(megans).toHaveLength(1);
    expect(cardText(megans[0]!.card)).not.toContain('no longer active');
    expect(w.hubspot.contact('1001')!.properties.hubspot_owner_id).toBe('102');
  });

  it('goes to the lead inbox, in its language, when the archived owner has no manager in the roster', async () => {
    await w.webhook([scoreEvent('1104')]);
    await w.settle();
    const inbox = cardsWith(w, TEAM.id, 'Paula');
    expect(inbox).toHaveLength(1);
    const text = cardText(inbox[0]!.card);
    expect(text).toContain('Contact owner Kim Akers is no longer active (deactivated in HubSpot).');
    expect(text).not.toContain('For Kim Akers');
    expect(cardsWith(w, chatOf(w, KIM), 'Paula')).toHaveLength(0);
    expect((await leadOf(w, '1104')).owner).toMatchObject({ id: '104', active: false });
  });

  it('an active owner is unchanged: the card goes to them and says nothing about activity', async () => {
    await w.webhook([scoreEvent('1002', '80')]);
    await w.settle();
    const own = cardsWith(w, chatOf(w, USERS.megan), 'Laura');
    expect(own).toHaveLength(1);
    expect(cardText(own[0]!.card)).not.toMatch(/no longer active|nicht mehr aktiv/);
    expect(cardsWith(w, chatOf(w, USERS.adele), 'Laura')).toHaveLength(0);
    expect((await leadOf(w, '1002')).owner).toEqual({ id: '102', email: 'meganb@example.com', name: 'Megan Bowen' });
  });
});

describe.each(ENGINES)('reminders and late installs for a lead of a former owner (%s, service level)', (engine) => {
  const ctx = useStore(engine, { clean: true });
  const formerAlex = (mqlAt: number) =>
    makeLead({
      ownerEmail: 'alexw@example.com',
      mqlAt,
      owner: { id: '101', email: 'alexw@example.com', name: 'Alex Wilber', active: false },
    });

  it('the SLA reminder goes to the manager, not to the archived owner; an active owner is reminded as before', async () => {
    const clock = new TestClock(berlin('2025-03-10 08:00'));
    const teams = recordingTeams();
    const deps = managerDeps({ store: ctx.store, clock, teams });
    for (const email of ['alexw@example.com', 'adelev@example.com']) await installFor(ctx.store, email);
    const former = await storeLead(ctx.store, formerAlex(clock.now()));
    const active = await storeLead(ctx.store, makeLead({ ownerEmail: 'alexw@example.com', mqlAt: clock.now() }));
    expect((await getLead(ctx.store.db, former.id))!.owner.active).toBe(false);
    clock.set(berlin('2025-03-10 12:00'));
    expect(await runSlaSweep(deps, twoTeams(), clock.now())).toEqual({ reminded: 2, escalated: 0 });
    await runDueJobs(deps);
    const reminders = teams.sent.filter((s) => s.kind === 'send' && s.activity.text?.startsWith('Erinnerung'));
    const about = (lead: { contactId: string }) =>
      reminders.filter((s) => s.activity.text!.includes(`Kontakt ${lead.contactId}`)).map((s) => s.to.email);
    expect(about(former)).toEqual(['adelev@example.com']);
    expect(about(active)).toEqual(['alexw@example.com']);
    const toManager = reminders.find((s) => s.to.email === 'adelev@example.com')!.activity.text!;
    expect(toManager).toContain('Contact Owner Alex Wilber ist nicht mehr aktiv');
    expect(toManager).not.toContain('meine Leads');
  });

  it('an owner archived after the lead was made: the reminder goes to the manager and the lead is marked', async () => {
    const clock = new TestClock(berlin('2025-03-10 08:00'));
    const teams = recordingTeams();
    // HubSpot's owner list now shows Alex archived; the lead was made while he was active.
    const owners = OWNERS.map((o) => (o.email === 'alexw@example.com' ? { ...o, archived: true } : o));
    const deps = managerDeps({ store: ctx.store, clock, teams, hubspot: fakeHubSpot(owners) });
    for (const email of ['alexw@example.com', 'adelev@example.com']) await installFor(ctx.store, email);
    const lead = await storeLead(ctx.store, makeLead({ ownerEmail: 'alexw@example.com', mqlAt: clock.now() }));
    expect((await getLead(ctx.store.db, lead.id))!.owner.active).toBeUndefined();
    clock.set(berlin('2025-03-10 12:00'));
    expect(await runSlaSweep(deps, twoTeams(), clock.now())).toEqual({ reminded: 1, escalated: 0 });
    await runDueJobs(deps);
    expect(teams.sent.map((s) => s.to.email)).toEqual(['adelev@example.com']);
    expect(teams.sent[0]!.activity.text).toContain('Contact Owner Alex Wilber ist nicht mehr aktiv');
    expect((await getLead(ctx.store.db, lead.id))!.owner).toMatchObject({ email: 'alexw@example.com', active: false });
    // Two business days later the manager's escalation says why nobody answered.
    clock.set(berlin('2025-03-12 12:00'));
    expect(await runSlaSweep(deps, twoTeams(), clock.now())).toEqual({ reminded: 0, escalated: 1 });
    await runDueJobs(deps);
    const escalation = teams.sent.at(-1)!;
    expect(escalation.to.email).toBe('adelev@example.com');
    expect(cardText(escalation.activity.card)).toContain('Contact Owner Alex Wilber ist nicht mehr aktiv');
    expect(cardText(escalation.activity.card)).not.toContain('weder angenommen noch abgelehnt');
  });

  it('with no manager in chat the reminder is not sent to the former owner either', async () => {
    const clock = new TestClock(berlin('2025-03-10 08:00'));
    const teams = recordingTeams();
    const deps = managerDeps({ store: ctx.store, clock, teams });
    await installFor(ctx.store, 'alexw@example.com');
    await storeLead(ctx.store, formerAlex(clock.now()));
    clock.set(berlin('2025-03-10 12:00'));
    expect(await runSlaSweep(deps, twoTeams(), clock.now())).toEqual({ reminded: 1, escalated: 0 });
    await runDueJobs(deps);
    expect(teams.sent).toEqual([]);
  });

  it('a card that found nobody reaches the manager once they install; the former owner installing gets nothing', async () => {
    const clock = new TestClock(berlin('2025-03-10 08:00'));
    const teams = recordingTeams();
    const deps = managerDeps({ store: ctx.store, clock, teams });
    const lead = await storeLead(ctx.store, formerAlex(clock.now()));
    await enqueue(ctx.store.db, [deliverCard.job({ leadId: lead.id })], clock.now());
    await runDueJobs(deps);
    expect(teams.sent).toEqual([]);
    await rememberConversation(deps, await installFor(ctx.store, 'alexw@example.com'));
    await runDueJobs(deps);
    expect(teams.sent).toEqual([]);
    expect(await rememberConversation(deps, await installFor(ctx.store, 'adelev@example.com', 'en-US'))).toBe(1);
    await runDueJobs(deps);
    expect(teams.sent.map((s) => s.to.email)).toEqual(['adelev@example.com']);
    expect(cardText(teams.sent[0]!.activity.card)).toContain('Contact owner Alex Wilber is no longer active');
  });
});
