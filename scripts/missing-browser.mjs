// Which of Debian's browsers the tests and the demo drive is missing, as one line each naming the
// package to install. test/support/browser-executables.json is the one list of paths and packages
// (test/support/browsers.ts launches from it), so `npm start` and `npm test` can say this before
// puppeteer fails with a stack trace deep in a test.
import { existsSync, readFileSync } from 'node:fs';

const BROWSERS = JSON.parse(readFileSync(new URL('../test/support/browser-executables.json', import.meta.url), 'utf8'));

/** @param {'chromium' | 'firefox'} name @returns {string | undefined} */
export function missingBrowser(name) {
  const b = BROWSERS[name];
  const path = process.env[b.env] || b.path;
  if (existsSync(path)) return undefined;
  return `${b.name} not found at ${path}: install Debian's package (apt-get install ${b.debianPackage}), or set ${b.env}`;
}
