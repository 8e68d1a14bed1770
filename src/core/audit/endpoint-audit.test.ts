import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import type { Exchange } from '../model';
import { API, exchange, hop } from '../../../test/support/exchange-builders';
import { auditRecording, withAudit } from './audit';
import { exactEndpointOf } from '../endpoint';
import { auditEndpoints } from './endpoint-audit';

const ECHO = (origin: string, extra: Record<string, string> = {}) => ({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin', ...extra });
const from = (id: string, origin: string, url: string, response: Record<string, string>): Exchange =>
  exchange([hop('GET', url, { Origin: origin }, 200, response)], { id, initiatorOrigin: origin });
const items = (...xs: Exchange[]) => xs.map((x) => ({ exchange: x, analysis: analyzeExchange(x) }));
const codes = (xs: Exchange[]) => auditEndpoints(items(...xs)).map((e) => [e.finding.code, e.finding.severity, [...e.exchangeIds].sort()]);

describe('auditEndpoints', () => {
  test.each<[string, Exchange[], unknown[]]>([
    ['one origin echoed', [from('a', 'https://a.test', `${API}/u`, ECHO('https://a.test', { 'Access-Control-Allow-Credentials': 'true' }))], []],
    [
      'two origins echoed with credentials on one endpoint',
      [
        from('a', 'https://a.test', `${API}/u?x=1`, ECHO('https://a.test', { 'Access-Control-Allow-Credentials': 'true' })),
        from('b', 'https://evil.test', `${API}/u?x=2`, ECHO('https://evil.test', { 'Access-Control-Allow-Credentials': 'true' })),
      ],
      [['reflects-any-origin', 'medium', ['a', 'b']]],
    ],
    ['two origins echoed without credentials', [from('a', 'https://a.test', `${API}/u`, ECHO('https://a.test')), from('b', 'https://b.test', `${API}/u`, ECHO('https://b.test'))], [['reflects-any-origin', 'low', ['a', 'b']]]],
    ['two origins on two different endpoints', [from('a', 'https://a.test', `${API}/u`, ECHO('https://a.test')), from('b', 'https://b.test', `${API}/v`, ECHO('https://b.test'))], []],
    ['one accepted, one refused, Vary everywhere', [from('a', 'https://a.test', `${API}/u`, ECHO('https://a.test')), from('b', 'https://b.test', `${API}/u`, { Vary: 'Origin' })], []],
    [
      'one accepted, one refused, no Vary: the answer depends on Origin',
      [from('a', 'https://a.test', `${API}/u`, { 'Access-Control-Allow-Origin': 'https://a.test' }), from('b', 'https://b.test', `${API}/u`, {})],
      [['allow-origin-without-vary', 'medium', ['a', 'b']]],
    ],
    ['the same fixed origin for everyone, no Vary', [from('a', 'https://a.test', `${API}/u`, { 'Access-Control-Allow-Origin': 'https://a.test' }), from('b', 'https://a.test', `${API}/u`, { 'Access-Control-Allow-Origin': 'https://a.test' })], []],
  ])('%s', (_name, xs, expected) => {
    expect(codes(xs)).toEqual(expected);
  });

  test.each([
    ['https://api.test/v1/users?id=1#x', 'https://api.test/v1/users'],
    ['http://localhost:9000/', 'http://localhost:9000/'],
    ['not a url', null],
  ])('exactEndpointOf(%s) = %s', (url, expected) => {
    expect(exactEndpointOf(url)).toBe(expected);
  });
});

describe('auditRecording and withAudit', () => {
  test('an endpoint finding reaches each of its exchanges; the lifted warning is replaced, not repeated', () => {
    const xs = [from('a', 'https://a.test', `${API}/u`, { 'Access-Control-Allow-Origin': 'https://a.test' }), from('b', 'https://b.test', `${API}/u`, {})];
    const recording = items(...xs);
    const result = auditRecording(recording);
    const forA = result.byExchange.get('a') ?? [];
    expect(forA.map((f) => [f.code, f.severity])).toEqual([['allow-origin-without-vary', 'medium']]);
    const merged = withAudit(recording[0]!.analysis, forA);
    expect(merged.warnings.filter((w) => w.code === 'allow-origin-without-vary')).toHaveLength(1);
    expect(merged.warnings.find((w) => w.code === 'allow-origin-without-vary')?.severity).toBe('medium');
    expect(result.byExchange.has('b')).toBe(true);
  });
});
