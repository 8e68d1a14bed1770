// The npm package as a user gets it: `npm pack`, the tarball installed into an empty project
// beside `@playwright/test` (from npm's cache when it holds them), and there the README's lines:
// a Playwright test with `cors-lens/playwright` against the loopback scenario server fails with
// the reason and the fix when a call is blocked and passes when every call is allowed; its
// declarations type-check; `npx cors-lens analyze` of the HAR Playwright recorded says `blocked`.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pkg from '../../package.json';
import { start, type ScenarioServer } from '../server/scenario-server';
import { browserPath } from '../support/browser-executables.mjs';
import { CHROMIUM_ARGS } from '../support/browsers';

const root = new URL('../../', import.meta.url).pathname;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Asynchronously: the scenario server answers from this process while the command runs. */
function run(command: string, args: readonly string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const CONFIG = `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: 'tests',
  workers: 1,
  use: {
    baseURL: process.env.PAGE_ORIGIN,
    launchOptions: { executablePath: ${JSON.stringify(browserPath('chromium'))}, args: ${JSON.stringify(CHROMIUM_ARGS)} },
    contextOptions: { recordHar: { path: process.env.HAR_PATH ?? 'run.har' } },
  },
});
`;

/** The README's lines: the import is all it takes. */
const SPEC = `import { test, expect } from 'cors-lens/playwright';

test.use({ corsLens: { failOn: 'blocked', ignore: ['*/favicon.ico'] } });
// @ts-expect-error: the declarations know the options (without them, tsc fails on the import instead)
const unknownFailOn: Parameters<typeof test.use>[0] = { corsLens: { failOn: 'sometimes' } };
void unknownFailOn;

const run = (id: string) => (window as unknown as { runScenario(s: string): Promise<unknown> }).runScenario(id);

test('one blocked and one allowed call', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(run, 'simple-get-exact-origin');
  await page.evaluate(run, 'simple-get-missing-allow-origin');
  await expect(page).toHaveTitle(/scenario runner/);
});

test('only allowed calls', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(run, 'simple-get-exact-origin');
  await page.evaluate(run, 'preflight-put-allowed');
});
`;

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: true }, files: ['tests/cors.spec.ts'] });

describe('the npm package, installed from its tarball into an empty project', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-package-'));
  const project = join(dir, 'project');
  let server: ScenarioServer;
  let tarballFiles: string[];

  const inProject = (command: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> =>
    run(command, args, project, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', FORCE_COLOR: '0', PAGE_ORIGIN: server.pageOrigin, ...env });
  const playwright = (grep: string, har: string) => inProject('npx', ['playwright', 'test', '--reporter=line', '-g', grep], { HAR_PATH: join(project, har) });

  beforeAll(() => {
    // `npm pack` runs prepack: the CLI, the fixture's bundle and its declarations are built first.
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { filename: string; files: { path: string }[] }[];
    tarballFiles = (packed[0]?.files ?? []).map((f) => f.path).sort();
    mkdirSync(join(project, 'tests'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'cors-lens-consumer', private: true }));
    // Offline-friendly: packages npm's cache holds (every `npm ci` of this repository puts @playwright/test there) are not fetched again.
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, packed[0]?.filename ?? ''), `@playwright/test@${pkg.devDependencies['@playwright/test']}`], {
      cwd: project,
      stdio: 'pipe',
      env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    });
    writeFileSync(join(project, 'playwright.config.ts'), CONFIG);
    writeFileSync(join(project, 'tests/cors.spec.ts'), SPEC);
    writeFileSync(join(project, 'tsconfig.json'), TSCONFIG);
  }, 170_000);
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the tarball holds the built files and nothing else', () => {
    expect(tarballFiles).toEqual(['LICENSE', 'README.md', 'bin/cors-lens.js', 'dist/cli.js', 'dist/playwright.d.ts', 'dist/playwright.js', 'package.json']);
    expect(readdirSync(join(project, 'node_modules/cors-lens/dist')).sort()).toEqual(['cli.js', 'playwright.d.ts', 'playwright.js']);
  });

  test('a blocked call fails the run, with the reason, the URL and the headers to send', async () => {
    const result = await playwright('one blocked', 'blocked.har');
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain('CORS Lens: 1 of 2 cross-origin requests blocked');
    expect(result.stdout).toContain(`MissingAllowOriginHeader: GET ${server.apiOrigin}/api/simple-get-missing-allow-origin/main from ${server.pageOrigin}`);
    expect(result.stdout).toContain(`Access-Control-Allow-Origin: ${server.pageOrigin}`);
    expect(result.stdout).toContain('1 failed');
  });

  test('only allowed calls: the run passes', async () => {
    const result = await playwright('only allowed', 'allowed.har');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('1 passed');
  });

  test('npx cors-lens analyze of the HAR Playwright recorded: the blocked call is blocked', async () => {
    const result = await inProject('npx', ['cors-lens', 'analyze', 'blocked.har', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const { exchanges } = JSON.parse(result.stdout) as { exchanges: { url: string; verdict: string }[] };
    const verdicts = Object.fromEntries(exchanges.filter((x) => x.url.includes('/api/')).map((x) => [x.url.replace(server.apiOrigin, ''), x.verdict]));
    expect(verdicts).toEqual({ '/api/simple-get-exact-origin/main': 'allowed', '/api/simple-get-missing-allow-origin/main': 'blocked' });
  });

  test('its declarations type-check a test that imports it', async () => {
    const tsc = await inProject(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
