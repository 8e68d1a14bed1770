// `npm run build`: the extension for both browsers, store-ready zips, and a web-ext lint of the
// Firefox build that fails the build on errors (warnings are printed, not fatal).
//   extension/chrome, extension/firefox          unpacked, loadable
//   extension/cors-lens-chrome.zip, -firefox.zip  for the stores
// `node scripts/build.mjs firefox` (`npm run build-for-amo`) builds the Firefox one only, the same bytes.
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { build } from 'vite';
import webExt from 'web-ext';
import { writeIcons } from './build-icons.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const ALL_BROWSERS = ['chrome', 'firefox'];
const asked = process.argv.slice(2);
const unknown = asked.filter((b) => !ALL_BROWSERS.includes(b));
if (unknown.length > 0) throw new Error(`build.mjs: unknown browser ${unknown.join(', ')} (chrome or firefox)`);
const BROWSERS = asked.length > 0 ? asked : ALL_BROWSERS;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Zips a directory with a fixed timestamp, so the same build gives the same bytes. */
function zipDirectory(dir, zipPath) {
  const mtime = new Date('2000-01-01T00:00:00Z');
  const entries = Object.fromEntries(
    filesUnder(dir)
      .sort()
      .map((path) => [relative(dir, path).split('\\').join('/'), [readFileSync(path), { mtime }]]),
  );
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
}

async function buildFor(browser) {
  // vite.config.ts reads the target from here; set per build since both run in this process.
  process.env.CORS_LENS_BROWSER = browser;
  await build({ root, configFile: join(root, 'vite.config.ts'), mode: browser, logLevel: 'warn' });
  const outDir = join(root, 'extension', browser);
  copyFileSync(join(root, 'LICENSE'), join(outDir, 'LICENSE'));
  zipDirectory(outDir, join(root, 'extension', `cors-lens-${browser}.zip`));
  console.log(`built ${relative(root, outDir)} and extension/cors-lens-${browser}.zip`);
}

function describe(message) {
  const where = message.file ? ` (${message.file}${message.line ? `:${message.line}` : ''})` : '';
  return `  ${message.code}: ${message.message}${where}`;
}

async function lintFirefox() {
  const sourceDir = join(root, 'extension', 'firefox');
  const result = await webExt.cmd.lint({ sourceDir, output: 'none', selfHosted: false }, { shouldExitProgram: false });
  for (const w of result.warnings) console.warn(`web-ext lint warning:\n${describe(w)}`);
  if (result.errors.length > 0) {
    console.error(`web-ext lint found ${result.errors.length} error(s):\n${result.errors.map(describe).join('\n')}`);
    process.exit(1);
  }
  console.log(`web-ext lint: 0 errors, ${result.warnings.length} warnings, ${result.notices.length} notices`);
}

writeIcons(join(root, 'public', 'icons'));
for (const browser of BROWSERS) await buildFor(browser);
if (BROWSERS.includes('firefox')) await lintFirefox();
