import { createRequire } from 'node:module';

/**
 * Diagnostics only (`BENCH_WHAT_IF=stmt,intl`): applies a proposed fix from the outside, so its effect
 * can be measured before anyone changes src/. Never used by the benchmark figures themselves.
 *   stmt  reuse better-sqlite3 prepared statements by SQL text (Kysely prepares every query anew)
 *   intl  reuse Intl.DateTimeFormat instances by (locale, options) (src/cards/i18n.ts formatTime builds one per call)
 */
export function applyWhatIf(list: string | undefined): string[] {
  const on = (list ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  if (on.includes('stmt')) {
    const Database = createRequire(import.meta.url)('better-sqlite3');
    const prepare = Database.prototype.prepare;
    const caches = new WeakMap<object, Map<string, unknown>>();
    Database.prototype.prepare = function (sql: string) {
      let cache = caches.get(this);
      if (!cache) caches.set(this, (cache = new Map()));
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = prepare.call(this, sql);
        cache.set(sql, stmt);
        if (cache.size > 500) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    };
  }
  if (on.includes('intl')) {
    const Original = Intl.DateTimeFormat;
    const cache = new Map<string, Intl.DateTimeFormat>();
    const Cached = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      const key = JSON.stringify([locales, options]);
      let f = cache.get(key);
      if (!f) cache.set(key, (f = new Original(locales, options)));
      return f;
    } as unknown as typeof Intl.DateTimeFormat;
    Object.defineProperties(Cached, { supportedLocalesOf: { value: Original.supportedLocalesOf }, prototype: { value: Original.prototype } });
    Intl.DateTimeFormat = Cached;
  }
  return on;
}
