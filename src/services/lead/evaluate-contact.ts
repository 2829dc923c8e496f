import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isOpen } from '../../domain/lead.js';
import {
  type CompanySnapshot,
  type ContactSnapshot,
  contactName,
  newMqlLead,
  type Owner,
  ownerName,
} from '../../domain/model.js';
import { isMql, nextCycle } from '../../domain/mql.js';
import { BatchReadError } from '../../hubspot/errors.js';
import { IntegrationError } from '../../lib/integration-error.js';
import { defineJob } from '../../outbox/job.js';
import { enqueue, type Job } from '../../store/jobs-repo.js';
import { addLeadEvent, findLeadByCycle, getContactCycle, insertLead, setContactCycle } from '../../store/leads-repo.js';
import type { Deps } from '../deps.js';
import { c4cEnsureLead } from '../effects/c4c.js';
import { deliverCard } from './delivery.js';

const Payload = z.object({ portalId: z.number(), contactId: z.string(), receivedAt: z.number().optional() });
type Payload = z.infer<typeof Payload>;

/** Most contacts evaluated together: HubSpot's batch read takes 100 ids per call. */
export const EVALUATE_BATCH_MAX = 100;

/**
 * Re-reads a contact and, if it is an MQL without a lead in the current cycle, creates the lead
 * (enriched with company and owner) and schedules its card and its 36One handover. Runs in batches.
 */
export const evaluateContact = defineJob({
  kind: 'contact.evaluate',
  payload: Payload,
  orderKey: ({ portalId, contactId }) => `contact:${portalId}:${contactId}`,
  async run(deps: Deps, _payload, job) {
    const [failure] = await evaluateContacts(deps, [job]);
    if (failure !== undefined) throw failure;
  },
  batch: { max: EVALUATE_BATCH_MAX, run: (deps: Deps, jobs) => evaluateContacts(deps, jobs) },
});

/**
 * `evaluateContact` for many contacts with few HubSpot calls: one batch read of the contacts, one of the companies of
 * the new MQLs, owners from the client's cache. Returns one result per job: undefined when it is done, otherwise the
 * error it fails with. A read that fails fails only the jobs that needed it (all of them when the contacts' read fails).
 */
export async function evaluateContacts(deps: Deps, jobs: Job[]): Promise<Array<unknown | undefined>> {
  const { store, hubspot, settings } = deps;
  const failures = new Map<number, unknown>();
  const fail = (i: number, err: unknown) => {
    if (!failures.has(i)) failures.set(i, err ?? new Error('failed'));
  };
  const payloads = jobs.map((job, i): Payload | null => {
    try {
      return Payload.parse(job.payload);
    } catch (err) {
      fail(i, err);
      return null;
    }
  });
  const alive = () => payloads.flatMap((p, i) => (p && !failures.has(i) ? [{ i, p }] : []));

  const contacts = await readMany(
    alive().map(({ p }) => p.contactId),
    (ids) => hubspot.getContacts(ids),
    (id) => hubspot.getContact(id),
  );
  const mqls: Array<{ i: number; p: Payload; contact: ContactSnapshot; cycle: number }> = [];
  for (const { i, p } of alive()) {
    if (contacts.failed.has(p.contactId)) {
      fail(i, contacts.failed.get(p.contactId));
      continue;
    }
    const contact = contacts.found.get(p.contactId);
    if (!contact) continue; // deleted or merged away: nothing to do
    try {
      const mql = isMql(contact, settings.mqlRule);
      const cycle = await getContactCycle(store.db, p.portalId, p.contactId);
      const existing = await findLeadByCycle(store.db, p.portalId, p.contactId, cycle);
      const next = nextCycle({ cycle, lastLeadClosed: existing ? !isOpen(existing.state) : null }, mql);
      if (next !== cycle) await setContactCycle(store.db, p.portalId, p.contactId, next);
      if (mql && !existing) mqls.push({ i, p, contact, cycle });
    } catch (err) {
      fail(i, err);
    }
  }

  // A batch read returns only the primary company (associatedcompanyid); a new MQL without one is read on its own,
  // which also returns its associations, so a contact linked to companies without a primary one keeps its company.
  await Promise.all(
    mqls
      .filter((m) => !m.contact.companyId)
      .map(async (m) => {
        try {
          const full = await hubspot.getContact(m.p.contactId);
          if (full?.companyId) m.contact = { ...m.contact, companyId: full.companyId };
        } catch (err) {
          fail(m.i, err);
        }
      }),
  );

  // Enrichment: companies in one batch read, then owners (cached) for the leads whose company could be read.
  const companies = await readMany(
    unique(mqls.filter((m) => !failures.has(m.i)).map((m) => m.contact.companyId)),
    (ids) => hubspot.getCompanies(ids),
    (id) => hubspot.getCompany(id),
  );
  for (const m of mqls)
    if (m.contact.companyId && companies.failed.has(m.contact.companyId))
      fail(m.i, companies.failed.get(m.contact.companyId));
  const owners = new Map<string, Owner | null>();
  const ownerFailures = new Map<string, unknown>();
  await Promise.all(
    unique(mqls.filter((m) => !failures.has(m.i)).map((m) => m.contact.ownerId)).map(async (id) => {
      try {
        owners.set(id, await hubspot.getOwner(id));
      } catch (err) {
        ownerFailures.set(id, err);
      }
    }),
  );

  for (const m of mqls) {
    if (failures.has(m.i)) continue;
    const { contact } = m;
    if (contact.ownerId && ownerFailures.has(contact.ownerId)) {
      fail(m.i, ownerFailures.get(contact.ownerId));
      continue;
    }
    try {
      const company = contact.companyId ? (companies.found.get(contact.companyId) ?? null) : null;
      await createLead(
        deps,
        m.p,
        contact,
        m.cycle,
        company,
        contact.ownerId ? (owners.get(contact.ownerId) ?? null) : null,
      );
    } catch (err) {
      fail(m.i, err);
    }
  }
  return jobs.map((_, i) => failures.get(i));
}

