// `npm run package`: everything one Chrome Web Store and one addons.mozilla.org submission needs,
// in extension/store/ (RELEASING.md says what goes where):
//   cors-lens-chrome.zip, cors-lens-firefox.zip   the extension, as `npm run build` makes it
//   cors-lens-source.zip                          AMO's source package: git archive of HEAD + REVIEWERS.md
//   chrome-listing.md, amo-listing.md             every listing field, from scripts/store/listings.mjs
//   screenshot-*.png, promo-tile-440x280.png, icon-128.png   from the real panel (scripts/store/store-images.ts)
// The source package is HEAD, so a tree with uncommitted changes is refused: its zips would not be
// the ones the sources build. `--allow-dirty` packages anyway (for trying this script out).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AMO_LISTING, CHROME_LISTING, renderListing } from './store/listings.mjs';
import { reviewersMd, uncommittedChanges, writeSourceZip } from './store/source-package.mjs';
import { LISTINGS, STORE_ZIPS } from './store/store-files.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const store = join(root, 'extension', 'store');

const dirty = uncommittedChanges(root);
if (dirty && !process.argv.includes('--allow-dirty')) {
  console.error(`npm run package: commit first; the source package is HEAD and these differ from it:\n${dirty}`);
  process.exit(1);
}

function run(command, args) {
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
rmSync(store, { recursive: true, force: true });
mkdirSync(store, { recursive: true });
for (const browser of ['chrome', 'firefox']) copyFileSync(join(root, 'extension', STORE_ZIPS[browser]), join(store, STORE_ZIPS[browser]));

writeFileSync(join(store, LISTINGS.chrome), renderListing('CORS Lens: Chrome Web Store listing', CHROME_LISTING));
writeFileSync(join(store, LISTINGS.amo), renderListing('CORS Lens: addons.mozilla.org listing', AMO_LISTING));

const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const reviewers = reviewersMd({
  nodeVersion: process.versions.node,
  npmVersion: npm.stdout.trim(),
  firefoxZipSha256: createHash('sha256').update(readFileSync(join(store, STORE_ZIPS.firefox))).digest('hex'),
  commit: spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
});
writeSourceZip(root, join(store, STORE_ZIPS.source), reviewers);
console.log(`wrote extension/store/${STORE_ZIPS.source} and the listings`);

run(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'store', 'store-images.ts'), store]);
console.log('extension/store/ is ready: RELEASING.md says what goes where.');
