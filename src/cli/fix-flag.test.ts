// `cors-lens analyze --fix <server>` in-process, on HARs recorded from real Chromium
// (test/fixtures): the registry's snippet under each blocked exchange, `fixConfig` in JSON,
// `--fix list`, and the one-line error for an unknown server.

import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { analyzeHarText } from '../core/har/analyze-har';
import { NOT_PROVEN, SNIPPETS } from '../core/snippets/registry';
import { EXIT_BAD_INPUT, EXIT_OK, run } from './run';

const fixtures = new URL('../../test/fixtures/chromium/', import.meta.url).pathname;
const CREDENTIALED = `${fixtures}credentials-wildcard-origin.har`;
const PREFLIGHTED = `${fixtures}preflight-header-not-allowed.har`;
const NULL_ORIGIN = `${fixtures}redirect-cross-origin-null-origin-mismatch.har`;
const ALLOWED = `${fixtures}simple-get-wildcard.har`;

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    stdin: Readable.from(['']),
    stdoutIsTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}

/** The page origin the fixture was recorded from (ports are ephemeral). */
function pageOrigin(file: string): string {
  const result = analyzeHarText(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(result.error);
  const blocked = result.exchanges.find((x) => x.analysis.verdict === 'blocked');
  return blocked?.exchange.initiatorOrigin ?? '';
}

interface JsonExchange {
  readonly verdict: string;
  readonly fix: unknown;
  readonly fixConfig?: string | null;
  readonly [field: string]: unknown;
}
const exchangesOf = (stdout: string): JsonExchange[] => (JSON.parse(stdout) as { exchanges: JsonExchange[] }).exchanges;

describe('--fix list and unknown servers', () => {
  test('--fix list prints every registry id with its label, with or without a file', async () => {
    for (const argv of [['analyze', '--fix', 'list'], ['analyze', CREDENTIALED, '--fix=list']]) {
      const { code, stdout, stderr } = await cli(argv);
      expect({ code, stderr }).toEqual({ code: EXIT_OK, stderr: '' });
      const ids = stdout.trimEnd().split('\n').map((l) => l.split(/\s+/)[0]);
      expect(ids).toEqual(SNIPPETS.map((s) => s.id));
      for (const s of SNIPPETS) expect(stdout).toContain(s.label);
    }
  });

  test('spring and aspnet, and only they, are marked not proven on a running server (list and configuration)', async () => {
    const list = (await cli(['analyze', '--fix', 'list'])).stdout.trimEnd().split('\n');
    expect(list.filter((l) => l.endsWith('(not proven on a running server)')).map((l) => l.split(/\s+/)[0])).toEqual(['spring', 'aspnet']);
    for (const [server, marked] of [['spring', true], ['aspnet', true], ['express', false], ['go', false]] as const) {
      const { stdout } = await cli(['analyze', CREDENTIALED, '--fix', server]);
      expect(stdout.includes(NOT_PROVEN), server).toBe(marked);
    }
  });

  test('--fix s3 says before the rule that S3 cannot allow PATCH; no such note for a method S3 takes', async () => {
    const patch = (await cli(['analyze', `${fixtures}preflight-method-not-listed.har`, '--fix', 's3'])).stdout;
    expect(patch).toContain('  Note: S3 accepts only GET, PUT, POST, DELETE and HEAD in AllowedMethods: no bucket CORS rule can allow PATCH');
    expect((await cli(['analyze', PREFLIGHTED, '--fix', 's3'])).stdout).not.toContain('Note: S3 accepts only');
  });

  test.each(['iis', 'Express', 'nginx.conf'])('unknown server %j: one line on stderr, exit 2, nothing on stdout', async (server) => {
    const { code, stdout, stderr } = await cli(['analyze', CREDENTIALED, '--fix', server]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`unknown server '${server}'`);
    expect(stderr).toContain('express, fastify');
  });
});

describe('table output', () => {
  test.each([
    // [file, server, what the configuration must say]
    [CREDENTIALED, 'express', (o: string) => [`origin: '${o}'`, 'credentials: true', 'app.use(cors(corsOptions));']],
    [CREDENTIALED, 'nginx', (o: string) => [`add_header Access-Control-Allow-Origin "${o}" always;`, 'add_header Access-Control-Allow-Credentials "true" always;']],
    [PREFLIGHTED, 'fastify', (o: string) => [`origin: '${o}'`, "allowedHeaders: ['x-custom']", 'await fastify.register(cors, {']],
    [PREFLIGHTED, 'apache', (o: string) => [`Header always set Access-Control-Allow-Origin "${o}"`, 'Access-Control-Allow-Headers "x-custom"']],
  ])('%s --fix %s prints the filled-in configuration under the blocked problem (--verbose: exchange)', async (file, server, expected) => {
    // Compact (the default): once per problem, headed by its label; --verbose: per exchange, headed by its row.
    for (const [argv, heading] of [[[], /^\n\nP\d+ (GET|PUT) http:\/\/localhost:\d+\/api\//], [['--verbose'], /^\n\n#\d+ (GET|PUT) http:\/\/localhost:\d+\/api\//]] as const) {
      const { code, stdout } = await cli(['analyze', file, '--fix', server, ...argv]);
      expect(code).toBe(EXIT_OK);
      const [, section = ''] = stdout.split(`(--fix ${server}):`);
      expect(section).toMatch(heading);
      for (const line of expected(pageOrigin(file))) expect(section).toContain(line);
    }
  });

  test('a null origin after a redirect gets the note, not a configuration', async () => {
    const { stdout } = await cli(['analyze', NULL_ORIGIN, '--fix', 'express']);
    const [, section = ''] = stdout.split('(--fix express):');
    expect(section).toContain('No server configuration can fix this.');
    expect(section).toContain('"null"');
    expect(section).not.toContain('cors(');
  });

  test('nothing blocked: says so', async () => {
    const { stdout } = await cli(['analyze', ALLOWED, '--fix', 'go']);
    expect(stdout).toContain('(--fix go):\n  (nothing is blocked)');
  });
});

describe('--json --fix', () => {
  test.each([[CREDENTIALED], [PREFLIGHTED], [NULL_ORIGIN], [ALLOWED]])('%s: fixConfig added, every other field unchanged', async (file) => {
    const plain = exchangesOf((await cli(['analyze', file, '--json'])).stdout);
    const withFix = exchangesOf((await cli(['analyze', file, '--json', '--fix', 's3'])).stdout);
    expect(withFix.map(({ fixConfig: _c, ...rest }) => rest)).toEqual(plain);
    for (const x of withFix) {
      const fixable = x.verdict === 'blocked' && file !== NULL_ORIGIN;
      if (fixable) expect(x.fixConfig).toContain('"AllowedOrigins"');
      else expect(x.fixConfig).toBeNull();
    }
    expect(withFix.some((x) => x.fixConfig)).toBe(file === CREDENTIALED || file === PREFLIGHTED);
  });
});