/** Inserts the lead with its audit entry and schedules its card and 36One handover, in one transaction. */
async function createLead(
  deps: Deps,
  p: Payload,
  contact: ContactSnapshot,
  cycle: number,
  company: CompanySnapshot | null,
  owner: Owner | null,
): Promise<void> {
  const { portalId, contactId, receivedAt } = p;
  const now = deps.clock.now();
  const lead = newMqlLead(
    {
      id: randomUUID(),
      portalId,
      contactId,
      cycle,
      owner: {
        id: owner?.id ?? contact.ownerId ?? null,
        email: owner?.email?.toLowerCase() ?? null,
        name: owner ? ownerName(owner) : null,
        ...(owner?.archived ? { active: false } : {}),
      },
      contact,
      company,
    },
    now,
  );
  const created = await deps.store.db.transaction().execute(async (trx) => {
    if (!(await insertLead(trx, lead))) return false;
    await addLeadEvent(trx, lead.id, {
      at: now,
      actor: { id: 'system', name: 'LeadBridge' },
      action: 'mql',
      fromState: null,
      toState: 'MQL',
      source: 'webhook',
      detail: {
        score: contact.score ?? null,
        lifecycleStage: contact.lifecycleStage ?? null,
        contact: contactName(contact),
        receivedAt: receivedAt ?? null,
      },
    });
    await enqueue(
      trx,
      [
        deliverCard.job({ leadId: lead.id, receivedAt }),
        ...(deps.salesCloud ? [c4cEnsureLead.job({ leadId: lead.id })] : []),
      ],
      now,
    );
    return true;
  });
  if (created) {
    deps.log.info({ leadId: lead.id, contactId, owner: lead.owner.email }, 'new MQL lead');
    deps.kick();
    deps.slaChanged?.();
  }
}

/**
 * A batch read, as found records and the error of each id it could not read (all of them unless the failure was partial).
 * A permanent refusal of the whole batch (e.g. a 400 caused by one id) is retried id by id, so one bad record cannot
 * take a hundred evaluations down with it; transient failures (429, 5xx, timeouts) fail the batch and it retries whole.
 */
async function readMany<T>(
  ids: string[],
  read: (ids: string[]) => Promise<Map<string, T>>,
  readOne: (id: string) => Promise<T | null>,
): Promise<{ found: Map<string, T>; failed: Map<string, unknown> }> {
  const failed = new Map<string, unknown>();
  if (ids.length === 0) return { found: new Map(), failed };
  try {
    return { found: await read(ids), failed };
  } catch (err) {
    if (ids.length > 1 && err instanceof IntegrationError && err.permanent && !(err instanceof BatchReadError)) {
      const found = new Map<string, T>();
      for (const id of ids) {
        try {
          const r = await readOne(id);
          if (r) found.set(id, r);
        } catch (e) {
          failed.set(id, e);
        }
      }
      return { found, failed };
    }
    const partial = err instanceof BatchReadError ? (err as BatchReadError<T>) : undefined;
    for (const id of partial?.failedIds ?? ids) failed.set(id, err);
    return { found: partial?.found ?? new Map(), failed };
  }
}

const unique = (ids: Array<string | null | undefined>): string[] => [
  ...new Set(ids.filter((id): id is string => !!id)),
];
