#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, build, then end-to-end tests in real Chromium and
// Firefox ESR. Ends with one plain line `N passed, N failed` totalling every check and test
// (CI reads that line). Typecheck, lint and build each count as one check.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
mkdirSync('.tmp', { recursive: true });

function run(label, command, args) {
  console.log(`\n── ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
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
vitest('e2e');

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
