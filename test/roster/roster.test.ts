import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reassignTargets } from '../../src/domain/reassign.js';
import { Roster } from '../../src/domain/roster.js';
import { createLog } from '../../src/log.js';
import { createRosterSource, resolveRoster } from '../../src/roster/resolve.js';
import { loadRoster, parseRoster } from '../../src/roster/roster.js';
import { sampleOwners } from '../standins/hubspot-sample.js';
import { twoTeams } from '../support/team-world.js';

const tmpFile = (text: string) => {
  const p = join(mkdtempSync(join(tmpdir(), 'lb-roster-')), 'roster.yaml');
  writeFileSync(p, text);
  return p;
};

describe('roster file', () => {
  it('the shipped sample is valid', () => {
    expect(loadRoster('config/roster.yaml')).toEqual({
      admins: ['admin@example.com'],
      teams: [
        {
          name: 'CSM Nord',
          manager: 'adelev@example.com',
          hubspotTeamIds: ['1'],
          members: ['alexw@example.com', 'meganb@example.com'],
        },
      ],
    });
  });

  it.each([
    [
      'a bad manager email',
      'teams:\n  - name: A\n    manager: a@example.com\n    members: [x@example.com]\n  - name: B\n    manager: not-an-email\n    members: [y@example.com]\n',
      'teams[1].manager: invalid email',
    ],
    [
      'a bad member',
      'teams:\n  - name: A\n    manager: a@example.com\n    members: [x@example.com, "nope"]\n',
      'teams[0].members[1]: invalid email',
    ],
    [
      'a team without members',
      'teams:\n  - name: A\n    manager: a@example.com\n',
      'teams[0].members: needs members or hubspotTeamIds',
    ],
    ['a missing manager', 'teams:\n  - name: A\n    members: [x@example.com]\n', 'teams[0].manager: required'],
    ['an unknown key', 'admins: []\nteamz: []\n', '(root): unknown key(s) teamz'],
    [
      'a duplicate team',
      'teams:\n  - {name: A, manager: a@example.com, members: [x@example.com]}\n  - {name: a, manager: b@example.com, members: [y@example.com]}\n',
      'teams[1].name: duplicate team name "a"',
    ],
    ['a bad admin', 'admins: [admin]\n', 'admins[0]: invalid email'],
  ])('names the bad entry: %s', (_n, yaml, message) => {
    const file = tmpFile(yaml);
    expect(() => loadRoster(file)).toThrow(`${file}: ${message}`);
  });

  it('says when the file cannot be read, and accepts numeric HubSpot team ids and mixed-case emails', () => {
    expect(() => loadRoster('/nonexistent/roster.yaml')).toThrow(/\/nonexistent\/roster.yaml: cannot read roster/);
    expect(parseRoster({ teams: [{ name: 'T', manager: 'Boss@Example.com', hubspotTeamIds: [7] }] }).teams[0]).toEqual({
      name: 'T',
      manager: 'boss@example.com',
      hubspotTeamIds: ['7'],
      members: [],
    });
  });
});

describe('resolveRoster with HubSpot owner teams', () => {
  it('adds the owners of the HubSpot team as members, never the manager, and knows their names', () => {
    const roster = resolveRoster(
      parseRoster({
        admins: ['admin@example.com'],
        teams: [{ name: 'CSM Nord', manager: 'adelev@example.com', hubspotTeamIds: ['1'] }],
      }),
      sampleOwners as any,
      ['Ops@Example.com'],
    );
    expect(roster.membersOf('adelev@example.com')).toEqual(['alexw@example.com', 'meganb@example.com']);
    expect(roster.nameOf('meganb@example.com')).toBe('Megan Bowen');
    expect(roster.isAdmin('ops@example.com')).toBe(true);
    expect(roster.isAdmin('admin@example.com')).toBe(true);
  });

  it('a source keeps the last good roster when HubSpot fails, and picks up file changes on refresh', async () => {
    const file = tmpFile('teams:\n  - {name: N, manager: m@example.com, hubspotTeamIds: ["1"]}\n');
    let fail = false;
    const source = createRosterSource({
      file,
      log: createLog('silent'),
      hubspot: {
        listOwners: async () => {
          if (fail) throw new Error('down');
          return sampleOwners as any;
        },
      },
    });
    expect(source.current().membersOf('m@example.com')).toEqual([]);
    await source.refresh();
    expect(source.current().membersOf('m@example.com')).toHaveLength(3);
    fail = true;
    await source.refresh();
    expect(source.current().membersOf('m@example.com')).toHaveLength(3);
    writeFileSync(
      file,
      'teams:\n  - {name: N, manager: m@example.com, hubspotTeamIds: ["1"], members: [new@example.com]}\n',
    );
    await source.refresh();
    expect(source.current().membersOf('m@example.com')).toContain('new@example.com');
    writeFileSync(file, 'teams: [oops');
    await source.refresh();
    expect(source.current().membersOf('m@example.com')).toContain('new@example.com');
  });
});

describe('Roster', () => {
  const r = twoTeams();
  it('answers who manages whom', () => {
    expect(r.managers()).toEqual(['adelev@example.com', 'sued.lead@example.com']);
    expect(r.isManagerOf('adelev@example.com', 'AlexW@example.com')).toBe(true);
    expect(r.isManagerOf('adelev@example.com', 'zoeb@example.com')).toBe(false);
    expect(r.isManagerOf('alexw@example.com', 'meganb@example.com')).toBe(false);
    expect(r.membersOf('adelev@example.com')).toEqual(['alexw@example.com', 'meganb@example.com']);
    expect(r.membersOf('alexw@example.com')).toEqual([]);
    expect(r.teamsOf('meganb@example.com').map((t) => t.name)).toEqual(['CSM Nord']);
    expect(r.teamsOf('adelev@example.com').map((t) => t.name)).toEqual(['CSM Nord']);
    expect(r.managersOf('zoeb@example.com')).toEqual(['sued.lead@example.com']);
    expect(r.isAdmin('ADMIN@example.com')).toBe(true);
    expect(r.isAdmin('adelev@example.com')).toBe(false);
  });

  it('a member of two teams has two managers; a manager is never their own member', () => {
    const x = new Roster({
      admins: [],
      teams: [
        { name: 'A', manager: 'a@x.de', members: ['p@x.de', 'a@x.de'] },
        { name: 'B', manager: 'b@x.de', members: ['p@x.de'] },
      ],
    });
    expect(x.managersOf('p@x.de')).toEqual(['a@x.de', 'b@x.de']);
    expect(x.membersOf('a@x.de')).toEqual(['p@x.de']);
  });

  it("reassignment targets are the other CSMs of the owner's team", () => {
    expect(reassignTargets(r, 'alexw@example.com', 'alexw@example.com')).toEqual(['meganb@example.com']);
    expect(reassignTargets(r, 'zoeb@example.com', 'sued.lead@example.com')).toEqual([]);
    expect(reassignTargets(r, null, 'adelev@example.com')).toEqual(['alexw@example.com', 'meganb@example.com']);
    expect(reassignTargets(r, null, 'admin@example.com')).toEqual([
      'alexw@example.com',
      'meganb@example.com',
      'zoeb@example.com',
    ]);
  });
});
