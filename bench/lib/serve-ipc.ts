/** The child side of bench/lib/child.ts: report the port, answer usage/outbox questions, stop on request. */
export function serveIpc(port: number, o: { outbox?: () => Promise<unknown>; stop: () => Promise<void> }): void {
  process.on('message', async (m: any) => {
    if (!m?.id) return;
    let value: unknown;
    if (m.op === 'usage') value = { maxRssMb: process.resourceUsage().maxRSS / 1024, rssMb: process.memoryUsage().rss / 2 ** 20, cpu: process.cpuUsage() };
    if (m.op === 'outbox') value = o.outbox ? await o.outbox() : null;
    if (m.op === 'stop') {
      await o.stop();
      process.send?.({ id: m.id, value: true });
      // Exit (rather than wait for handles to drain) so a --cpu-prof profile is written at once.
      setImmediate(() => process.exit(0));
      return;
    }
    process.send?.({ id: m.id, value });
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ ready: true, port });
}
