/** 36One (SAP Sales Cloud): the service root answers the communication user, and hands out a CSRF token for writes. */

import { createHttp, type Http } from '../../c4c/http.js';
import { type C4cMapping, loadC4cMapping } from '../../c4c/mapping.js';
import { createMetadataReader, type MetadataReader, type ServiceMetadata } from '../../c4c/metadata.js';
import { type CodeListCheck, checkCodeList, checkMetadata, codeListChecks } from '../../c4c/metadata-check.js';
import type { Config } from '../../config.js';
import { IntegrationError } from '../../lib/integration-error.js';
import { type Check, fail, listed, type Outcome, ok, skip } from '../types.js';
import { c4cMappingCheck } from './files.js';

type C4cConfig = NonNullable<Config['c4c']>;

const ROOT_FIX = 'C4C_BASE_URL must be the OData service root, e.g. https://<tenant>/sap/c4c/odata/v1/c4codataapi/';

/** What an answer from the service root other than 2xx means. */
function rootFailure(status: number, where: string): Outcome {
  if (status === 401)
    return fail(
      `user or password rejected (401) at ${where}`,
      'check C4C_USERNAME and C4C_PASSWORD (the communication user of the 36One communication arrangement)',
    );
  if (status === 403)
    return fail(
      `access denied (403) at ${where}`,
      "give the communication user access to the c4codataapi service (its communication arrangement's services)",
    );
  if (status === 404) return fail(`no OData service at ${where} (404)`, ROOT_FIX);
  return fail(`HTTP ${status} at ${where}`, "see 36One's status and the detail; run the check again");
}

/** Network errors and timeouts: `unreachable: ECONNREFUSED`. */
function unreachable(err: unknown): Outcome {
  if (!(err instanceof IntegrationError)) throw err;
  const reason = err.code === 'NetworkError' ? err.message.split(': ').pop() : err.message.replace(/^36One: /, '');
  return fail(`unreachable: ${reason}`, `check C4C_BASE_URL and the outbound network (proxy, firewall); ${ROOT_FIX}`);
}

export function c4cChecks(c4c: C4cConfig | undefined, o: { timeoutMs: number }): Check[] {
  if (!c4c)
    return [
      {
        id: 'c4c',
        name: '36One',
        run: async () => skip('not configured (C4C_BASE_URL unset): leads stay in HubSpot and Teams'),
      },
    ];
  const root = c4c.baseUrl.endsWith('/') ? c4c.baseUrl : `${c4c.baseUrl}/`;
  // A little under the check's own timeout, so the answer names the request that hung.
  const http: Http = createHttp({
    root,
    username: c4c.username,
    password: c4c.password,
    timeoutMs: Math.round(o.timeoutMs * 0.9),
    fetch: globalThis.fetch,
  });

  // One GET of the service root with "x-csrf-token: fetch" answers both the root and the CSRF check (C4C hands the
  // token out on any GET that asks for it — C4CODATAAPIDEVGUIDE README, "CSRF token").
  let rootAnswer: ReturnType<Http['send']> | undefined;
  const getRoot = () => (rootAnswer ??= http.send({ method: 'GET', path: '', headers: { 'x-csrf-token': 'fetch' } }));

  const reader = createMetadataReader(http);
  let metadata: Promise<ServiceMetadata> | undefined;
  const readMetadata = () => (metadata ??= reader.metadata()); // one read of $metadata serves every check below
  let loaded: C4cMapping | undefined;
  const mapping = () => (loaded ??= loadC4cMapping(c4c.mappingFile)); // loaded once for every check that needs it

  return [
    c4cMappingCheck(c4c.mappingFile, mapping),
    {
      id: 'c4c.root',
      name: '36One service root',
      async run() {
        if (!c4c.username || !c4c.password)
          return fail(
            'C4C_USERNAME or C4C_PASSWORD is not set',
            'set both to the communication user of the 36One communication arrangement',
          );
        try {
          const res = await getRoot();
          return res.status >= 200 && res.status < 300
            ? ok(`${root} answers user ${c4c.username}`)
            : rootFailure(res.status, root);
        } catch (err) {
          return unreachable(err);
        }
      },
    },
    {
      id: 'c4c.csrf',
      name: '36One CSRF token',
      needs: ['c4c.root'],
      async run() {
        try {
          const res = await getRoot();
          if (res.status < 200 || res.status >= 300) return rootFailure(res.status, root);
          const token = res.headers.get('x-csrf-token');
          if (!token || /required/i.test(token)) {
            return fail(
              'the service root sent no x-csrf-token header: LeadBridge could not write leads',
              'check that nothing between LeadBridge and 36One (proxy, gateway) drops the x-csrf-token header',
            );
          }
          return ok('fetched (writes can be sent)');
        } catch (err) {
          return unreachable(err);
        }
      },
    },
    {
      id: 'c4c.metadata',
      name: '36One $metadata',
      needs: ['c4c.root', 'c4c.mapping'],
      async run() {
        try {
          const missing = checkMetadata(await readMetadata(), mapping());
          if (!missing.length) return ok('every entity set, property and navigation LeadBridge reads or writes exists');
          return fail(
            `missing in the tenant: ${listed(missing)}`,
            'correct the names in C4C_MAPPING_FILE, or have the 36One administrator add the fields (extension fields end in _KUT/_SDK) to the c4codataapi service',
          );
        } catch (err) {
          return readFailure(err, '$metadata');
        }
      },
    },
    ...codeListsOf(mapping).map(
      (list): Check => ({
        id: `c4c.codes.${list.set}`,
        name: `36One codes ${list.property}`,
        needs: ['c4c.root', 'c4c.mapping'],
        async run() {
          try {
            return await codeListOutcome(list, await readMetadata(), reader);
          } catch (err) {
            return readFailure(err, list.set);
          }
        },
      }),
    ),
  ];
}

/** The code lists of the mapping when it loads (its own check reports it otherwise). */
function codeListsOf(mapping: () => C4cMapping): CodeListCheck[] {
  try {
    return codeListChecks(mapping());
  } catch {
    return [];
  }
}

/** A code list the tenant does not expose cannot be checked; one it exposes must hold every code of the mapping. */
async function codeListOutcome(list: CodeListCheck, doc: ServiceMetadata, reader: MetadataReader): Promise<Outcome> {
  if (!list.codes.length) return skip(`the mapping sets no ${list.mappingKey}`);
  const r = await checkCodeList(reader, doc, list);
  if (r.status === 'notCheckable')
    return skip(`the tenant does not expose ${list.set}: compare ${list.mappingKey} (${listed(list.codes)}) by hand`);
  if (r.status === 'ok') return ok(`${listed(list.codes)} in ${list.set}`);
  return fail(
    `${list.mappingKey}: ${listed(r.missing)} not in ${list.set}`,
    `use codes from ${list.set} in C4C_MAPPING_FILE (${list.mappingKey}), or have the 36One administrator add them`,
  );
}

/** Why reading `$metadata` or a code list (`where`) failed: an HTTP refusal, an answer that is no service, or the network. */
function readFailure(err: unknown, where: string): Outcome {
  if (!(err instanceof IntegrationError)) throw err;
  if (err.code === 'NotMetadata') return fail(err.message, ROOT_FIX);
  if (err.status && err.status >= 300) return rootFailure(err.status, where);
  if (err.status) return fail(err.message.replace(/^36One: /, ''), ROOT_FIX); // a 2xx that is not what C4C sends
  return unreachable(err);
}
