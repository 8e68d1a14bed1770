// `npm start` is the README's main job: the demo (scripts/demo.ts) must end with the CORS panel
// listing the demo's traffic, headless as on CI. It once loaded the page before DevTools had
// started recording the tab and still "succeeded" with an empty panel.

import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ensureExtensionBuilt, ROOT } from '../support/ensure-extension';

test('the headless demo records the demo page from DevTools and screenshots a panel that lists it', () => {
  ensureExtensionBuilt();
  const out = join(ROOT, '.tmp', 'start-demo-e2e.png');
  rmSync(out, { force: true });
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'demo.ts'), '--headless', '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 150_000,
    env: { ...process.env, DISPLAY: '' },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const listed = /the CORS panel lists (\d+) cross-origin exchanges, (\d+) blocked/.exec(run.stdout);
  expect(listed, run.stdout).not.toBeNull();
  expect(Number(listed?.[1])).toBeGreaterThanOrEqual(20);
  expect(Number(listed?.[2])).toBeGreaterThan(0);
  expect(existsSync(out)).toBe(true);
});
