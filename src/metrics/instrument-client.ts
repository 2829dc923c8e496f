import type { Metrics } from '../metrics.js';

const isThenable = (x: unknown): x is Promise<unknown> => typeof (x as Promise<unknown> | null)?.then === 'function';

/**
 * Wraps an integration client (HubSpot, SalesCloud) so every call that returns a promise is timed and,
 * when it rejects, counted as an error under the method's name. Synchronous methods (like `recordUrl`)
 * pass through untouched.
 */
export function instrumentClient<T extends object>(metrics: Pick<Metrics, 'instrument'>, system: 'hubspot' | 'c4c', client: T): T {
  const wrapped = new Map<string, unknown>();
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      let w = wrapped.get(prop);
      if (!w) {
        w = function (this: unknown, ...args: unknown[]) {
          const result = value.apply(this, args);
          return isThenable(result) ? metrics.instrument(system, prop, () => result) : result;
        };
        wrapped.set(prop, w);
      }
      return w;
    },
  });
}
