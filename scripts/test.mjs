#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, build, then end-to-end tests in real Chromium and
// Firefox ESR. Ends with one plain line `N passed, N failed` totalling every check and test
// (CI reads that line). Typecheck, lint and build each count as one check. Above it: one line per
// group of skipped tests with the reason the tests declare (test/support/requirements.ts puts it
// in each skipped test's `meta.skipReason`, which Vitest's JSON report carries), then `N skipped`,
// so "0 failed" is never read as "everything ran".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { missingBrowser } from '../test/support/browser-executables.mjs';
import { skipSummary } from './skip-summary.mjs';

const results = { passed: 0, failed: 0 };
/** Each Vitest project's JSON report, for the skipped-tests summary. */
const reports = [];
mkdirSync('.tmp', { recursive: true });

// Colour only for a person at a terminal. CI logs and redirected output are plain text: Vitest's
// tinyrainbow and Vite's picocolors turn colour ON when FORCE_COLOR is set to anything (even "0"),
// when CI is set, and (tinyrainbow) without looking at whether stdout is a TTY at all; NO_COLOR is
// the one switch all of them (and Node itself) obey, so set it and drop FORCE_COLOR, which would
// otherwise win over it in Node's own styleText.
const plain = Boolean(process.env.CI) || Boolean(process.env.NO_COLOR) || !process.stdout.isTTY;
const env = { ...process.env };
if (plain) {
  delete env.FORCE_COLOR;
  env.NO_COLOR = '1';
} else env.FORCE_COLOR = '1';

function run(label, command, args) {
  console.log(`\n── ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  return status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) results.passed += 1;
  else {
    results.failed += 1;
    console.log(`✗ ${label} failed`);
  }
}

function vitest(project) {
  const out = `.tmp/vitest-${project}.json`;
  rmSync(out, { force: true });
  const ok = run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    results.passed += report.numPassedTests;
    results.failed += report.numFailedTests;
    // A file that fails to load has no tests to count: count the file itself.
    const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    results.failed += brokenFiles;
    if (!ok && report.numFailedTests === 0 && brokenFiles === 0) results.failed += 1;
    reports.push({ project, report });
  } catch {
    results.failed += 1;
    console.log(`✗ ${project} tests produced no report`);
  }
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '.']);
vitest('unit');
const built = run('build', 'npm', ['run', 'build']);
if (built) results.passed += 1;
else results.failed += 1;
// Every end-to-end file drives a real browser: without one, say which package is missing once
// instead of a puppeteer stack trace per file, and count the e2e run as one failure.
const noBrowser = ['chromium', 'firefox'].map(missingBrowser).filter(Boolean);
if (noBrowser.length === 0) vitest('e2e');
else {
  results.failed += 1;
  for (const line of noBrowser) console.log(`✗ e2e tests not run: ${line}`);
}

console.log('');
for (const line of skipSummary(reports)) console.log(line);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
