import { join } from 'node:path';
import { expect, test } from 'vitest';
import { type SkipRun, skipSummary } from './skip-summary.mjs';

const NGINX = 'nginx not found at /usr/sbin/nginx (apt-get install nginx-light, or set NGINX_PATH)';
const APACHE = 'Apache httpd with mod_headers not found at /usr/sbin/apache2 (apt-get install apache2, or set APACHE_PATH)';
const file = (name: string, ...results: { status: string; meta?: { skipReason?: string } }[]): SkipRun['report']['testResults'][number] => ({
  name: join(process.cwd(), name),
  assertionResults: results,
});
const passed = { status: 'passed' };
const noNginx = { status: 'skipped', meta: { skipReason: NGINX } };
const noApache = { status: 'skipped', meta: { skipReason: APACHE } };

test.each<[string, SkipRun[], string[]]>([
  ['nothing skipped', [{ project: 'unit', report: { testResults: [file('a.test.ts', passed, { status: 'failed' })] } }], ['0 skipped']],
  [
    'grouped by project and reason, across files',
    [
      { project: 'unit', report: { testResults: [file('src/x.test.ts', passed, noNginx)] } },
      { project: 'e2e', report: { testResults: [file('test/e2e/a.e2e.test.ts', noNginx, noApache, noNginx), file('test/e2e/b.e2e.test.ts', noApache)] } },
    ],
    [`skipped 1 unit test: ${NGINX}`, `skipped 2 e2e tests: ${NGINX}`, `skipped 2 e2e tests: ${APACHE}`, '5 skipped'],
  ],
  [
    'a skip without a declared reason names its file; todo counts too',
    [{ project: 'unit', report: { testResults: [file('src/y.test.ts', { status: 'skipped' }, { status: 'skipped', meta: {} }, { status: 'todo' })] } }],
    ['skipped 2 unit tests: no reason declared in src/y.test.ts', 'skipped 1 unit test: todo in src/y.test.ts', '3 skipped'],
  ],
])('%s', (_name, runs, lines) => {
  expect(skipSummary(runs)).toEqual(lines);
});
