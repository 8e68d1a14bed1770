// `npm run package` (scripts/package.mjs) end to end: what it writes to extension/store/ is what
// the stores take (image sizes, listings, zips with their license files), and the source package
// rebuilds the submitted Firefox zip byte for byte: unpacked into an empty directory, the commands
// of its REVIEWERS.md (npm ci, npm run build-for-amo) run there as an AMO reviewer would run them.
// The source package is HEAD: with uncommitted changes to the build's inputs the two can differ.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeIcon } from '../../scripts/build-icons.mjs';
import { AMO_LISTING, CHROME_LISTING, renderListing } from '../../scripts/store/listings.mjs';
import { FIREFOX_OUTPUT, uncommittedChanges } from '../../scripts/store/source-package.mjs';
import { LISTINGS, PROMO_TILE, SCREENSHOT, STORE_ICON, STORE_IMAGES, STORE_ZIPS } from '../../scripts/store/store-files.mjs';
import { ROOT } from '../support/ensure-extension';

const STORE = join(ROOT, 'extension', 'store');
const read = (name: string): Buffer => readFileSync(join(STORE, name));
const unzip = (name: string): Record<string, Uint8Array> => unzipSync(new Uint8Array(read(name)));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The child processes get this machine's Node first on PATH, and none of Vitest's or npm's own variables. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(VITEST|NODE_ENV$|TEST$|npm_lifecycle_|npm_package_)/.test(k)) env[k] = v;
  env['PATH'] = `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`;
  return env;
}

beforeAll(() => {
  // --allow-dirty: a developer's run with uncommitted changes still checks everything but the byte comparison's premise.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--allow-dirty'], { cwd: ROOT, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
}, 320_000);

describe('extension/store/', () => {
  const sizes: [string, { readonly width: number; readonly height: number }][] = [
    ...STORE_IMAGES.screenshots.map((name): [string, typeof SCREENSHOT] => [name, SCREENSHOT]),
    [STORE_IMAGES.promoTile, PROMO_TILE],
    [STORE_IMAGES.icon, { width: STORE_ICON.width, height: STORE_ICON.height }],
  ];
  test.each(sizes)('%s is exactly %o', (name, size) => {
    expect(pngSize(read(name))).toEqual(size);
  });

  test('the store icon is the drawn 128 px icon, with its margin', () => {
    expect(read(STORE_IMAGES.icon).equals(encodeIcon(STORE_ICON.width))).toBe(true);
  });

  test.each([
    [LISTINGS.chrome, 'CORS Lens: Chrome Web Store listing', CHROME_LISTING],
    [LISTINGS.amo, 'CORS Lens: addons.mozilla.org listing', AMO_LISTING],
  ] as const)('%s holds every field of the listing', (name, title, fields) => {
    expect(read(name).toString('utf8')).toBe(renderListing(title, fields));
  });

  test.each(['chrome', 'firefox'] as const)('the %s zip is the build, with LICENSE and the third-party notices of Preact and webextension-polyfill', (browser) => {
    expect(read(STORE_ZIPS[browser]).equals(readFileSync(join(ROOT, 'extension', STORE_ZIPS[browser])))).toBe(true);
    const files = unzip(STORE_ZIPS[browser]);
    expect(strFromU8(files['LICENSE'] ?? new Uint8Array())).toBe(readFileSync(join(ROOT, 'LICENSE'), 'utf8'));
    const notices = strFromU8(files['THIRD-PARTY-NOTICES.txt'] ?? new Uint8Array());
    expect(notices).toMatch(/^preact \S+\nLicense: MIT\n/m);
    expect(notices).toMatch(/^webextension-polyfill \S+\nLicense: MPL-2\.0\n/m);
    expect(notices).toContain('Mozilla Public License Version 2.0');
  });

  test('both manifests carry the minimum versions; no gecko_android', () => {
    const manifestOf = (zip: string) => JSON.parse(strFromU8(unzip(zip)['manifest.json'] ?? new Uint8Array())) as Record<string, unknown> & { browser_specific_settings?: Record<string, unknown> };
    const chrome = manifestOf(STORE_ZIPS.chrome);
    const firefox = manifestOf(STORE_ZIPS.firefox);
    expect(chrome['minimum_chrome_version']).toBe('120');
    for (const manifest of [chrome, firefox]) {
      expect(Object.keys(manifest.browser_specific_settings ?? {})).toEqual(['gecko']);
      expect(manifest.browser_specific_settings?.['gecko']).toMatchObject({ strict_min_version: '140.0' });
    }
  });
});

describe('the source package', () => {
  let dir: string;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("unpacked into an empty directory, REVIEWERS.md's commands rebuild the submitted Firefox zip byte for byte", () => {
    dir = mkdtempSync(join(tmpdir(), 'cors-lens-source-'));
    for (const [path, bytes] of Object.entries(unzip(STORE_ZIPS.source))) {
      if (path.endsWith('/')) continue;
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
    const reviewers = readFileSync(join(dir, 'REVIEWERS.md'), 'utf8');
    const commands = /```sh\n([\s\S]*?)```/.exec(reviewers)?.[1]?.trim().split('\n') ?? [];
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const run = spawnSync('sh', ['-c', command], { cwd: dir, env: cleanEnv(), encoding: 'utf8', timeout: 600_000 });
      expect(run.status, `${command}\n${run.stdout}\n${run.stderr}`).toBe(0);
    }
    const rebuilt = readFileSync(join(dir, FIREFOX_OUTPUT));
    const submitted = read(STORE_ZIPS.firefox);
    const sha256 = createHash('sha256').update(submitted).digest('hex');
    expect(reviewers).toContain(sha256);
    const dirty = uncommittedChanges(ROOT);
    expect(rebuilt.equals(submitted), dirty ? `the checkout has uncommitted changes, which the source package (HEAD) lacks:\n${dirty}` : 'the rebuilt zip differs').toBe(true);
  }, 900_000);
});
