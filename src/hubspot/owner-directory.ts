import type { Owner } from '../domain/model.js';
import type { Clock } from '../lib/clock.js';

export interface OwnerDirectoryOptions {
  /** Reads every owner, active (`archived` false) or archived, across all pages. */
  list(archived: boolean): Promise<Owner[]>;
  clock: Clock;
  /** How long a read list is trusted (the list is read again on the next ask after that; 0 = every ask). */
  maxAgeMs: number;
  /** After a failed read, the list read before answers for this long before the next try (default 10 s). */
  retryMs?: number;
}

export interface OwnerDirectory {
  /** The owner (archived ones with `archived: true`), or null when HubSpot has no owner with this id. */
  get(id: string): Promise<Owner | null>;
  /** Reads the whole list now (calls in flight share one read); returns the active owners. */
  refresh(): Promise<Owner[]>;
}

/**
 * All HubSpot owners from one paged listing (`GET /crm/v3/owners`, active and archived) instead of one call per
 * owner: a burst of leads for 100 owners on a cold cache costs two calls, not 100.
 */
export function ownerDirectory(o: OwnerDirectoryOptions): OwnerDirectory {
  const retryMs = o.retryMs ?? 10_000;
  let byId = new Map<string, Owner>();
  let active: Owner[] = [];
  let readAt = Number.NEGATIVE_INFINITY;
  let triedAt = Number.NEGATIVE_INFINITY;
  /** Counts the successful reads. */
  let generation = 0;
  let reading: Promise<Owner[]> | undefined;
  /** Ids a read made for them did not hold either (with its generation): not read again for them until the next. */
  const unknown = new Map<string, number>();
  /** One settled promise per owner and read: asking again hands out the same one (metrics count a call once). */
  const answers = new Map<string, Promise<Owner | null>>();

  function refresh(): Promise<Owner[]> {
    reading ??= (async () => {
      const startedAt = o.clock.now();
      triedAt = startedAt;
      try {
        const [current, archived] = await Promise.all([o.list(false), o.list(true)]);
        const next = new Map<string, Owner>();
        for (const x of archived) next.set(x.id, { ...x, archived: true });
        for (const x of current) next.set(x.id, x);
        byId = next;
        unknown.clear();
        answers.clear();
        active = current;
        readAt = startedAt;
        generation++;
        return current;
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  }

  /**
   * Reads the list again when it is older than `maxAgeMs`. When that fails, the list read before still answers
   * (`tolerant`; tried again after `retryMs`), unless there is none: then the failure is thrown and the caller retries.
   */
  async function fresh(maxAgeMs: number, tolerant: boolean): Promise<void> {
    if (reading) await reading.catch(() => undefined);
    const now = o.clock.now();
    const known = readAt > Number.NEGATIVE_INFINITY;
    if (known && now - readAt < maxAgeMs) return;
    if (known && tolerant && now - triedAt < retryMs) return;
    try {
      await refresh();
    } catch (err) {
      if (!tolerant || readAt === Number.NEGATIVE_INFINITY) throw err;
    }
  }

  async function lookUp(id: string): Promise<Owner | null> {
    const asked = generation;
    await fresh(o.maxAgeMs, true);
    const hit = byId.get(id);
    if (hit) return hit;
    // An owner added since the last read: one more read of the list, shared by everyone missing meanwhile; an id
    // that read (or one made while this ask waited) did not hold is not read for again until the next regular read.
    if (unknown.get(id) === generation) return null;
    const before = generation;
    if (reading) await reading.catch(() => undefined);
    if (generation === before && generation === asked) await refresh();
    const found = byId.get(id);
    if (!found) unknown.set(id, generation);
    return found ?? null;
  }

  return {
    get(id) {
      const hit = !reading && o.clock.now() - readAt < o.maxAgeMs ? byId.get(id) : undefined;
      if (!hit) {
        const looked = lookUp(id);
        looked.then(
          (x) => x && answers.set(id, looked),
          () => undefined,
        );
        return looked;
      }
      const answer = answers.get(id) ?? Promise.resolve(hit);
      answers.set(id, answer);
      return answer;
    },
    async refresh() {
      await refresh();
      return active;
    },
  };
}
