import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountExternalRef, loadC4cMapping, ownerPartyId } from '../../src/c4c/mapping.js';
import { REJECT_REASONS } from '../../src/domain/reject-reasons.js';
import { MAPPING_FILE } from './harness.js';

const good = readFileSync(MAPPING_FILE, 'utf8');

function withFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'c4c-mapping-')), 'c4c-mapping.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadC4cMapping', () => {
  it('loads the shipped mapping', () => {
    const m = loadC4cMapping(MAPPING_FILE);
    expect(m.leadStatus).toEqual({ open: '01', qualified: '02', accepted: '03', declined: '04', converted: '05' });
    expect(Object.keys(m.resultReasons).sort()).toEqual([...REJECT_REASONS].sort());
    expect(m.opportunity.probabilityPercent).toBe('10');
    expect(ownerPartyId(m, 'AlexW@Example.com')).toBe('8000000001');
    expect(ownerPartyId(m, 'nobody@example.com')).toBeUndefined();
  });

  it('names the file and the bad key when a code is not a string', () => {
    const file = withFile(good.replace("accepted: '03'", 'accepted: 3'));
    expect(() => loadC4cMapping(file)).toThrow(`${file}: leadStatus.accepted: expected string`);
  });

  it('leadStatus.converted is optional (absent: the lead is never marked converted); the other statuses are required', () => {
    const without = loadC4cMapping(withFile(good.replace(/\n\s*converted: '05'.*/, '')));
    expect(without.leadStatus).toEqual({ open: '01', qualified: '02', accepted: '03', declined: '04' });
    expect(() => loadC4cMapping(withFile(good.replace(/\n\s*declined: '04'.*/, '')))).toThrow(
      /leadStatus\.declined: expected string \(missing\)/,
    );
  });

  it('names a missing reject reason', () => {
    const file = withFile(good.replace(/\n\s*competitor: 'Z04'/, ''));
    expect(() => loadC4cMapping(file)).toThrow(/resultReasons\.competitor: expected string \(missing\)/);
  });

  it('rejects unknown keys (typos) and bad owner emails', () => {
    expect(() => loadC4cMapping(withFile(good.replace('leadStatus:', 'leadStatuses:')))).toThrow(
      /unknown key\(s\) leadStatuses/,
    );
    expect(() => loadC4cMapping(withFile(good.replace('alexw@example.com', 'alexw')))).toThrow(
      /owners\.alexw: Invalid email/,
    );
  });

  it('account look-up: the shipped file and a file without the block are conservative (external reference only)', () => {
    const shipped = loadC4cMapping(MAPPING_FILE);
    expect(shipped.account).toEqual({
      lookup: 'externalId',
      externalRef: { field: 'ExternalID', value: 'hubspot:{portalId}:company:{companyId}' },
    });
    expect(accountExternalRef(shipped, 62515, '201')).toBe('hubspot:62515:company:201');
    const text = good.replace(/\naccount:\n(?:[ #].*\n|\n)*?(?=\S)/, '\n');
    expect(text).not.toMatch(/^account:|lookup:/m);
    const withoutBlock = loadC4cMapping(withFile(text));
    expect(withoutBlock.account).toEqual(shipped.account);
  });

  it('account look-up: a bad mode, field or value names the key', () => {
    expect(() => loadC4cMapping(withFile(good.replace('lookup: externalId', 'lookup: fuzzy')))).toThrow(
      /: account\.lookup: Invalid enum value\. Expected 'off' \| 'externalId' \| 'externalIdThenName'/,
    );
    expect(() => loadC4cMapping(withFile(good.replace('field: ExternalID', "field: 'External ID'")))).toThrow(
      /: account\.externalRef\.field: expected an OData property name/,
    );
    expect(() =>
      loadC4cMapping(
        withFile(good.replace("value: 'hubspot:{portalId}:company:{companyId}'", "value: 'hubspot:{portalId}'")),
      ),
    ).toThrow(/: account\.externalRef\.value: must contain \{companyId\}/);
    expect(() =>
      loadC4cMapping(
        withFile(good.replace("value: 'hubspot:{portalId}:company:{companyId}'", "value: '{companyId}*'")),
      ),
    ).toThrow(/: account\.externalRef\.value: only \{portalId\} and \{companyId\}/);
    expect(() =>
      loadC4cMapping(withFile(good.replace('  lookup: externalId', '  lookup: externalId\n  lookups: off'))),
    ).toThrow(/: account: unknown key\(s\) lookups/);
  });

  it('reports unreadable YAML with the file name', () => {
    const file = withFile('leadStatus: [unclosed');
    expect(() => loadC4cMapping(file)).toThrow(file);
  });
});
