import type { Request, Response } from 'restify';
import { verifyHubSpotSignature } from '../hubspot/signature.js';
import { parseWebhookBatch } from '../hubspot/webhook-events.js';
import type { WebhookCounts } from '../metrics.js';
import type { Deps } from '../services/deps.js';
import { groupCommitIntake, type IntakeResult } from '../services/lead/intake.js';

export interface WebhookRouteOptions {
  clientSecret: string;
  publicBaseUrl: string;
  onCounted?(c: WebhookCounts): void;
}

/**
 * POST /api/hubspot/webhook: verify, validate, store durably, answer. Processing happens afterwards
 * in the outbox, so HubSpot gets its 2xx in milliseconds.
 */
export function webhookRoute(deps: Deps, o: WebhookRouteOptions) {
  const accept = groupCommitIntake(deps);
  const noticeIgnored = ignoredOnlyNotice(deps);
  return async (req: Request, res: Response) => {
    const rawBody = Buffer.isBuffer(req.body)
      ? req.body.toString('utf8')
      : typeof req.body === 'string'
        ? req.body
        : '';
    const sig = verifyHubSpotSignature(
      { method: req.method ?? 'POST', url: req.url ?? '', rawBody, headers: req.headers },
      o.clientSecret,
      o.publicBaseUrl,
      deps.clock.now(),
    );
    if (!sig.ok) {
      deps.log.warn({ reason: sig.reason }, 'webhook refused: signature');
      o.onCounted?.({ received: 0, duplicates: 0, rejected: 1 });
      res.send(401, { error: 'invalid_signature', message: `HubSpot signature rejected: ${sig.reason}` });
      return;
    }
    const parsed = parseWebhookBatch(rawBody);
    if (!parsed.ok) {
      o.onCounted?.({ received: 0, duplicates: 0, rejected: 1 });
      res.send(400, { error: 'invalid_body', message: parsed.message });
      return;
    }
    try {
      const r = await accept(parsed.events);
      o.onCounted?.({ received: r.received, duplicates: r.duplicates, rejected: 0, ignored: r.ignored });
      noticeIgnored(r);
      res.send(200, { received: r.received, duplicates: r.duplicates });
    } catch (err) {
      // Not stored: HubSpot must retry, so say so with a 503 rather than a 2xx.
      deps.log.error({ err: String(err) }, 'webhook: storing events failed');
      res.send(503, { error: 'unavailable', message: 'Events could not be stored; please retry.' });
    }
  };
}

/**
 * Warns once per portal (and process) when a portal has sent only events LeadBridge ignores so far: most likely
 * its app subscribes to the wrong objects or changes, and no contact will ever be evaluated.
 */
function ignoredOnlyNotice(deps: Deps) {
  const settled = new Set<number>(); // portals that sent a usable event, or were warned about
  return (r: IntakeResult) => {
    for (const p of r.usedPortals) settled.add(p);
    for (const e of r.ignored) {
      if (settled.has(e.portalId)) continue;
      settled.add(e.portalId);
      const seen = r.ignored.filter((x) => x.portalId === e.portalId);
      const kinds = [...new Set(seen.map((x) => `${x.type} (${x.reason})`))].join(', ');
      deps.log.warn(
        { portalId: e.portalId, ignored: kinds },
        "webhook: this HubSpot portal has sent only events LeadBridge does not evaluate; check the app's webhook subscriptions (contacts: object.* with objectType contact, or contact.*)",
      );
    }
  };
}
