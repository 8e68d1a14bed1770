import { describe, expect, test } from 'vitest';
import type { Analysis } from '../core/analysis';
import type { AnalyzedExchange } from '../core/har/analyze-har';
import { findProblems } from '../core/problems/problems';
import { exchangeJson, formatJson, problemJson, writeJson } from './format-json';
import { fixLines } from './format-fix';
import { formatCompactTable, formatVerboseTable, printable, shortenUrl } from './format-table';
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

describe('formatVerboseTable', () => {
  const rows = [row(2, BLOCKED), row(5, ALLOWED), row(7, ALLOWED, false)];

  test('one row per shown exchange, the fix under the blocked one, then the summary', () => {
    const lines = formatVerboseTable(rows, rows.slice(0, 2), { colour: false }).split('\n');
    expect(lines[0]).toMatch(/^#\s+METHOD\s+URL\s+TYPE\s+VERDICT\s+REASON$/);
    expect(lines[1]).toMatch(/^2\s+PUT\s+http:\/\/api\.test\/x\s+preflighted\s+blocked\s+The preflight got 404\.$/);
    expect(lines[2]).toBe('   fix:');
    expect(lines.slice(-3)).toEqual(['', '1 blocked · 1 preflighted · 1 simple · 1 same-origin skipped', '']);
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  test('blocked in red only with colour', () => {
    expect(formatVerboseTable(rows, rows, { colour: true })).toContain('\u001b[31;1mblocked\u001b[0m');
  });

  test('a hostile URL cannot write escapes to the terminal', () => {
    const evil = row(1, BLOCKED, true, 'http://a.test/\u001b]0;pwned\u0007');
    expect(formatVerboseTable([evil], [evil], { colour: false })).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('formatCompactTable', () => {
  const rows = [row(2, BLOCKED), row(3, ALLOWED), row(4, BLOCKED, true, 'http://api.test/x/17'), row(5, BLOCKED, true, 'http://api.test/x/42')];

  test('one line per exchange, then each problem once with its fix and rows, then the summary', () => {
    const problems = findProblems(rows);
    const lines = formatCompactTable(rows, rows, problems, { colour: false }).split('\n');
    expect(lines[0]).toMatch(/^#\s+METHOD\s+URL\s+TYPE\s+VERDICT\s+PROBLEMS\s+REASON$/);
    expect(lines.slice(1, 5).map((l) => l.split(/\s{2,}/).slice(0, 6))).toEqual([
      ['2', 'PUT', 'http://api.test/x', 'preflighted', 'blocked', 'P2'],
      ['3', 'PUT', 'http://api.test/x', 'simple', 'allowed'],
      ['4', 'PUT', 'http://api.test/x/17', 'preflighted', 'blocked', 'P1'],
      ['5', 'PUT', 'http://api.test/x/42', 'preflighted', 'blocked', 'P1'],
    ]);
    expect(lines[5]).toBe('');
    expect(lines[6]).toBe('2 problems, affecting 3 of 4 exchanges:');
    expect(lines.filter((l) => l.startsWith('P1  blocked: preflight-invalid-status · PUT http://api.test/x/:id from http://p.test · 2 exchanges: #4, #5'))).toHaveLength(1);
    // Both problems say the same (same reason, same fix, at two endpoints): their headings, then the text once.
    expect(lines.slice(7, 10)).toEqual(['', expect.stringMatching(/^P1  blocked: /) as unknown, expect.stringMatching(/^P2  blocked: preflight-invalid-status · PUT http:\/\/api\.test\/x from http:\/\/p\.test · 1 exchange: #2$/) as unknown]);
    expect(lines.filter((l) => l === '      preflight (OPTIONS) response status: 204 (any 2xx passes)')).toHaveLength(1);
    expect(lines.slice(-2)).toEqual(['3 blocked · 3 preflighted · 1 simple · 0 same-origin skipped', '']);
  });

  test('more than twenty affected rows are counted, not all listed', () => {
    const many = Array.from({ length: 25 }, (_, i) => row(i + 1, BLOCKED, true, `http://api.test/x/${i}`));
    const out = formatCompactTable(many, many, findProblems(many), { colour: false });
    expect(out).toContain('25 exchanges: #1, #2, #3, #4, #5, #6, #7, #8, #9, #10, #11, #12, #13, #14, #15, #16, #17, #18, #19, #20 (+5 more)');
  });
});

describe('formatJson', () => {
  test('problems: the public --json fields, exchanges as indices', () => {
    const rows = [row(2, ALLOWED), row(4, BLOCKED, true, 'http://api.test/x/17'), row(5, BLOCKED, true, 'http://api.test/x/42')];
    const json = JSON.parse(formatJson(rows, undefined, findProblems(rows))) as { exchanges: unknown[]; problems: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['exchanges', 'problems']);
    expect(json.problems).toEqual([
      {
        id: expect.stringMatching(/^p-[0-9a-f]{12}$/) as unknown, kind: 'blocked', code: 'preflight-invalid-status', severity: 'error',
        endpoint: 'http://api.test/x/:id', method: 'PUT', initiatorOrigin: 'http://p.test', count: 2, exchanges: [1, 2],
        fix: { preflight: BLOCKED.fix.preflight, preflightStatus: 204, response: BLOCKED.fix.response }, message: 'The preflight got 404.', attack: null, cause: null,
        endpoints: ['http://api.test/x/:id'],
      },
    ]);
    expect(Object.keys(problemJson(findProblems(rows)[0]!)).slice(0, 10)).toEqual(['id', 'kind', 'code', 'severity', 'endpoint', 'method', 'initiatorOrigin', 'count', 'exchanges', 'fix']);
  });

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
    expect(formatVerboseTable([row(2, undecided)], [row(2, undecided)], { colour: false })).toContain('likely allowed: Allowed with the default credentials mode.');
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

  test.each([0, 1, 3, 3000])('%i exchanges with problems: the text of formatJson, the exchanges unchanged', (n) => {
    const pieces: string[] = [];
    const problems = findProblems(many(n));
    writeJson(many(n), (x) => exchangeJson(x), (text) => pieces.push(text), problems);
    const text = pieces.join('');
    expect(text).toBe(formatJson(many(n), undefined, problems));
    expect(text.slice(0, text.indexOf(',\n  "problems": ['))).toBe(formatJson(many(n)).slice(0, -3));
  });
});
