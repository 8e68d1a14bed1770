// Where a checker exists on this machine, the generated configuration must parse:
// node --check (JavaScript), python3's ast (Python), nginx -t, JSON.parse (S3).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { NGINX } from '../../../test/fix-proof/nginx';
import { NGINX_REQUIRED, PYTHON_REQUIRED, needs } from '../../../test/support/requirements';
import { SNIPPETS } from './registry';
import { CREDENTIALED, HOSTILE, PREFLIGHTED, SIMPLE } from '../../../test/support/snippet-inputs';

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-snippets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUTS = [
  ['preflighted', PREFLIGHTED],
  ['credentialed', CREDENTIALED],
  ['simple', SIMPLE],
  ['hostile', HOSTILE],
] as const;

function render(id: string, input: (typeof INPUTS)[number][1]): string {
  const snippet = SNIPPETS.find((s) => s.id === id);
  if (!snippet) throw new Error(`no snippet ${id}`);
  return snippet.render(input);
}

describe.each(INPUTS)('%s', (name, input) => {
  test.each(['express', 'fastify', 'koa'])('%s passes node --check', (id) => {
    // Top-level await and imports: check as an ES module.
    const file = join(dir, `${id}-${name}.mjs`);
    writeFileSync(file, render(id, input));
    expect(() => execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' })).not.toThrow();
  });

  test.each(['django', 'fastapi', 'flask'])('%s parses as Python', needs(PYTHON_REQUIRED), (id) => {
    const result = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: render(id, input) });
    expect(result.stderr.toString()).toBe('');
    expect(result.status).toBe(0);
  });

  test('nginx -t accepts it inside a location', needs(NGINX_REQUIRED), () => {
    const conf = join(dir, `nginx-${name}.conf`);
    writeFileSync(
      conf,
      `error_log ${dir}/error.log; pid ${dir}/nginx.pid; events {}\nhttp { access_log off; server { listen 127.0.0.1:1; location / {\n${render('nginx', input)}\n} } }\n`,
    );
    const result = spawnSync(NGINX, ['-t', '-q', '-p', dir, '-e', `${dir}/error.log`, '-c', conf], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('S3 JSON parses and only names S3 methods', () => {
    const parsed = JSON.parse(render('s3', input)) as { CORSRules: { AllowedMethods: string[] }[] };
    for (const rule of parsed.CORSRules) for (const m of rule.AllowedMethods) expect(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']).toContain(m);
  });
});
