/**
 * `/_standin/*` control API of the HubSpot stand-in, for tests that run the bot in another process:
 *   POST   /_standin/seed            {owners?, companies?, contacts?}
 *   POST   /_standin/faults          FaultJson | FaultJson[]   (`pathRegex` for a RegExp)
 *   DELETE /_standin/faults
 *   GET    /_standin/requests        ?since=<index>  (CRM calls only unless ?all=1)
 *   DELETE /_standin/requests
 *   GET    /_standin/contacts/{id}   → {id, properties, companyIds, archived, notes}
 *   PATCH  /_standin/contacts/{id}   {properties}   (a HubSpot user edits the contact)
 *   POST   /_standin/config          {latencyMs?, accessToken?}
 *   POST   /_standin/reset
 */
import type http from 'node:http';
import { type FaultJson, faultFromJson } from './faults.js';
import type { HubSpotStandin, SeedData } from './hubspot.js';
import { queryOne, type RecordedRequest, send } from './standin-http.js';

export async function handleHubSpotControl(
  s: HubSpotStandin,
  r: RecordedRequest,
  res: http.ServerResponse,
): Promise<void> {
  const sub = r.path.slice('/_standin'.length);
  const body = (r.body ?? {}) as Record<string, unknown>;
  const contact = sub.match(/^\/contacts\/([^/]+)$/);
  try {
    if (r.method === 'POST' && sub === '/seed') {
      s.seed(body as SeedData);
      return send(res, 200, { ok: true });
    }
    if (r.method === 'POST' && sub === '/faults') {
      const list = Array.isArray(r.body) ? (r.body as FaultJson[]) : [body as FaultJson];
      list.forEach((f) => s.fault(faultFromJson(f)));
      return send(res, 200, { ok: true, added: list.length });
    }
    if (r.method === 'DELETE' && sub === '/faults') {
      s.clearFaults();
      return send(res, 200, { ok: true });
    }
    if (r.method === 'GET' && sub === '/requests') {
      const since = Number(queryOne(r.query, 'since') ?? 0) || 0;
      const all = queryOne(r.query, 'all') === '1';
      return send(
        res,
        200,
        s.requests.slice(since).filter((x) => all || !x.path.startsWith('/_standin/')),
      );
    }
    if (r.method === 'DELETE' && sub === '/requests') {
      s.clearRequests();
      return send(res, 200, { ok: true });
    }
    if (r.method === 'GET' && contact) {
      const c = s.contact(contact[1]);
      return c ? send(res, 200, c) : send(res, 404, { error: `no contact ${contact[1]}` });
    }
    if (r.method === 'PATCH' && contact) {
      s.setContactProperties(contact[1], (body.properties ?? {}) as Record<string, string>);
      return send(res, 200, s.contact(contact[1]));
    }
    if (r.method === 'POST' && sub === '/config') {
      if (typeof body.latencyMs === 'number') s.latencyMs = body.latencyMs;
      if ('accessToken' in body) s.accessToken = (body.accessToken as string) || undefined;
      return send(res, 200, { ok: true, latencyMs: s.latencyMs });
    }
    if (r.method === 'POST' && sub === '/reset') {
      s.reset();
      return send(res, 200, { ok: true });
    }
    send(res, 404, { error: `unknown control route ${r.method} ${r.path}` });
  } catch (e) {
    send(res, 400, { error: (e as Error).message });
  }
}
