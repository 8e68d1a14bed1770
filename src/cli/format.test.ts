import { describe, expect, test } from 'vitest';
import type { Analysis } from '../core/analysis';
import type { AnalyzedExchange } from '../core/har/analyze-har';
import { exchangeJson, formatJson, writeJson } from './format-json';
import { fixLines } from './format-fix';
import { formatTable, printable, shortenUrl } from './format-table';
import { summaryLine } from './summary';

const ALLOWED: Analysis = {
  type: 'simple', verdict: 'allowed', reasons: [], warnings: [], credentials: 'unknown', requestOrigin: 'http://p.test',
  fix: { preflight: null, preflightStatus: null, response: null },
};
const BLOCKED: Analysis = {
  ...ALLOWED, type: 'preflighted', verdict: 'blocked',
  reasons: [{
    code: 'preflight-invalid-status', chromeCorsError: 'PreflightInvalidStatus', failedParameter: '', firefoxError: 'CORSPreflightDidNotSucceed',
    message: 'The preflight got 404.', mdn: 'https://developer.mozilla.org/', stage: 'preflight', hop: 0, header: '',
  }],
  fix: { preflight: [{ name: 'Access-Control-Allow-Origin', value: 'http://p.test' }], preflightStatus: 204, response: [{ name: 'Vary', value: 'Origin' }] },
};

function row(entry: number, analysis: Analysis, crossOrigin = true, url = 'http://api.test/x'): AnalyzedExchange {
  return {
    exchange: { id: `har:${entry}`, initiatorOrigin: 'http://p.test', startedAt: 0, preflights: [], hops: [{ request: { method: 'PUT', url, headers: [] }, response: { status: 404, headers: [] }, harIndex: entry }] },
    analysis, entry, preflightEntry: crossOrigin ? entry - 1 : null, crossOrigin,
  };
}

describe('summaryLine', () => {
  test.each<[AnalyzedExchange[], string]>([
    [[], '0 blocked · 0 preflighted · 0 simple · 0 same-origin skipped'],
    [[row(1, BLOCKED), row(2, ALLOWED), row(3, ALLOWED, false)], '1 blocked · 1 preflighted · 1 simple · 1 same-origin skipped'],
    [[row(1, { ...ALLOWED, type: 'no-cors' }), row(2, { ...ALLOWED, verdict: 'unknown' })], '0 blocked · 0 preflighted · 1 simple · 1 no-cors · 1 unknown · 0 same-origin skipped'],
  ])('%#', (rows, expected) => {
    expect(summaryLine(rows)).toBe(expected);
  });
});

describe('fixLines', () => {
  test.each([
    [ALLOWED.fix, []],
    [BLOCKED.fix, ['fix:', '  preflight (OPTIONS) response status: 204 (any 2xx passes)', '  preflight (OPTIONS) response must carry:', '    Access-Control-Allow-Origin: http://p.test', '  response must carry:', '    Vary: Origin']],
    [{ ...ALLOWED.fix, note: 'Do not redirect the preflight.' }, ['fix:', '  note: Do not redirect the preflight.']],
  ])('%#', (fix, expected) => {
    expect(fixLines(fix)).toEqual(expected);
  });
});

describe('table helpers', () => {
  test.each([
    ['http://a.test/x', 20, 'http://a.test/x'],
    ['http://api.example.test/a/very/long/path?with=query', 30, 'http://api.example…?with=query'],
  ])('shortenUrl(%s, %i)', (url, width, expected) => {
    expect(shortenUrl(url, width)).toBe(expected);
    expect(shortenUrl(url, width).length).toBeLessThanOrEqual(width);
  });

  test.each([
    ['plain', 'plain'],
    ['\u001b[2Jcleared', '\\x1b[2Jcleared'],
    ['a\nb\u009bc', 'a\\x0ab\\x9bc'],
  ])('printable(%j)', (text, expected) => {
    expect(printable(text)).toBe(expected);
  });
});

describe('formatTable', () => {
  const rows = [row(2, BLOCKED), row(5, ALLOWED), row(7, ALLOWED, false)];

  test('one row per shown exchange, the fix under the blocked one, then the summary', () => {
    const lines = formatTable(rows, rows.slice(0, 2), { colour: false }).split('\n');
    expect(lines[0]).toMatch(/^#\s+METHOD\s+URL\s+TYPE\s+VERDICT\s+REASON$/);
    expect(lines[1]).toMatch(/^2\s+PUT\s+http:\/\/api\.test\/x\s+preflighted\s+blocked\s+The preflight got 404\.$/);
    expect(lines[2]).toBe('   fix:');
    expect(lines.slice(-3)).toEqual(['', '1 blocked · 1 preflighted · 1 simple · 1 same-origin skipped', '']);
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  test('blocked in red only with colour', () => {
    expect(formatTable(rows, rows, { colour: true })).toContain('\u001b[31;1mblocked\u001b[0m');
  });

  test('a hostile URL cannot write escapes to the terminal', () => {
    const evil = row(1, BLOCKED, true, 'http://a.test/\u001b]0;pwned\u0007');
    expect(formatTable([evil], [evil], { colour: false })).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('formatJson', () => {
  test('the public field names, in full', () => {
    const json = JSON.parse(formatJson([row(2, BLOCKED)])) as { exchanges: Record<string, unknown>[] };
    expect(Object.keys(json.exchanges[0] ?? {})).toEqual([
      'url', 'method', 'initiatorOrigin', 'entry', 'preflightEntry', 'type', 'verdict', 'reasons', 'fix', 'warnings',
      'id', 'status', 'credentials', 'dependsOn', 'requestOrigin', 'crossOrigin', 'audit', 'cause', 'likely', 'likelyBecause',
    ]);
    expect(exchangeJson(row(2, BLOCKED))).toMatchObject({
      url: 'http://api.test/x', method: 'PUT', initiatorOrigin: 'http://p.test', entry: 2, preflightEntry: 1,
      type: 'preflighted', verdict: 'blocked', reasons: BLOCKED.reasons, warnings: [], status: 404,
      fix: { preflight: BLOCKED.fix.preflight, preflightStatus: 204, response: BLOCKED.fix.response },
    });
  });

  test('an undecided exchange gives its likely verdict and why; a decided one gives null', () => {
    const undecided: Analysis = { ...ALLOWED, verdict: 'unknown', dependsOn: 'whether the request was sent with credentials', likely: 'allowed', likelyBecause: 'Allowed with the default credentials mode.' };
    expect(exchangeJson(row(2, undecided))).toMatchObject({ verdict: 'unknown', dependsOn: 'whether the request was sent with credentials', likely: 'allowed', likelyBecause: 'Allowed with the default credentials mode.' });
    expect(exchangeJson(row(2, BLOCKED))).toMatchObject({ likely: null, likelyBecause: null });
    expect(formatTable([row(2, undecided)], [row(2, undecided)], { colour: false })).toContain('likely allowed: Allowed with the default credentials mode.');
  });
});

describe('writeJson', () => {
  const many = (n: number): AnalyzedExchange[] => Array.from({ length: n }, (_, i) => row(i + 1, i % 2 ? BLOCKED : ALLOWED, true, `http://api.test/${'x'.repeat(i % 500)}\u2028"`));
  test.each([0, 1, 3, 3000])('%i exchanges: the text of formatJson, in pieces', (n) => {
    const pieces: string[] = [];
    writeJson(many(n), (x) => exchangeJson(x), (text) => pieces.push(text));
    expect(pieces.join('')).toBe(formatJson(many(n)));
    if (n === 3000) expect(pieces.length).toBeGreaterThan(1);
  });
});
