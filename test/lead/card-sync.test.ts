/**
 * A CRM effect queues the card refresh before the worker marks the effect done. The refresh names that job as
 * settled, so the card says "HubSpot ✓" / "36One ✓" and never "ausstehend" for work that has succeeded.
 */
import { describe, expect, it } from 'vitest';
import type { Lead } from '../../src/domain/model.js';
import { c4cEnsureLead } from '../../src/services/effects/c4c.js';
import { hubspotSync } from '../../src/services/effects/hubspot.js';
import { refreshCards } from '../../src/services/lead/card-refresh.js';
import { buildLeadCardView } from '../../src/services/lead/view.js';
import { enqueue } from '../../src/store/jobs-repo.js';
import { insertLead } from '../../src/store/leads-repo.js';
import { makeLead } from '../support/team-world.js';
import { useWorld } from '../support/world.js';

const lead = (): Lead => ({
  ...makeLead({ mqlAt: 1000 }),
  state: 'SAL',
  version: 2,
  acceptedAt: 2000,
  updatedAt: 2000,
});

describe('card sync line while an effect is being completed', () => {
  const w = useWorld({ c4c: true, overrides: { worker: false } });

  it('counts the settled job as done and every other pending job as pending', async () => {
    const l = lead();
    const db = w.lb.store.db;
    await insertLead(db, l);
    await enqueue(db, [hubspotSync.job({ leadId: l.id }), c4cEnsureLead.job({ leadId: l.id })], 3000);
    const [hubspotJob, c4cJob] = await db
      .selectFrom('jobs')
      .select('id')
      .where('lead_id', '=', l.id)
      .orderBy('id')
      .execute();
    const view = (settled?: number) => buildLeadCardView(w.lb.deps, l, 'de', {}, db, settled).then((v) => v.sync);

    expect(await view()).toEqual({ hubspot: { status: 'pending' }, c4c: { status: 'pending' } });
    expect(await view(Number(hubspotJob!.id))).toEqual({ hubspot: { status: 'ok' }, c4c: { status: 'pending' } });
    expect(await view(Number(c4cJob!.id))).toEqual({ hubspot: { status: 'pending' }, c4c: { status: 'ok' } });
  });

  it('a refresh job carries the job it follows', () => {
    expect(refreshCards.job({ leadId: 'L1', settled: 42 }).payload).toEqual({ leadId: 'L1', settled: 42 });
    expect(refreshCards.job({ leadId: 'L1' }).payload).toEqual({ leadId: 'L1' });
  });
});
