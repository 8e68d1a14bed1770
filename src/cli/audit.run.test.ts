// `cors-lens analyze` shows the security audit: as problems after the compact table (under each
// row with --verbose), and as `audit` (per exchange) and `problems` in --json.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, expect, test } from 'vitest';
import { harEntry } from '../../test/har-samples/build-har';
import { run } from './run';

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function har(name: string, entries: Record<string, unknown>[]): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }));
  return file;
}

async function cli(argv: string[]): Promise<string> {
  let stdout = '';
  await run(argv, { stdout: (t) => { stdout += t; }, stderr: () => undefined, stdin: Readable.from(['']), stdoutIsTTY: false, env: {} });
  return stdout;
}

const echo = (origin: string, at: number) =>
  harEntry({
    url: `http://api.test/me?at=${at}`, at,
    headers: { Origin: origin, Cookie: 'sid=1', 'Sec-Fetch-Mode': 'cors' },
    responseHeaders: { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' },
  });
const exact = harEntry({
  url: 'http://api.test/ok', at: 50,
  headers: { Origin: 'http://app.test', 'Sec-Fetch-Mode': 'cors' },
  responseHeaders: { 'Access-Control-Allow-Origin': 'http://app.test', Vary: 'Origin' },
});

test.each<[string, Record<string, unknown>[], string[][]]>([
  ['an endpoint echoing two origins with credentials', [echo('http://app.test', 0), echo('http://evil.test', 10)], [['reflects-any-origin', 'medium'], ['reflects-any-origin', 'medium']]],
  [
    'Access-Control-Allow-Origin: null',
    [harEntry({ url: 'http://api.test/n', headers: { Origin: 'http://app.test', 'Sec-Fetch-Mode': 'cors' }, responseHeaders: { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' } })],
    [['allow-origin-null', 'high']],
  ],
  ['a correct exchange', [exact], []],
])('--json: %s', async (name, entries, expected) => {
  const out = JSON.parse(await cli(['analyze', har(`${name}.har`, entries), '--json'])) as { exchanges: { audit: { code: string; severity: string; attack: string; fix: string }[] }[] };
  expect(out.exchanges.flatMap((x) => x.audit.map((f) => [f.code, f.severity]))).toEqual(expected);
  for (const f of out.exchanges.flatMap((x) => x.audit)) expect(f.attack && f.fix).toBeTruthy();
});

test('the compact table prints a finding of two callers as two problems with one explanation', async () => {
  const out = await cli(['analyze', har('compact.har', [echo('http://app.test', 0), echo('http://evil.test', 10), exact])]);
  const lines = out.split('\n');
  // One problem per calling origin (the grouping key), the same attack and fix said once under both.
  expect(lines.filter((l) => /^P\d+ +security medium: reflects-any-origin · GET http:\/\/api\.test\/me from http:\/\/(app|evil)\.test · 1 exchange: #[01]$/.test(l))).toHaveLength(2);
  expect(lines.filter((l) => /^\s+attack: /.test(l))).toHaveLength(1);
  expect(lines.filter((l) => /^\s+fix: Compare the Origin header/.test(l))).toHaveLength(1);
  // Each row is one line: nothing indented under it before the problems.
  const problemsAt = lines.findIndex((l) => /^\d+ problems?, affecting/.test(l));
  expect(lines.slice(0, problemsAt).filter((l) => /^\s/.test(l))).toEqual([]);
  expect(lines.at(-2)).toMatch(/ · audit: 2 medium$/);
});

test('an allowed exchange\'s warning shows once: as its audit finding, never also as its reason', async () => {
  const noVary = harEntry({ url: 'http://api.test/v', headers: { Origin: 'http://app.test', 'Sec-Fetch-Mode': 'cors' }, responseHeaders: { 'Access-Control-Allow-Origin': 'http://app.test' } });
  for (const argv of [[], ['--verbose']]) {
    const out = await cli(['analyze', har('vary.har', [noVary]), ...argv]);
    expect(out.match(/but has no Vary: Origin/g)).toHaveLength(1);
  }
});

test('--verbose prints each finding with its attack and fix under the row, and counts them', async () => {
  const out = await cli(['analyze', har('table.har', [echo('http://app.test', 0), echo('http://evil.test', 10), exact]), '--verbose']);
  const lines = out.split('\n');
  expect(lines.filter((l) => /^\s+audit medium: reflects-any-origin: /.test(l))).toHaveLength(2);
  expect(lines.filter((l) => /^\s+attack: /.test(l))).toHaveLength(2);
  expect(lines.filter((l) => /^\s+fix: Compare the Origin header/.test(l))).toHaveLength(2);
  expect(lines.at(-2)).toMatch(/ · audit: 2 medium$/);
});
