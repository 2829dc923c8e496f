/** Small HTTP helpers shared by the stand-in servers (Node's `http`, no framework). */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Query = Record<string, string | string[]>;

/** One request as the stand-in saw it; `status` is filled in once it has been answered. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, percent-decoded per segment (e.g. `/v3/conversations/a:1x/activities`). */
  path: string;
  query: Query;
  body: unknown;
  headers: Record<string, string | undefined>;
  at: number;
  status?: number;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function parseQuery(url: URL): Query {
  const q: Query = {};
  for (const [k, v] of url.searchParams) {
    const prev = q[k];
    q[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return q;
}

/** A query parameter as a list; repeated (`a=1&a=2`) and comma-separated (`a=1,2`) forms both count. */
export function queryList(q: Query, name: string): string[] | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

export function queryOne(q: Query, name: string): string | undefined {
  const v = q[name];
  return Array.isArray(v) ? v[0] : v;
}

export function decodePath(pathname: string): string {
  return pathname
    .split('/')
    .map((seg) => {
      try {
        return decodeURIComponent(seg);
      } catch {
        return seg;
      }
    })
    .join('/');
}

export async function readBody(req: http.IncomingMessage): Promise<{ raw: string; json: unknown }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return { raw, json: undefined };
  try {
    return { raw, json: JSON.parse(raw) };
  } catch {
    return { raw, json: raw };
  }
}

/**
 * Answers with JSON (objects) or text (strings). An empty-string body is sent without any
 * Content-Type, like a bare gateway error.
 */
export function send(
  res: http.ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.writableEnded || res.destroyed) return;
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  let payload = '';
  if (typeof body === 'string') {
    payload = body;
    if (body !== '' && !hasType) headers = { ...headers, 'content-type': 'text/plain; charset=utf-8' };
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    if (!hasType) headers = { ...headers, 'content-type': 'application/json; charset=utf-8' };
  }
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(payload)) });
  res.end(payload);
}

export function headersOf(req: http.IncomingMessage): Record<string, string | undefined> {
  const h: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) h[k] = Array.isArray(v) ? v.join(', ') : v;
  return h;
}

/** Reads the body, appends the request to `log` and fills in its status once it has been answered. */
export async function recordRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  path: string,
  log: RecordedRequest[],
): Promise<{ rec: RecordedRequest; raw: string }> {
  const { raw, json } = await readBody(req);
  const rec: RecordedRequest = {
    method: req.method ?? 'GET',
    path,
    query: parseQuery(url),
    body: json,
    headers: headersOf(req),
    at: Date.now(),
  };
  log.push(rec);
  res.on('finish', () => (rec.status = res.statusCode));
  return { rec, raw };
}

/** Listens on 127.0.0.1 (port 0 = any free port) and returns the bound port. */
export function listen(server: http.Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
