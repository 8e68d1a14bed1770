// `cors-lens analyze FILE --format ...` in-process on the recorded sample HARs.
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { junitSchemaErrors, sarifSchemaErrors } from '../../test/support/report-schemas';
import { parseArgs } from './args';
import { EXIT_BLOCKED, EXIT_OK, run } from './run';

const samples = new URL('../../test/har-samples/', import.meta.url).pathname;
const chrome = `${samples}chrome-preflight-blocked.har`;
const firefox = `${samples}firefox-preflight-after-and-redirect.har`;

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stdin: Readable.from(['']), stdoutIsTTY: false, env: {} });
  return { code, stdout, stderr };
}

describe('--format', () => {
  test.each([
    ['markdown', chrome, /^# CORS report\n[\s\S]*## 1\. `PUT /],
    ['html', chrome, /^<!doctype html>[\s\S]*<section class="endpoint">/],
    ['markdown', firefox, /^# CORS report\n/],
    ['html', firefox, /^<!doctype html>/],
  ])('%s of %s', async (format, file, shape) => {
    const { code, stdout, stderr } = await cli(['analyze', file, '--format', format]);
    expect([code, stderr]).toEqual([EXIT_OK, '']);
    expect(stdout).toMatch(shape);
  });

  test.each([chrome, firefox])('junit of %s passes the JUnit schema', async (file) => {
    const { stdout } = await cli(['analyze', file, '--format', 'junit']);
    expect(await junitSchemaErrors(stdout)).toEqual([]);
    expect(stdout).toContain('<failure ');
  });

  test.each([chrome, firefox])('sarif of %s passes the SARIF 2.1.0 schema', async (file) => {
    const { stdout } = await cli(['analyze', file, '--format', 'sarif']);
    const log = JSON.parse(stdout) as { runs: { results: unknown[] }[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0]?.results.length).toBeGreaterThan(0);
  });

  test('--fix <server> adds the configuration; --fail-on blocked still sets the exit code', async () => {
    const { code, stdout } = await cli(['analyze', chrome, '--format', 'markdown', '--fix', 'nginx', '--fail-on', 'blocked']);
    expect(code).toBe(EXIT_BLOCKED);
    expect(stdout).toContain('### Configuration for nginx');
  });

  test('the default table and --json are unchanged by the option existing', async () => {
    expect((await cli(['analyze', chrome])).stdout).toMatch(/^#\s+METHOD/);
    expect(JSON.parse((await cli(['analyze', chrome, '--json'])).stdout)).toHaveProperty('exchanges');
  });

  test.each<[string[], unknown]>([
    [['analyze', 'x.har', '--format', 'pdf'], { kind: 'usage-error', message: "--format must be markdown or html or junit or sarif, not 'pdf'" }],
    [['analyze', 'x.har', '--format', 'html', '--json'], { kind: 'usage-error', message: '--json and --format are alternatives: give one' }],
    // Secret URL parameters are redacted from the table and --json too, so the option applies to every output.
    [['analyze', 'x.har', '--include-credentials'], { kind: 'analyze', file: 'x.har', json: false, failOnBlocked: false, only: null, fix: null, includeCredentials: true }],
    [['analyze', 'x.har', '--format=sarif', '--include-credentials'], { kind: 'analyze', file: 'x.har', json: false, failOnBlocked: false, only: null, fix: null, format: 'sarif', includeCredentials: true }],
  ])('parseArgs(%j)', (argv, expected) => expect(parseArgs(argv)).toEqual(expected));
});
