import { describe, expect, it } from 'vitest';
import { type DigestInput, digestFigures } from '../../src/domain/digest.js';
import type { Lead, LeadEvent } from '../../src/domain/model.js';
import { addBusinessTime, businessTimeBetween, parseBusinessHours } from '../../src/domain/sla.js';
import { berlin, ev, HOUR, makeLead, TZ } from '../support/team-world.js';

const office = parseBusinessHours('Mon-Fri 08:00-18:00');
const at = berlin;

/**
 * A fixture week for CSM Nord (Alex, Megan), window Mon 3 March 08:00 → Mon 10 March 08:00 (Berlin).
 * Every expected number below is counted by hand from this table.
 */
function fixtureWeek() {
  const leads: Lead[] = [];
  const events: Record<string, LeadEvent[]> = {};
  const add = (
    name: string,
    owner: string,
    mql: string,
    steps: Array<[string, string, Lead['state'], Lead['state'], string?]>,
  ) => {
    const trail: LeadEvent[] = [ev(at(mql), 'mql', null, 'MQL')];
    let state: Lead['state'] = 'MQL';
    let acceptedAt: number | null = null;
    let rejectReason: Lead['rejectReason'] = null;
    for (const [when, action, from, to, reason] of steps) {
      trail.push(ev(at(when), action, from, to, reason ? { reason } : null));
      state = to;
      if (action === 'accept') acceptedAt = at(when);
      if (reason) rejectReason = reason as Lead['rejectReason'];
    }
    const lead = makeLead({
      ownerEmail: owner,
      mqlAt: at(mql),
      state,
      acceptedAt,
      rejectReason,
      contact: { id: name, firstName: name, lastName: null },
    });
    leads.push(lead);
    events[lead.id] = trail;
    return lead;
  };
  const A = 'alexw@example.com',
    M = 'meganb@example.com',
    Z = 'zoeb@example.com';
  const L = {
    L1: add('L1', A, '2025-03-03 09:00', [
      ['2025-03-03 10:00', 'accept', 'MQL', 'SAL'],
      ['2025-03-05 10:00', 'qualify', 'SAL', 'SQL'],
      ['2025-03-06 10:00', 'convert', 'SQL', 'OPPORTUNITY'],
    ]),
    L2: add('L2', A, '2025-03-04 17:00', [['2025-03-05 09:00', 'accept', 'MQL', 'SAL']]),
    L3: add('L3', A, '2025-03-07 17:00', [['2025-03-07 17:30', 'reject', 'MQL', 'REJECTED', 'no_budget']]),
    L4: add('L4', M, '2025-03-05 08:00', [['2025-03-05 15:00', 'reject', 'MQL', 'REJECTED', 'no_budget']]),
    L5: add('L5', M, '2025-03-06 10:00', []),
    L6: add('L6', M, '2025-03-07 16:00', []),
    L7: add('L7', A, '2025-02-27 10:00', [['2025-03-03 09:00', 'accept', 'MQL', 'SAL']]),
    L8: add('L8', M, '2025-03-03 11:00', [
      ['2025-03-03 12:00', 'accept', 'MQL', 'SAL'],
      ['2025-03-04 10:00', 'qualify', 'SAL', 'SQL'],
    ]),
    L9: add('L9', A, '2025-03-05 09:00', [['2025-03-05 09:30', 'reject', 'MQL', 'REJECTED', 'competitor']]),
    // Another team's leads: never counted for CSM Nord.
    L10: add('L10', Z, '2025-03-03 10:00', []),
    L12: add('L12', Z, '2025-03-04 10:00', [['2025-03-04 11:00', 'reject', 'MQL', 'REJECTED', 'other']]),
    L11: add('L11', M, '2025-02-28 09:00', []),
  };
  const input: DigestInput = {
    leads,
    events,
    members: [A, M],
    since: at('2025-03-03 08:00'),
    now: at('2025-03-10 08:00'),
    slaDueAt: (l) => addBusinessTime(l.mqlAt, 4 * HOUR, office, TZ),
    elapsed: (a, b) => businessTimeBetween(a, b, office, TZ),
    nameOf: (e) => ({ [A]: 'Alex Wilber', [M]: 'Megan Bowen' })[e] ?? e,
  };
  return { L, input };
}

