import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Foreground } from '../../src/outbox/foreground.js';

function deferred<T = void>() {
  let resolve!: (v: T) => void, reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Tracks whether a promise has settled, without awaiting it. */
function watch(p: Promise<unknown>) {
  const s = { settled: false };
  void p.then(() => {
    s.settled = true;
  });
  return s;
}

describe('Foreground', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is quiet at once when no request is in flight', async () => {
    const fg = new Foreground(50);
    expect(fg.busy).toBe(false);
    const q = watch(fg.quiet());
    await vi.advanceTimersByTimeAsync(0);
    expect(q.settled).toBe(true);
  });

  it('waits while a request is in flight and is quiet as soon as it ends', async () => {
    const fg = new Foreground(1_000);
    const req = deferred<string>();
    const run = fg.run(() => req.promise);
    expect(fg.busy).toBe(true);
    const q = watch(fg.quiet());
    await vi.advanceTimersByTimeAsync(500);
    expect(q.settled).toBe(false);
    req.resolve('answered');
    expect(await run).toBe('answered');
    await vi.advanceTimersByTimeAsync(0); // no time passes: the end of the request released it
    expect(q.settled).toBe(true);
    expect(fg.busy).toBe(false);
  });

  it('waits for the last of overlapping requests', async () => {
    const fg = new Foreground(1_000);
    const a = deferred(),
      b = deferred();
    void fg.run(() => a.promise);
    void fg.run(() => b.promise);
    const q = watch(fg.quiet());
    a.resolve();
    await vi.advanceTimersByTimeAsync(10);
    expect(fg.busy).toBe(true);
    expect(q.settled).toBe(false);
    b.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(q.settled).toBe(true);
  });

  // KNOWN BUG (src/outbox/foreground.ts, release()): each waiter's done() splices itself out of the very array
  // release() is iterating, so every second waiter is skipped and only freed by its maxYieldMs timer.
  // Harmless today (the worker is the only waiter); turn `it.fails` into `it` once release() iterates a copy.
  it('frees every waiter when the request ends, not only every second one', async () => {
    const fg = new Foreground(1_000);
    const req = deferred();
    void fg.run(() => req.promise);
    const waits = [watch(fg.quiet()), watch(fg.quiet()), watch(fg.quiet())];
    req.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(waits.map((q) => q.settled)).toEqual([true, true, true]); // observed: [true, false, true]
  });

  it('gives up waiting after maxYieldMs when a request never ends', async () => {
    const fg = new Foreground(80);
    void fg.run(() => new Promise(() => {}));
    const q = watch(fg.quiet());
    await vi.advanceTimersByTimeAsync(79);
    expect(q.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(q.settled).toBe(true);
    expect(fg.busy).toBe(true);
    // Each wait is bounded on its own.
    const again = watch(fg.quiet());
    await vi.advanceTimersByTimeAsync(79);
    expect(again.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(again.settled).toBe(true);
  });

  it('releases when the request fails, and passes the error on', async () => {
    const fg = new Foreground(1_000);
    const req = deferred();
    const run = fg.run(() => req.promise);
    const q = watch(fg.quiet());
    req.reject(new Error('card action failed'));
    await expect(run).rejects.toThrow('card action failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(q.settled).toBe(true);
    expect(fg.busy).toBe(false);
    // A function that throws before returning a promise is released too.
    await expect(
      fg.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(fg.busy).toBe(false);
  });
});
