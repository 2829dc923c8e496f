import { IntegrationError } from '../lib/integration-error.js';
import { CookieJar } from './cookie-jar.js';

export type Method = 'GET' | 'POST' | 'PATCH';

export interface HttpRequest {
  method: Method;
  /** Relative to the service root: `LeadCollection`, `LeadCollection('…')`, or '' for the root. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A response with its body already read (the timeout covers the body too). */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface HttpOptions {
  /** Service root with trailing slash. */
  root: string;
  username: string;
  password: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

export interface Http {
  send(req: HttpRequest): Promise<RawResponse>;
  readonly cookies: CookieJar;
}

/** HTTP to the 36One OData service: basic auth, `$format=json`, session cookies, timeout; network failures become transient errors. */
export function createHttp(o: HttpOptions): Http {
  const authorization = `Basic ${Buffer.from(`${o.username}:${o.password}`).toString('base64')}`;
  const cookies = new CookieJar();

  async function send(req: HttpRequest): Promise<RawResponse> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(req.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...req.headers,
      Authorization: authorization,
    };
    const cookie = cookies.header();
    if (cookie) headers.Cookie = cookie;

    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), o.timeoutMs);
    try {
      const res = await o.fetch(urlFor(o.root, req), {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: ac.signal,
      });
      const text = await res.text();
      cookies.store(res.headers);
      return { status: res.status, headers: res.headers, text };
    } catch (err) {
      const where = `${req.method} ${req.path || '/'}`;
      if (ac.signal.aborted) {
        throw new IntegrationError('c4c', `36One: no answer within ${o.timeoutMs} ms (${where})`, { code: 'Timeout' });
      }
      throw new IntegrationError('c4c', `36One: network error on ${where}: ${reason(err)}`, { code: 'NetworkError' });
    } finally {
      clearTimeout(timer);
    }
  }

  return { send, cookies };
}

/**
 * Builds `<root><path>?<query>&$format=json`, percent-encoding values (spaces as %20, as OData expects). `$metadata`
 * is XML only, so it gets no `$format`.
 */
export function urlFor(root: string, req: Pick<HttpRequest, 'path' | 'query'>): string {
  const params = req.path === '$metadata' ? { ...req.query } : { ...req.query, $format: 'json' };
  const qs = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return qs ? `${root}${req.path}?${qs}` : `${root}${req.path}`;
}

function reason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message ?? String(err);
}
