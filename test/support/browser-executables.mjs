// Debian's browsers that the tests and the demo drive (no test tool downloads one): where each
// is, the variable that overrides it, and the package to install. Plain JavaScript so that
// scripts/test.mjs and scripts/start.mjs can say what is missing before puppeteer fails with a
// stack trace; test/support/browsers.ts launches from the same paths.
import { existsSync } from 'node:fs';

const BROWSERS = {
  chromium: { label: 'Chromium', path: '/usr/bin/chromium', env: 'CHROMIUM_PATH', debianPackage: 'chromium' },
  firefox: { label: 'Firefox ESR', path: '/usr/bin/firefox-esr', env: 'FIREFOX_PATH', debianPackage: 'firefox-esr' },
};

/** @param {'chromium' | 'firefox'} name */
export function browserPath(name) {
  const b = BROWSERS[name];
  return process.env[b.env] || b.path;
}

/** @param {'chromium' | 'firefox'} name @returns {string | undefined} one line naming the package, or undefined when installed */
export function missingBrowser(name) {
  const b = BROWSERS[name];
  const path = browserPath(name);
  if (existsSync(path)) return undefined;
  return `${b.label} not found at ${path}: install Debian's package (apt-get install ${b.debianPackage}), or set ${b.env}`;
}
