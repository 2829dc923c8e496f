/**
 * Teams connector stand-in: a real HTTP server speaking the Bot Framework Connector REST API v3
 * the way Teams serves it. Use `serviceUrl` as the activities' `serviceUrl`; any (or no)
 * Authorization header is accepted.
 */
import http from 'node:http';
import { applyFault, FaultBook, type FaultSpec } from './faults.js';
import { closeServer, listen, type RecordedRequest, recordRequest, send, sleep } from './standin-http.js';
import { type ConnectorBehaviour, defaultConnectorFaultBody, handleV3 } from './teams-connector-routes.js';
import { handleTeamsControl } from './teams-control.js';
import {
  type ActivityEvent,
  type BlockError,
  type CardView,
  type ConversationRecord,
  personalConversationId,
  type StoredActivity,
  type TeamsMember,
  TeamsStore,
} from './teams-store.js';

export type { FaultSpec } from './faults.js';
export type {
  ActivityEvent,
  BlockError,
  CardView,
  ConversationRecord,
  StoredActivity,
  TeamRecord,
  TeamsMember,
} from './teams-store.js';
export { ADAPTIVE_CARD, adaptiveCardsOf, personalConversationId } from './teams-store.js';

export interface TeamsConnectorOptions {
  port?: number;
  /** Path part of `serviceUrl`, like Teams' regional `/emea/`. */
  pathPrefix?: string;
  latencyMs?: number;
  memberIdField?: ConnectorBehaviour['memberIdField'];
  maxMessageBytes?: number;
}

export interface TeamsConnector {
  /** e.g. `http://127.0.0.1:PORT/emea/`: what Teams puts in `activity.serviceUrl`. */
  readonly serviceUrl: string;
  /** Server root (control API under `${url}/_standin/`). */
  readonly url: string;
  readonly port: number;
  latencyMs: number;
  readonly behaviour: ConnectorBehaviour;
  readonly requests: RecordedRequest[];
  readonly store: TeamsStore;
  addMember(m: TeamsMember): void;
  /** Registers a team (for `/v3/teams/{id}`) and its General channel conversation. */
  addTeam(t: {
    id: string;
    name: string;
    aadGroupId?: string;
    channels?: Array<{ id: string; name: string | null }>;
    memberIds?: string[];
  }): void;
  personalConversationId(userId: string): string;
  /** Current versions of a conversation's activities (deleted ones included, flagged). */
  activities(conversationId: string): StoredActivity[];
  allActivities(): StoredActivity[];
  /** Adaptive cards in current, not deleted activities. */
  cards(conversationId?: string): CardView[];
  /** Sequence number of the latest event; pass it as `since` to `waitFor` to also see events after that point that already happened. */
  mark(): number;
  waitFor(pred: (e: ActivityEvent) => boolean, timeoutMs?: number, opts?: { since?: number }): Promise<ActivityEvent>;
  /** Makes sends, replies and updates in the conversation answer 403 (default: ConversationBlockedByUser). */
  block(conversationId: string, error?: BlockError): void;
  unblock(conversationId: string): void;
  fault(spec: FaultSpec): void;
  clearFaults(): void;
  clearRequests(): void;
  reset(): void;
  close(): Promise<void>;
}

export const BLOCKED_BY_USER: BlockError = {
  code: 'ConversationBlockedByUser',
  message: 'User blocked the conversation with the bot.',
};

export async function startTeamsConnector(opts: TeamsConnectorOptions = {}): Promise<TeamsConnector> {
  const faults = new FaultBook();
  const requests: RecordedRequest[] = [];
  const behaviour: ConnectorBehaviour = {
    memberIdField: opts.memberIdField ?? 'objectId',
    maxMessageBytes: opts.maxMessageBytes ?? 28 * 1024,
  };
  const prefix = (opts.pathPrefix ?? 'emea').replace(/^\/+|\/+$/g, '');
  let store = new TeamsStore();

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = url.pathname.split('/').filter(Boolean);
    const v3 = raw.indexOf('v3');
    const segs = (v3 >= 0 ? raw.slice(v3 + 1) : raw).map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    const path = v3 >= 0 ? `/v3/${segs.join('/')}` : `/${segs.join('/')}`;
    const { rec, raw: rawBody } = await recordRequest(req, res, url, path, requests);
    const json = rec.body;
    try {
      if (v3 < 0 && segs[0] === '_standin') return await handleTeamsControl(connector, rec, res, segs.slice(1));
      if (connector.latencyMs) await sleep(connector.latencyMs);
      const fault = faults.take(rec.method, path);
      if (fault && (await applyFault(fault, req, res, defaultConnectorFaultBody))) return;
      if (v3 < 0)
        return send(res, 404, { error: { code: 'NotFound', message: `Not a connector path: ${url.pathname}` } });
      const reply = handleV3(store, behaviour, rec.method, segs, rec.query, json, Buffer.byteLength(rawBody));
      send(res, reply.status, reply.body, reply.headers);
    } catch (e) {
      send(res, 500, { error: { code: 'ServiceError', message: `stand-in error: ${(e as Error).message}` } });
    }
  });

  const port = await listen(server, opts.port ?? 0);
  const conv = (id: string): ConversationRecord => {
    const c =
      store.conversation(id) ??
      store.ensureConversation(id, { conversationType: id.startsWith('a:') ? 'personal' : 'channel' });
    return c;
  };

  const connector: TeamsConnector = {
    serviceUrl: `http://127.0.0.1:${port}/${prefix ? `${prefix}/` : ''}`,
    url: `http://127.0.0.1:${port}`,
    port,
    latencyMs: opts.latencyMs ?? 0,
    behaviour,
    requests,
    get store() {
      return store;
    },
    addMember: (m) => store.addMember(m),
    addTeam(t) {
      // Registering a team again (as each channel activity does) adds channels and keeps its roster.
      const known = store.teams.get(t.id);
      const channels = [...(known?.channels ?? [])];
      for (const ch of t.channels ?? [{ id: t.id, name: null }])
        if (!channels.some((c) => c.id === ch.id)) channels.push(ch);
      store.teams.set(t.id, {
        id: t.id,
        name: t.name,
        aadGroupId: t.aadGroupId ?? known?.aadGroupId ?? '00000000-0000-0000-0000-000000000000',
        channels,
      });
      const memberIds = t.memberIds ?? store.conversations.get(t.id)?.memberIds;
      for (const ch of channels) {
        const conv = store.ensureConversation(ch.id, {
          conversationType: 'channel',
          ...(memberIds ? { memberIds } : {}),
        });
        if (t.memberIds) conv.memberIds = t.memberIds;
      }
    },
    personalConversationId,
    activities: (id) => [...(store.conversations.get(id)?.activities ?? [])],
    allActivities: () => store.allActivities(),
    cards: (id) => store.cards(id),
    mark: () => store.lastSeq,
    waitFor: (pred, timeoutMs, o) => store.waitFor(pred, timeoutMs, o?.since),
    block: (id, error = BLOCKED_BY_USER) => void (conv(id).blocked = error),
    unblock: (id) => void delete conv(id).blocked,
    fault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    clearRequests: () => void requests.splice(0),
    reset() {
      store = new TeamsStore();
      faults.clear();
      requests.splice(0);
    },
    close: () => closeServer(server),
  };
  return connector;
}
