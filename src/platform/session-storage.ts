// storage.session: in memory only, cleared when the browser stops (Chrome 102+, Firefox 115+).
// The recorder keeps its bulk in IndexedDB and uses this only for a marker that tells a worker
// restart (marker present) from a new browser session (marker gone), see background/persistence.
import { browser } from './browser';

export async function readSessionValue(key: string): Promise<unknown> {
  const items = await browser.storage.session.get(key);
  return items[key];
}

export async function writeSessionValue(key: string, value: unknown): Promise<void> {
  await browser.storage.session.set({ [key]: value });
}
