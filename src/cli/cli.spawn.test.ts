// The real command: build dist/cli.js as `npm ci` does (through `prepare`), then run
// `node bin/cors-lens.js` as a user would, and check stdout, stderr and exit codes.

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { version } from '../../package.json';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/cors-lens.js');
const sample = (name: string): string => join(root, 'test/har-samples', name);
const scratch = mkdtempSync(join(tmpdir(), 'cors-lens-spawn-'));

function corsLens(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--config', 'vite.cli.config.ts'], { cwd: root, stdio: 'pipe' });
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('cors-lens (built)', () => {
  test.each([
    [['analyze', sample('chrome-preflight-blocked.har')], 0, /^#\s+METHOD[\s\S]*2 blocked · 1 preflighted · 2 simple · 1 same-origin skipped\n$/],
    [['analyze', sample('chrome-preflight-blocked.har'), '--fail-on', 'blocked'], 1, /Access-Control-Allow-Headers: x-token/],
    [['analyze', sample('firefox-preflight-after-and-redirect.har'), '--json'], 0, /^\{\n {2}"exchanges": \[/],
    [['--version'], 0, new RegExp(`^cors-lens ${version.replaceAll('.', '\\.')}\n$`)],
    [['--help'], 0, /^Usage: cors-lens analyze <file\.har>/],
  ])('%j exits %i', (args, code, stdout) => {
    const result = corsLens(args);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(stdout);
    expect(result.code).toBe(code);
  });

  test.each([
    [['analyze', sample('invalid-json.har')], `cors-lens: ${sample('invalid-json.har')}: not valid JSON (Unexpected token '}' at line 3 column 17)\n`],
    [['analyze', sample('not-har.json')], `cors-lens: ${sample('not-har.json')}: not a HAR file (no "log" object)\n`],
    [['analyze', join(scratch, 'missing.har')], `cors-lens: ${join(scratch, 'missing.har')}: no such file\n`],
  ])('bad input %j: one line, exit 2', (args, stderr) => {
    expect(corsLens(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  test('unknown flag: usage on stderr, exit 2', () => {
    const result = corsLens(['analyze', '--colour', 'x.har']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cors-lens: unknown option '--colour'\n\nUsage:/);
  });

  test('not a terminal: no colour, even for blocked rows', () => {
    expect(corsLens(['analyze', sample('chrome-preflight-blocked.har')]).stdout).not.toContain('\u001b[');
  });

  test('run as npm links it (the file itself, through its `env -S node <flags>` shebang)', () => {
    const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`cors-lens ${version}\n`);
  });

  test('without a build, the shim says how to make one', () => {
    mkdirSync(join(scratch, 'bin'));
    copyFileSync(bin, join(scratch, 'bin/cors-lens.js'));
    const result = spawnSync(process.execPath, [join(scratch, 'bin/cors-lens.js'), '--version'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cors-lens: the CLI is not built (dist/cli.js is missing): run npm run build:cli\n');
  });
});
