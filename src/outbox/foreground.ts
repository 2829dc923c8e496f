/**
 * Counts requests a person is waiting for (card actions, chat). The outbox worker starts no new jobs while
 * any are in flight, for at most `maxYieldMs` at a time, so a click is answered before background effects run.
 */
export class Foreground {
  private inflight = 0;
  private waiters: Array<() => void> = [];

  constructor(readonly maxYieldMs = 50) {}

  get busy(): boolean {
    return this.inflight > 0;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    this.inflight++;
    try {
      return await fn();
    } finally {
      if (--this.inflight === 0) this.release();
    }
  }

  /** Resolves when no request is in flight, or after maxYieldMs so background work never starves. */
  quiet(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(done, this.maxYieldMs);
      const waiters = this.waiters;
      function done() {
        clearTimeout(t);
        const i = waiters.indexOf(done);
        if (i >= 0) waiters.splice(i, 1);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  private release(): void {
    // Each done() removes itself from this.waiters, so walk a copy.
    for (const done of [...this.waiters]) done();
  }
}
