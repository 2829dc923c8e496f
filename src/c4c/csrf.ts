import { IntegrationError } from '../lib/integration-error.js';
import type { Http, HttpRequest, RawResponse } from './http.js';
import { errorFrom } from './odata-error.js';
import type { C4cLog } from './types.js';

/** Sends modifying requests with a CSRF token, fetching it (and the session cookies) first and once more on `403 x-csrf-token: Required`. */
export function createCsrfWriter(http: Http, log: C4cLog): (req: HttpRequest) => Promise<RawResponse> {
  let token: string | undefined;
  let pending: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const res = await http.send({ method: 'GET', path: '', headers: { 'x-csrf-token': 'fetch' } });
    if (res.status < 200 || res.status >= 300) throw errorFrom(res, 'CSRF token fetch');
    const t = res.headers.get('x-csrf-token');
    if (!t || isRequired(t)) {
      throw new IntegrationError('c4c', '36One: the service root sent no CSRF token', {
        status: res.status,
        permanent: true,
        code: 'CsrfTokenMissing',
      });
    }
    return t;
  }

  function currentToken(): Promise<string> {
    if (token) return Promise.resolve(token);
    pending ??= fetchToken()
      .then((t) => (token = t))
      .finally(() => (pending = undefined));
    return pending;
  }

  return async function write(req: HttpRequest): Promise<RawResponse> {
    for (let attempt = 1; ; attempt++) {
      const t = await currentToken();
      const res = await http.send({ ...req, headers: { ...req.headers, 'x-csrf-token': t } });
      if (res.status !== 403 || !isRequired(res.headers.get('x-csrf-token'))) return res;
      if (attempt > 1) {
        throw new IntegrationError('c4c', '36One: CSRF token rejected again after a fresh fetch (HTTP 403)', {
          status: 403,
          permanent: true,
          code: 'CsrfTokenRejected',
        });
      }
      log.info({ method: req.method, path: req.path }, '36One CSRF token expired; fetching a new one');
      if (token === t) {
        token = undefined;
        http.cookies.clear();
      }
    }
  };
}

function isRequired(header: string | null): boolean {
  return !!header && /required/i.test(header);
}
