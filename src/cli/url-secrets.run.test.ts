// Secrets in URLs (an OAuth `access_token` or `code`, an API key, a pre-signed URL's signature) are
// redacted in every export and every output of `cors-lens analyze`, unless the user asks to keep
// them; a redacted HAR is still valid and reads back to the same verdicts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { analyzeExchange } from '../core/analyze';
import { readHar } from '../core/har/read-har';
import { writeHar } from '../core/har/write-har';
import { URL_REDACTED } from '../core/redact';
import { API, PAGE, exchange, hop, preflight } from '../../test/support/exchange-builders';
import { junitSchemaErrors, sarifSchemaErrors } from '../../test/support/report-schemas';
import { run } from './run';

const TOKEN = 'tok-s3cr3t-1';
const CODE = 'code-s3cr3t-2';
const SIGNATURE = 'sig-s3cr3t-3';
const SECRETS = [TOKEN, CODE, SIGNATURE];

const blockedUrl = `${API}/orders?access_token=${TOKEN}&page=2`;
const presignedUrl = `${API}/upload?X-Amz-Date=20260101&X-Amz-Signature=${SIGNATURE}`;
const items = [
  // Blocked: the preflight does not allow Authorization.
  exchange([hop('PUT', blockedUrl, { Origin: PAGE, Referer: `${PAGE}/cb?code=${CODE}` }, 200, {})], {
    id: 'blocked',
    error: 'net::ERR_FAILED',
    preflights: [preflight(blockedUrl, { Origin: PAGE, 'Access-Control-Request-Method': 'PUT' }, 204, { 'Access-Control-Allow-Origin': PAGE })],
  }),
  exchange([hop('GET', presignedUrl, { Origin: PAGE }, 200, { 'Access-Control-Allow-Origin': PAGE })], { id: 'allowed' }),
].map((x) => ({ exchange: x, analysis: analyzeExchange(x) }));

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-url-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const harFile = join(dir, 'recorded.har');
writeFileSync(harFile, JSON.stringify(writeHar(items, { redact: false })));

async function cli(argv: string[]): Promise<string> {
  let stdout = '';
  await run(argv, { stdout: (t) => void (stdout += t), stderr: () => undefined, stdin: Readable.from(['']), stdoutIsTTY: false, env: {} });
  return stdout;
}

const OUTPUTS: readonly (readonly [string, readonly string[]])[] = [
  ['table', []],
  ['table --verbose', ['--verbose']],
  ['--json', ['--json']],
  ['markdown report', ['--format', 'markdown']],
  ['html report', ['--format', 'html']],
  ['junit report', ['--format', 'junit']],
  ['sarif report', ['--format', 'sarif']],
];

describe('cors-lens analyze: secret URL parameters', () => {
  test.each(OUTPUTS)('%s: redacted by default, kept with --include-credentials', async (_name, args) => {
    const redacted = await cli(['analyze', harFile, ...args]);
    for (const secret of SECRETS) expect(redacted).not.toContain(secret);
    expect(redacted).toContain('/orders');
    const kept = await cli(['analyze', harFile, ...args, '--include-credentials']);
    expect(kept).toContain(TOKEN);
  });

  test('--json: the same fields and verdicts, the URL with the parameter name kept', async () => {
    type Json = { exchanges: { url: string; verdict: string }[] };
    const redacted = JSON.parse(await cli(['analyze', harFile, '--json'])) as Json;
    const kept = JSON.parse(await cli(['analyze', harFile, '--json', '--include-credentials'])) as Json;
    expect(redacted.exchanges.map((x) => Object.keys(x))).toEqual(kept.exchanges.map((x) => Object.keys(x)));
    expect(redacted.exchanges.map((x) => x.verdict)).toEqual(items.map((i) => i.analysis.verdict));
    expect(redacted.exchanges[0]?.url).toBe(`${API}/orders?access_token=${URL_REDACTED}&page=2`);
  });

  test('the reports stay valid JUnit and SARIF', async () => {
    expect(await junitSchemaErrors(await cli(['analyze', harFile, '--format', 'junit']))).toEqual([]);
    expect(sarifSchemaErrors(JSON.parse(await cli(['analyze', harFile, '--format', 'sarif'])))).toEqual([]);
  });
});

describe('Export HAR (redacted by default)', () => {
  const text = JSON.stringify(writeHar(items));

  test('no secret from a URL, a query string item or a Referer', () => {
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  test('valid HAR with parseable URLs, read back to the same verdicts', () => {
    const back = readHar(text);
    if (!back.ok) throw new Error(back.error);
    for (const x of back.exchanges) for (const h of x.hops) expect(() => new URL(h.request.url)).not.toThrow();
    expect(back.exchanges.map((x) => analyzeExchange(x).verdict)).toEqual(items.map((i) => i.analysis.verdict));
    expect(back.exchanges.map((x) => analyzeExchange(x).reasons.map((r) => r.code))).toEqual(items.map((i) => i.analysis.reasons.map((r) => r.code)));
  });
});