describe('digest figures for a fixture week (checked by hand)', () => {
  const { L, input } = fixtureWeek();
  const f = digestFigures(input);

  it('funnel: new MQLs L1 L2 L3 L4 L5 L6 L8 L9 = 8; SAL L1 L2 L7 L8 = 4; SQL L1 L8 = 2; Opportunity L1 = 1', () => {
    expect(f.funnel).toEqual({ mql: 8, sal: 4, sql: 2, opportunity: 1 });
  });

  it("rejected: L3, L4 (no budget), L9 (competitor) = 3; the other team's L12 is not counted", () => {
    expect(f.rejected).toEqual({
      count: 3,
      topReasons: [
        { reason: 'no_budget', count: 2 },
        { reason: 'competitor', count: 1 },
      ],
    });
  });

  it("waiting longest: L11 (9 d 23 h), L5 (3 d 22 h), L6 (2 d 16 h); the other team's L10 is not shown", () => {
    expect(f.waitingLongest.map((w) => [w.leadId, w.ageMs / HOUR, w.ownerName])).toEqual([
      [L.L11.id, 239, 'Megan Bowen'],
      [L.L5.id, 94, 'Megan Bowen'],
      [L.L6.id, 64, 'Megan Bowen'],
    ]);
  });

  it('SLA (4 h business time) breached: L4 (due Wed 12:00, answered 15:00) and L5 (due Thu 14:00, unanswered)', () => {
    // Not breaches: L2 due Wed 11:00 (Tue 17-18 + Wed 08-11), answered 09:00; L3 due Mon 11:00 (after the window);
    // L6 due Mon 10:00 (after the window); L7 and L11 were due before the window.
    expect(f.slaBreaches.map((b) => [b.leadId, b.dueAt, b.answeredAt])).toEqual([
      [L.L4.id, at('2025-03-05 12:00'), at('2025-03-05 15:00')],
      [L.L5.id, at('2025-03-06 14:00'), null],
    ]);
  });

  it('per CSM: Alex got L1 L2 L3 L9, accepted L1 (1 h) and L2 (Tue 17:00 → Wed 09:00 = 2 business hours); Megan got L4 L5 L6 L8, accepted L8 (1 h)', () => {
    expect(f.perCsm).toEqual([
      {
        email: 'alexw@example.com',
        name: 'Alex Wilber',
        received: 4,
        accepted: 2,
        medianTimeToAcceptMs: 1.5 * HOUR,
        acceptanceRate: 0.5,
      },
      {
        email: 'meganb@example.com',
        name: 'Megan Bowen',
        received: 4,
        accepted: 1,
        medianTimeToAcceptMs: 1 * HOUR,
        acceptanceRate: 0.25,
      },
    ]);
  });

  it('without business hours the median is wall-clock time: Alex (1 h + 16 h) / 2 = 8.5 h', () => {
    const wall = digestFigures({ ...input, elapsed: undefined });
    expect(wall.perCsm[0]!.medianTimeToAcceptMs).toBe(8.5 * HOUR);
  });

  it('a quiet window gives zeros and no rates', () => {
    const q = digestFigures({ ...input, since: at('2025-03-08 08:00'), now: at('2025-03-09 08:00') });
    expect(q.funnel).toEqual({ mql: 0, sal: 0, sql: 0, opportunity: 0 });
    expect(q.rejected.count).toBe(0);
    expect(q.perCsm.map((c) => [c.received, c.acceptanceRate, c.medianTimeToAcceptMs])).toEqual([
      [0, null, null],
      [0, null, null],
    ]);
    expect(q.waitingLongest.map((w) => w.leadId)).toEqual([L.L11.id, L.L5.id, L.L6.id]);
  });

  it("a manager's members decide what is seen: the other team sees only its own leads", () => {
    const sued = digestFigures({ ...input, members: ['zoeb@example.com'] });
    expect(sued.funnel.mql).toBe(2);
    expect(sued.rejected.topReasons).toEqual([{ reason: 'other', count: 1 }]);
    expect(sued.waitingLongest.map((w) => w.leadId)).toEqual([L.L10.id]);
  });
});
