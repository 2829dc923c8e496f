/** Test kit for the manager features: a store with the manager tables, a controllable clock, recording Teams. */
import { randomUUID } from 'node:crypto';
import { type Lead, type LeadEvent, newMqlLead, type Owner } from '../../src/domain/model.js';
import { Roster } from '../../src/domain/roster.js';
import { parseBusinessHours } from '../../src/domain/sla.js';
import type { HubSpot } from '../../src/hubspot/types.js';
import { IntegrationError } from '../../src/lib/integration-error.js';
import { createLog } from '../../src/log.js';
import { staticRosterSource } from '../../src/roster/resolve.js';
import type { Deps } from '../../src/services/deps.js';
import { jobHandlers } from '../../src/services/jobs.js';
import { type Conversation, saveConversation } from '../../src/store/conversations-repo.js';
import type { Store } from '../../src/store/db.js';
import { claimJobs, completeJob, retryJobLater } from '../../src/store/jobs-repo.js';
import { addLeadEvent, insertLead } from '../../src/store/leads-repo.js';
import type { OutboundActivity, TeamsOutbound } from '../../src/teams/types.js';

export const TZ = 'Europe/Berlin';
/** An instant given as Berlin wall-clock time, e.g. `berlin('2025-03-07 17:00')`. */
export function berlin(local: string): number {
  const [d, t = '00:00'] = local.split(' ');
  const guess = Date.parse(`${d}T${t}:00Z`);
  // The zone's offset at `ms`, read from Intl's Swedish format ("2025-03-10 08:00:00") — independent of src/domain.
  const off = (ms: number) =>
    Date.parse(`${new Date(ms).toLocaleString('sv-SE', { timeZone: TZ }).replace(' ', 'T')}Z`) - ms;
  return guess - off(guess - off(guess));
}

export const HOUR = 3_600_000;

/** A clock the test sets and advances by hand. */
export class TestClock {
  constructor(public t: number) {}
  now = () => this.t;
  set(ms: number) {
    this.t = ms;
  }
}

export interface Sent {
  to: Conversation;
  activity: OutboundActivity;
  id: string;
  kind: 'send' | 'update';
}
export function recordingTeams(): TeamsOutbound & { sent: Sent[] } {
  const sent: Sent[] = [];
  let n = 0;
  return {
    sent,
    async send(to, activity) {
      const id = `act-${++n}`;
      sent.push({ to, activity, id, kind: 'send' });
      return id;
    },
    async update(to, id, activity) {
      sent.push({ to, activity, id, kind: 'update' });
    },
  };
}

export const OWNERS: Owner[] = [
  {
    id: '101',
    email: 'alexw@example.com',
    firstName: 'Alex',
    lastName: 'Wilber',
    teams: [{ id: '1', name: 'CSM Nord' }],
  },
  {
    id: '102',
    email: 'meganb@example.com',
    firstName: 'Megan',
    lastName: 'Bowen',
    teams: [{ id: '1', name: 'CSM Nord' }],
  },
  {
    id: '103',
    email: 'adelev@example.com',
    firstName: 'Adele',
    lastName: 'Vance',
    teams: [{ id: '1', name: 'CSM Nord' }],
  },
  { id: '201', email: 'zoeb@example.com', firstName: 'Zoe', lastName: 'Becker', teams: [{ id: '2', name: 'CSM Süd' }] },
  {
    id: '202',
    email: 'sued.lead@example.com',
    firstName: 'Sven',
    lastName: 'Süd',
    teams: [{ id: '2', name: 'CSM Süd' }],
  },
];

export function fakeHubSpot(
  owners: Owner[] = OWNERS,
): HubSpot & { updates: Array<{ id: string; props: Record<string, string> }> } {
  const updates: Array<{ id: string; props: Record<string, string> }> = [];
  return {
    updates,
    async getContact() {
      return null;
    },
    async getCompany() {
      return null;
    },
    async getContacts() {
      return new Map();
    },
    async getCompanies() {
      return new Map();
    },
    async getOwner(id) {
      return owners.find((o) => o.id === id) ?? null;
    },
    async findOwnerByEmail(email) {
      return owners.find((o) => o.email === email.toLowerCase()) ?? null;
    },
    async listOwners() {
      return owners;
    },
    async updateContact(id, props) {
      updates.push({ id, props });
    },
    async addNote() {},
    async hasNote() {
      return false;
    },
    async searchCompaniesByName() {
      return [];
    },
    recordUrl: (portalId, type, id) => `https://app.hubspot.com/contacts/${portalId}/${type}/${id}`,
  };
}

/** Two teams: CSM Nord (Adele: Alex, Megan) and CSM Süd (Sven: Zoe). */
export const twoTeams = () =>
  new Roster({
    admins: ['admin@example.com'],
    teams: [
      { name: 'CSM Nord', manager: 'adelev@example.com', members: ['alexw@example.com', 'meganb@example.com'] },
      { name: 'CSM Süd', manager: 'sued.lead@example.com', members: ['zoeb@example.com'] },
    ],
    names: {
      'alexw@example.com': 'Alex Wilber',
      'meganb@example.com': 'Megan Bowen',
      'adelev@example.com': 'Adele Vance',
      'zoeb@example.com': 'Zoe Becker',
    },
  });

