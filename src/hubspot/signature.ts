import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_AGE_MS = 5 * 60_000;
/** Clock skew we tolerate for timestamps from the future. */
export const MAX_FUTURE_MS = 60_000;

export type SignatureResult = { ok: true; version: 'v3' | 'v1' } | { ok: false; reason: string };

export interface SignedRequest {
  method: string;
  /** Path and query as received, e.g. `/api/hubspot/webhook?x=1`. */
  url: string;
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
}

// HubSpot decodes these before signing (its docs list them); we must do the same.
const DECODED = ['%3A', '%2F', '%3F', '%40', '%21', '%24', '%27', '%28', '%29', '%2A', '%2C', '%3B'];
const decodeForSigning = (uri: string) =>
  DECODED.reduce((u, enc) => u.replace(new RegExp(enc, 'gi'), decodeURIComponent(enc)), uri);

const header = (h: SignedRequest['headers'], name: string) => {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function signV3(secret: string, method: string, uri: string, body: string, timestamp: string): string {
  return createHmac('sha256', secret)
    .update(`${method}${decodeForSigning(uri)}${body}${timestamp}`, 'utf8')
    .digest('base64');
}

export function signV1(secret: string, body: string): string {
  return createHash('sha256')
    .update(secret + body, 'utf8')
    .digest('hex');
}

/**
 * Verifies a HubSpot webhook request: v3 (HMAC over method + public URI + body + timestamp, within
 * 5 minutes) and v1 only when the v3 headers are absent. The URI is rebuilt from the public base URL
 * because behind a proxy the host we see is not the one HubSpot called.
 */
export function verifyHubSpotSignature(
  req: SignedRequest,
  secret: string,
  publicBaseUrl: string,
  now = Date.now(),
): SignatureResult {
  if (!secret) return { ok: false, reason: 'HUBSPOT_CLIENT_SECRET is not configured' };
  const v3 = header(req.headers, 'x-hubspot-signature-v3');
  const ts = header(req.headers, 'x-hubspot-request-timestamp');
  if (v3 || ts) {
    if (!v3 || !ts) return { ok: false, reason: 'incomplete v3 signature headers' };
    const t = Number(ts);
    if (!Number.isFinite(t)) return { ok: false, reason: 'invalid X-HubSpot-Request-Timestamp' };
    if (now - t > MAX_AGE_MS) return { ok: false, reason: 'timestamp older than 5 minutes' };
    if (t - now > MAX_FUTURE_MS) return { ok: false, reason: 'timestamp in the future' };
    const expected = signV3(secret, req.method.toUpperCase(), publicBaseUrl + req.url, req.rawBody, ts);
    return safeEqual(expected, v3) ? { ok: true, version: 'v3' } : { ok: false, reason: 'signature mismatch' };
  }
  const v1 = header(req.headers, 'x-hubspot-signature');
  const version = header(req.headers, 'x-hubspot-signature-version') ?? 'v1';
  if (!v1) return { ok: false, reason: 'missing signature' };
  if (version !== 'v1') return { ok: false, reason: `unsupported signature version ${version}` };
  return safeEqual(signV1(secret, req.rawBody), v1.toLowerCase())
    ? { ok: true, version: 'v1' }
    : { ok: false, reason: 'signature mismatch' };
}
