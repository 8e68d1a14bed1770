// Panel Import HAR of a generated 100 MB HAR in real Chromium (the built extension): time until the
// imported rows show (target < 5 s), and how long the panel's main thread was ever busy meanwhile:
// the largest gap between ticks of a 10 ms timer and Chromium's longest task (the panel stays
// responsive when both stay small). Rows arrive from the import worker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/support/browsers';
import { CHROME_DIR, ensureExtensionBuilt } from '../test/support/ensure-extension';
import { importAndWatch, openPanelPage, type ImportWatch } from '../test/support/import-har';
import { generateHar } from './generate-har';

export interface ImportBenchResult {
  readonly megabytes: number;
  readonly entries: number;
  readonly rounds: readonly ImportWatch[];
}

/** `extensionDir`: another build's Chromium extension (a baseline), else this worktree's, built if stale. */
export async function runImportBench(megabytes = 100, rounds = 3, extensionDir?: string): Promise<ImportBenchResult> {
  if (extensionDir === undefined) ensureExtensionBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-import-bench-'));
  try {
    const file = join(dir, 'large.har');
    const { entries, bytes } = await generateHar(file, megabytes * 1e6);
    const watches: ImportWatch[] = [];
    for (let r = 0; r < rounds; r++) {
      // A fresh browser each round: nothing cached from the round before.
      const launched = await launchChromium({ extensionDir: extensionDir ?? CHROME_DIR });
      try {
        watches.push(await importAndWatch(await openPanelPage(launched.browser), file, 120_000));
      } finally {
        await launched.close();
      }
    }
    return { megabytes: bytes / 1e6, entries, rounds: watches };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
