// Polling for end-to-end tests: puppeteer's waitForFunction/waitForSelector have hung in DevTools
// panels and service workers here (no animation frames; see ARCHITECTURE.md), so tests poll with
// plain evaluations instead.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Reads until `done` holds; throws with the last value after `timeoutMs`. */
export async function until<T>(read: () => T | Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first file in `dir` ending in `suffix`: Chromium writes `<name>.crdownload` and renames it when the download is done. */
export async function waitForDownload(dir: string, suffix: string, timeoutMs = 15_000): Promise<string> {
  const names = await until(() => readdirSync(dir), (all) => all.some((n) => n.endsWith(suffix)), `a ${suffix} download in ${dir}`, timeoutMs);
  return join(dir, names.find((n) => n.endsWith(suffix)) as string);
}
