// Build the extension once before end-to-end tests, and only when `extension/` is missing or older
// than its sources: e2e files share this, and `fileParallelism: false` runs them one at a time,
// so the first caller builds and the rest find it fresh.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
/**
 * `CORS_LENS_EXTENSION_ROOT` points the tests at another already-built extension (a directory
 * holding `chrome/` and `firefox/`), e.g. to bisect a build; then nothing is built.
 */
const OVERRIDE = process.env['CORS_LENS_EXTENSION_ROOT'];
const EXTENSION_ROOT = OVERRIDE ? resolve(OVERRIDE) : join(ROOT, 'extension');
export const CHROME_DIR = join(EXTENSION_ROOT, 'chrome');
export const FIREFOX_DIR = join(EXTENSION_ROOT, 'firefox');

const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json', 'scripts/build.mjs', 'scripts/build-icons.mjs', 'LICENSE'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    // Tests do not go into the build; editing one must not force a rebuild.
    if (/\.test\.tsx?$/.test(name)) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

function builtAt(): number {
  const manifests = [join(CHROME_DIR, 'manifest.json'), join(FIREFOX_DIR, 'manifest.json')];
  if (!manifests.every((m) => existsSync(m))) return 0;
  return Math.min(...manifests.map((m) => statSync(m).mtimeMs));
}

export function isExtensionStale(): boolean {
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  return builtAt() < sourcesAt;
}

/** Runs `npm run build` when needed; throws with the build's output if it fails. */
export function ensureExtensionBuilt(): void {
  if (OVERRIDE || !isExtensionStale()) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
}
