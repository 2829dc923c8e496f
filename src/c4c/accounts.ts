import { type AccountEntity, accountEntity } from './entities.js';
import type { ODataIo } from './entity-set.js';
import { accountExternalRef, type C4cMapping } from './mapping.js';
import { errorFrom } from './odata-error.js';
import { readJson, results } from './odata-json.js';
import { eqFilter } from './odata-values.js';
import type { AccountMatch, C4cLog, CompanyKey } from './types.js';

export const ACCOUNT_SET = 'CorporateAccountCollection';
/** Candidates read per query: enough to tell "exactly one" from "several" after the client-side check. */
const CANDIDATES = 10;

export type FindAccount = (key: CompanyKey | undefined) => Promise<AccountMatch>;

/**
 * Finds the 36One account of a HubSpot company, read-only and conservatively: first by the external reference the
 * mapping names; then (mode `externalIdThenName`) by the exact normalised company name. Only exactly one candidate
 * counts; several or none give no account. Every candidate the server returns is checked again here, because C4C
 * treats `*` in an `eq` value as a wildcard and may compare case-insensitively. A failed request throws (a 5xx is
 * transient), so no caller writes anything on an undecided look-up.
 */
export function createAccountFinder(read: ODataIo['read'], mapping: C4cMapping, log: C4cLog): FindAccount {
  const { lookup, externalRef } = mapping.account;
  const select = [...new Set(['ObjectID', 'AccountID', 'Name', externalRef.field])].join(',');

  async function candidates(field: string, value: string): Promise<AccountEntity[]> {
    const where = `${ACCOUNT_SET} look-up`;
    const res = await read({
      method: 'GET',
      path: ACCOUNT_SET,
      query: { $filter: eqFilter(field, value), $select: select, $top: String(CANDIDATES) },
    });
    if (res.status < 200 || res.status >= 300) throw errorFrom(res, where);
    return readJson(res, results(accountEntity), where).d.results as AccountEntity[];
  }

  function decide(found: AccountEntity[], via: 'externalId' | 'name', key: CompanyKey): AccountMatch {
    const ids = [...new Set(found.map((a) => a.AccountID))];
    if (ids.length === 1) {
      log.info({ companyId: key.companyId, accountId: ids[0], via }, '36One account found');
      return { kind: 'found', accountId: ids[0]!, via };
    }
    if (ids.length > 1) {
      log.warn(
        { companyId: key.companyId, via, count: ids.length, accountIds: ids },
        '36One has several accounts for the company; none is used',
      );
      return { kind: 'ambiguous', count: ids.length };
    }
    return { kind: 'none' };
  }

  return async (key) => {
    if (lookup === 'off') return { kind: 'skipped', reason: 'off' };
    if (!key?.companyId) return { kind: 'skipped', reason: 'noCompany' };

    const ref = accountExternalRef(mapping, key.portalId, key.companyId);
    const byRef = decide(
      (await candidates(externalRef.field, ref)).filter((a) => a[externalRef.field] === ref),
      'externalId',
      key,
    );
    if (byRef.kind !== 'none' || lookup !== 'externalIdThenName') return logNone(byRef, key);

    const name = queryName(key.name);
    if (!name) return logNone({ kind: 'none' }, key);
    if (name.includes('*')) {
      log.warn(
        { companyId: key.companyId },
        'company name contains *, which 36One reads as a wildcard; no name look-up',
      );
      return { kind: 'none' };
    }
    const wanted = nameKey(name);
    return logNone(
      decide(
        (await candidates('Name', name)).filter((a) => nameKey(a.Name) === wanted),
        'name',
        key,
      ),
      key,
    );
  };

  function logNone(m: AccountMatch, key: CompanyKey): AccountMatch {
    if (m.kind === 'none') log.info({ companyId: key.companyId, lookup }, '36One account not found');
    return m;
  }
}

/** The company name as sent in `$filter`: Unicode NFC, whitespace collapsed and trimmed. */
export function queryName(name: string | null | undefined): string {
  return (name ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** What two names must share to count as the same: `queryName`, case-folded. */
export function nameKey(name: string | null | undefined): string {
  return queryName(name).toLocaleLowerCase('de-DE');
}
