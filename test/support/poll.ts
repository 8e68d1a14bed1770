// Polling for end-to-end tests: puppeteer's waitForFunction/waitForSelector have hung in DevTools
// panels and service workers here (no animation frames; see ARCHITECTURE.md), so tests poll with
// plain evaluations instead.

/** Reads until `done` holds; throws with the last value after `timeoutMs`. */
export async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
