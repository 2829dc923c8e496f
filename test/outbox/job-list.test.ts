import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, jobTables } from '../../src/outbox/job.js';
import { sendDigest } from '../../src/services/effects/digest.js';
import { hubspotNote } from '../../src/services/effects/hubspot.js';
import { JOBS } from '../../src/services/jobs.js';
import { evaluateContact } from '../../src/services/lead/evaluate-contact.js';

describe('the job list', () => {
  it('keeps the kinds stored in existing databases', () => {
    expect(JOBS.map((j) => j.kind).sort()).toEqual([
      'c4c.convertLead',
      'c4c.ensureLead',
      'c4c.opportunity',
      'c4c.owner',
      'c4c.status',
      'contact.erase',
      'contact.evaluate',
      'hubspot.note',
      'hubspot.owner',
      'hubspot.sync',
      'teams.deliver',
      'teams.digest',
      'teams.escalate',
      'teams.refresh',
      'teams.remind',
    ]);
  });

  it('refuses a kind registered twice, when the handlers are built', () => {
    const twice = defineJob({ kind: 'x.twice', payload: z.object({ leadId: z.string() }), run: async () => {} });
    expect(() => jobTables([twice, twice], {})).toThrow('job kind x.twice is registered twice');
  });

  it("queues a lead job behind the lead's other jobs of its system; other jobs name their queue", () => {
    expect(hubspotNote.job({ leadId: 'L1', text: 'n', at: 1 })).toMatchObject({
      kind: 'hubspot.note',
      leadId: 'L1',
      orderKey: 'hubspot:L1',
    });
    expect(evaluateContact.job({ portalId: 7, contactId: '42' })).toMatchObject({
      leadId: null,
      orderKey: 'contact:7:42',
    });
    expect(sendDigest.job({ managerEmail: 'Adele@Example.com', day: '2025-03-10', since: 1, until: 2 }).orderKey).toBe(
      'digest:adele@example.com',
    );
  });

  it('hands the handler a parsed payload and fails a job whose payload does not fit', async () => {
    const seen: unknown[] = [];
    const note = defineJob({
      kind: 'x.note',
      payload: z.object({ leadId: z.string(), at: z.number() }),
      run: async (_d: object, p) => {
        seen.push(p);
      },
    });
    const handle = jobTables([note], {}).handlers['x.note']!;
    const job = { id: 1, kind: 'x.note', leadId: 'L', orderKey: 'x:L', attempts: 1, createdAt: 0 };
    await handle({ ...job, payload: { leadId: 'L', at: 5, extra: true } });
    expect(seen).toEqual([{ leadId: 'L', at: 5 }]);
    await expect(handle({ ...job, payload: { leadId: 'L' } })).rejects.toThrow(/at/);
  });
});
