// The CLI in-process, on real files: exit codes and the one-line errors.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_BLOCKED, EXIT_OK, run, useColour } from './run';

const samples = new URL('../../test/har-samples/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cors-lens-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], options: { tty?: boolean; env?: Record<string, string>; stdin?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    stdin: Readable.from([options.stdin ?? '']),
    stdoutIsTTY: options.tty ?? false,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

const chrome = `${samples}chrome-preflight-blocked.har`;

describe('exit codes', () => {
  test.each([
    [['analyze', chrome], EXIT_OK],
    [['analyze', chrome, '--fail-on', 'blocked'], EXIT_BLOCKED],
    [['analyze', `${samples}firefox-preflight-after-and-redirect.har`, '--fail-on', 'blocked', '--only', 'blocked'], EXIT_BLOCKED],
    [['--help'], EXIT_OK],
    [['--version'], EXIT_OK],
    [['analyze'], EXIT_BAD_INPUT],
  ])('%j → %i', async (argv, code) => {
    expect((await cli(argv)).code).toBe(code);
  });

  test('--fail-on blocked passes a file with nothing blocked', async () => {
    const file = join(dir, 'fine.har');
    writeFileSync(file, JSON.stringify({ log: { entries: [] } }));
    expect(await cli(['analyze', file, '--fail-on', 'blocked'])).toMatchObject({ code: EXIT_OK, stderr: '' });
  });
});

describe('an entry that cannot be read is skipped, named on stderr and in --json; the rest is analysed', () => {
  test.each([
    [['analyze'], undefined],
    [['analyze', '--json'], [{ entry: 1, reason: 'request.url is missing, expected a string' }]],
  ])('%j', async (args, skipped) => {
    const path = `${samples}entry-missing-url.har`;
    const { code, stdout, stderr } = await cli([...args, path]);
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe(`cors-lens: ${path}: skipped entry 1: request.url is missing, expected a string\n`);
    if (skipped) expect((JSON.parse(stdout) as { skipped: unknown }).skipped).toEqual(skipped);
    else expect(stdout).toMatch(/same-origin skipped/);
  });
});

describe('bad input: one line on stderr, exit 2, nothing on stdout', () => {
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  test.each([
    ['missing file', () => join(dir, 'nope.har'), 'no such file'],
    ['a directory', () => dir, 'is a directory, not a HAR file'],
    ['invalid JSON', () => `${samples}invalid-json.har`, "not valid JSON (Unexpected token '}' at line 3 column 17)"],
    ['JSON, not HAR', () => `${samples}not-har.json`, 'not a HAR file (no "log" object)'],
    ['empty file', () => write('empty.har', ''), 'not valid JSON (Unexpected end of JSON input at line 1 column 1)'],
    ['binary junk', () => write('junk.har', '\u0000\u001b[31mPK'), 'not valid JSON'],
  ])('%s', async (_name, file, message) => {
    const path = file();
    const { code, stdout, stderr } = await cli(['analyze', path]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stdout).toBe('');
    expect(stderr).toContain(`cors-lens: ${path}: ${message}`);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\u001b|\u0000|at .*\.js:\d+/);
  });

  test('usage errors print the usage', async () => {
    const { code, stderr } = await cli(['analyze', '--nope', 'x.har']);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toMatch(/^cors-lens: unknown option '--nope'\n\nUsage: cors-lens analyze/);
  });
});

describe('output', () => {
  test('--json lists every exchange, same-origin ones included', async () => {
    const { stdout } = await cli(['analyze', chrome, '--json']);
    const json = JSON.parse(stdout) as { exchanges: { entry: number; preflightEntry: number | null; verdict: string; crossOrigin: boolean }[] };
    expect(json.exchanges.map((x) => [x.entry, x.preflightEntry, x.verdict, x.crossOrigin])).toEqual([
      [0, null, 'allowed', false],
      [2, 1, 'blocked', true],
      [3, null, 'allowed', true],
      [4, null, 'blocked', true],
    ]);
  });

  test.each([
    [['--only', 'blocked'], [2, 4]],
    [['--only', 'cross-origin'], [2, 3, 4]],
  ])('--json %j', async (flags, entries) => {
    const { stdout } = await cli(['analyze', chrome, '--json', ...flags]);
    expect((JSON.parse(stdout) as { exchanges: { entry: number }[] }).exchanges.map((x) => x.entry)).toEqual(entries);
  });

  test('the table shows cross-origin rows and the summary; reads stdin with -', async () => {
    const { readFileSync } = await import('node:fs');
    const { stdout } = await cli(['analyze', '-'], { stdin: readFileSync(chrome, 'utf8') });
    expect(stdout.match(/^\d+(?= +[A-Z]+ +http)/gm)).toEqual(['2', '3', '4']);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 blocked · 1 preflighted · 2 simple · 1 same-origin skipped');
  });

  test.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
  ])('colour: tty %s env %j → %s', (tty, env, expected) => {
    expect(useColour({ stdoutIsTTY: tty, env })).toBe(expected);
  });
});
