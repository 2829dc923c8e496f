/** Session cookies of one 36One session: kept from `Set-Cookie`, sent back as `Cookie`. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Remembers every cookie a response sets (name=value only; attributes are ignored). */
  store(headers: Headers): void {
    for (const line of setCookieLines(headers)) {
      const pair = line.split(';', 1)[0];
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  /** The `Cookie` request header, or undefined when there is no session yet. */
  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  clear(): void {
    this.cookies.clear();
  }
}

function setCookieLines(headers: Headers): string[] {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const joined = headers.get('set-cookie');
  // Fallback: split a joined header at commas that start a new `name=` pair (not inside Expires dates).
  return joined ? joined.split(/,(?=\s*[^;,=\s]+=)/) : [];
}
