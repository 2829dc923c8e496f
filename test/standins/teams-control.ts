/**
 * `/_standin/*` control API of the Teams connector stand-in (for a bot in another process):
 *   GET    /_standin/activities      ?conversationId=   → StoredActivity[]
 *   GET    /_standin/cards           ?conversationId=   → CardView[]
 *   GET    /_standin/events          ?since=<seq>&wait=<ms>&conversationId=&kind=sent|updated|deleted
 *                                    → ActivityEvent[] after `since`; long-polls up to `wait` ms for the next one
 *   GET    /_standin/conversations
 *   POST   /_standin/members         TeamsMember | TeamsMember[]
 *   POST   /_standin/teams           {id, name, aadGroupId?, channels?, memberIds?}
 *   POST   /_standin/block           {conversationId, code?, message?}
 *   POST   /_standin/unblock         {conversationId}
 *   POST   /_standin/faults          FaultJson | FaultJson[]   (`pathRegex` for a RegExp)
 *   DELETE /_standin/faults
 *   GET    /_standin/requests        ?since=<index>   (connector calls only unless ?all=1)
 *   DELETE /_standin/requests
 *   POST   /_standin/config          {latencyMs?, memberIdField?, maxMessageBytes?}
 *   POST   /_standin/reset
 */
import type http from 'node:http';
import { type FaultJson, faultFromJson } from './faults.js';
import { queryOne, type RecordedRequest, send } from './standin-http.js';
import type { TeamsConnector } from './teams-connector.js';
import type { ActivityEvent, TeamsMember } from './teams-store.js';

export async function handleTeamsControl(
  c: TeamsConnector,
  r: RecordedRequest,
  res: http.ServerResponse,
  segs: string[],
): Promise<void> {
  const route = `${r.method} /${segs.join('/')}`;
  const body = (r.body ?? {}) as Record<string, unknown>;
  const cid = queryOne(r.query, 'conversationId');
  try {
    switch (route) {
      case 'GET /activities':
        return send(res, 200, cid ? c.activities(cid) : c.allActivities());
      case 'GET /cards':
        return send(res, 200, c.cards(cid));
      case 'GET /events':
        return send(res, 200, await events(c, r));
      case 'GET /conversations':
        return send(
          res,
          200,
          [...c.store.conversations.values()].map(({ activities, ...rest }) => ({
            ...rest,
            activityCount: activities.length,
          })),
        );
      case 'POST /members':
        (Array.isArray(r.body) ? (r.body as TeamsMember[]) : [body as unknown as TeamsMember]).forEach((m) =>
          c.addMember(m),
        );
        return send(res, 200, { ok: true });
      case 'POST /teams':
        c.addTeam(body as Parameters<TeamsConnector['addTeam']>[0]);
        return send(res, 200, { ok: true });
      case 'POST /block':
        c.block(
          String(body.conversationId),
          body.code ? { code: String(body.code), message: String(body.message ?? '') } : undefined,
        );
        return send(res, 200, { ok: true });
      case 'POST /unblock':
        c.unblock(String(body.conversationId));
        return send(res, 200, { ok: true });
      case 'POST /faults': {
        const list = Array.isArray(r.body) ? (r.body as FaultJson[]) : [body as FaultJson];
        list.forEach((f) => c.fault(faultFromJson(f)));
        return send(res, 200, { ok: true, added: list.length });
      }
      case 'DELETE /faults':
        c.clearFaults();
        return send(res, 200, { ok: true });
      case 'GET /requests': {
        const since = Number(queryOne(r.query, 'since') ?? 0) || 0;
        const all = queryOne(r.query, 'all') === '1';
        return send(
          res,
          200,
          c.requests.slice(since).filter((x) => all || x.path.startsWith('/v3/')),
        );
      }
      case 'DELETE /requests':
        c.clearRequests();
        return send(res, 200, { ok: true });
      case 'POST /config':
        if (typeof body.latencyMs === 'number') c.latencyMs = body.latencyMs;
        if (body.memberIdField)
          c.behaviour.memberIdField = body.memberIdField as TeamsConnector['behaviour']['memberIdField'];
        if (typeof body.maxMessageBytes === 'number') c.behaviour.maxMessageBytes = body.maxMessageBytes;
        return send(res, 200, { ok: true });
      case 'POST /reset':
        c.reset();
        return send(res, 200, { ok: true });
      default:
        return send(res, 404, { error: `unknown control route ${route}` });
    }
  } catch (e) {
    send(res, 400, { error: (e as Error).message });
  }
}

async function events(c: TeamsConnector, r: RecordedRequest): Promise<ActivityEvent[]> {
  const since = Number(queryOne(r.query, 'since') ?? 0) || 0;
  const wait = Number(queryOne(r.query, 'wait') ?? 0) || 0;
  const cid = queryOne(r.query, 'conversationId');
  const kind = queryOne(r.query, 'kind');
  const pred = (e: ActivityEvent) => (!cid || e.conversationId === cid) && (!kind || e.kind === kind);
  const past = c.store.events.filter((e) => e.seq > since && pred(e));
  if (past.length || !wait) return past;
  return c.waitFor(pred, wait).then(
    (e) => [e],
    () => [],
  );
}
