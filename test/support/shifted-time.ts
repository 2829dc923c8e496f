/**
 * Proof that tests hold at any hour: with `TEST_FAKE_NOW` (an ISO instant, e.g. `2026-11-27T00:30:00Z`) the test
 * process's `Date` runs from that instant on (real elapsed time added), so code that reads the wall clock sees that hour.
 * Loaded by `vitest.any-hour.config.ts`; does nothing without the variable. Child processes keep the real time.
 */
const fakeNow = process.env.TEST_FAKE_NOW;
if (fakeNow) {
  const target = Date.parse(fakeNow);
  if (Number.isNaN(target)) throw new Error(`TEST_FAKE_NOW is not an ISO instant: ${fakeNow}`);
  const RealDate = Date;
  const shift = target - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + shift);
      else super(...(args as [string]));
    }
    static now(): number {
      return RealDate.now() + shift;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