export function managerDeps(o: {
  store: Store;
  clock: TestClock;
  roster?: Roster;
  teams?: TeamsOutbound;
  hubspot?: HubSpot;
  salesCloud?: any;
  cron?: string;
}): Deps {
  return {
    store: o.store,
    clock: o.clock,
    log: createLog(process.env.TEST_LOG_LEVEL ?? 'silent'),
    hubspot: o.hubspot ?? fakeHubSpot(),
    salesCloud: o.salesCloud,
    teams: o.teams ?? recordingTeams(),
    settings: {
      mqlRule: { threshold: 75, mqlStage: 'marketingqualifiedlead' },
      writeBack: {
        stages: { sql: 'salesqualifiedlead', opportunity: 'opportunity' },
        leadStatus: { accepted: 'IN_PROGRESS', rejected: 'UNQUALIFIED', opportunity: 'OPEN_DEAL' },
      },
      permissions: { admins: ['admin@example.com'] },
      rejectReasons: ['no_budget', 'wrong_contact', 'existing_opportunity', 'competitor', 'no_interest', 'other'],
      defaultLocale: 'de',
      timeZone: TZ,
      digestCron: o.cron ?? '0 8 * * 1-5',
      sla: {
        remindAfterMs: 4 * HOUR,
        escalateAfterMs: 24 * HOUR,
        hours: parseBusinessHours('Mon-Fri 08:00-18:00'),
        timeZone: TZ,
      },
    },
    kick() {},
    roster: staticRosterSource(o.roster ?? twoTeams()),
  };
}

let contactSeq = 5000;
export function makeLead(over: Partial<Lead> & { ownerEmail?: string } = {}): Lead {
  const { ownerEmail, ...rest } = over;
  const email = ownerEmail ?? 'alexw@example.com';
  const owner = OWNERS.find((o) => o.email === email);
  const contactId = String(++contactSeq);
  const at = rest.mqlAt ?? Date.parse('2025-03-03T08:00:00Z');
  const lead = newMqlLead(
    {
      id: randomUUID(),
      portalId: 62515,
      contactId,
      cycle: 1,
      owner: { id: owner?.id ?? null, email, name: owner ? `${owner.firstName} ${owner.lastName}` : email },
      contact: { id: contactId, firstName: 'Kontakt', lastName: contactId, score: 80 },
      company: { id: `c${contactId}`, name: `Firma ${contactId}` },
    },
    at,
  );
  return { ...lead, ...rest };
}

export const ev = (
  at: number,
  action: string,
  fromState: LeadEvent['fromState'],
  toState: LeadEvent['toState'],
  detail: Record<string, unknown> | null = null,
): LeadEvent => ({
  at,
  actor: { id: 'u', name: 'Tester' },
  action,
  fromState,
  toState,
  source: action === 'mql' ? 'webhook' : 'card',
  detail,
});

export async function storeLead(
  store: Store,
  lead: Lead,
  events: LeadEvent[] = [ev(lead.mqlAt, 'mql', null, 'MQL')],
): Promise<Lead> {
  await insertLead(store.db, lead);
  for (const e of events) await addLeadEvent(store.db, lead.id, e);
  return lead;
}

export async function installFor(store: Store, email: string, locale = 'de-DE', now = 0): Promise<Conversation> {
  const c: Conversation = {
    id: `a:conv-${email}`,
    kind: 'personal',
    userId: `29:${email}`,
    aadObjectId: randomUUID(),
    email,
    upn: email,
    name: email,
    tenantId: 't1',
    locale,
    teamId: null,
    reference: { conversation: { id: `a:conv-${email}` } },
    blocked: false,
  };
  await saveConversation(store.db, c, now);
  return c;
}

/** Runs every due job once (no retries): what the outbox worker would do. Returns the kinds run. */
export async function runDueJobs(deps: Deps, owner = 'test-worker'): Promise<string[]> {
  const handlers = jobHandlers(deps);
  const ran: string[] = [];
  for (;;) {
    const jobs = await claimJobs(deps.store.db, deps.store.engine, owner, 20, deps.clock.now(), 60_000);
    if (!jobs.length) return ran;
    for (const j of jobs) {
      try {
        await handlers[j.kind]!(j);
      } catch (err) {
        // As the worker does: a transient failure waits for its retry time instead of ending the run.
        if (!(err instanceof IntegrationError) || err.permanent) throw err;
        await retryJobLater(
          deps.store.db,
          j.id,
          owner,
          deps.clock.now() + (err.retryAfterMs ?? 1000),
          err.message,
          deps.clock.now(),
        );
        continue;
      }
      await completeJob(deps.store.db, j.id, owner, deps.clock.now());
      ran.push(j.kind);
    }
  }
}

export async function pendingJobs(store: Store) {
  const rows = await store.db.selectFrom('jobs').selectAll().where('status', '=', 'pending').orderBy('id').execute();
  return rows.map((r) => ({ kind: r.kind, leadId: r.lead_id, orderKey: r.order_key, payload: JSON.parse(r.payload) }));
}

/** Empties every table a manager test writes, so each test starts from a clean store. */
export async function clearStore(store: Store): Promise<void> {
  for (const t of [
    'jobs',
    'digests',
    'digest_prefs',
    'leads',
    'lead_events',
    'conversations',
    'card_posts',
    'lead_messages',
    'people',
    'person_locales',
    'webhook_events',
  ] as const)
    await store.db.deleteFrom(t).execute();
}
