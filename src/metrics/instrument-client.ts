import type { Metrics } from '../metrics.js';

const isThenable = (x: unknown): x is Promise<unknown> => typeof (x as Promise<unknown> | null)?.then === 'function';

/**
 * Wraps an integration client (HubSpot, SalesCloud) so every call that returns a promise is timed and,
 * when it rejects, counted as an error under the method's name. Synchronous methods (like `recordUrl`)
 * pass through untouched. A promise the client hands out again (a cached answer, e.g. HubSpot owners) was timed
 * when it was first made and is not counted as another call.
 */
export function instrumentClient<T extends object>(
  metrics: Pick<Metrics, 'instrument'>,
  system: 'hubspot' | 'c4c',
  client: T,
): T {
  const wrapped = new Map<string, unknown>();
  const timed = new WeakSet<object>();
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      let w = wrapped.get(prop);
      if (!w) {
        w = function (this: unknown, ...args: unknown[]) {
          const result = value.apply(this, args);
          if (!isThenable(result) || timed.has(result)) return result;
          timed.add(result);
          return metrics.instrument(system, prop, () => result);
        };
        wrapped.set(prop, w);
      }
      return w;
    },
  });
}
