import { describe, expect, test } from 'vitest';
import type { ProbeRequest } from '../core/audit/probe-types';
import { PROBE_RULE_ID, probeRule } from './probe-rule';

const request = (method: string, headers: [string, string][]): ProbeRequest => ({
  index: 0, kind: 'null', origin: 'null', stage: method === 'OPTIONS' ? 'preflight' : 'simple', method, url: 'unused', headers: headers.map(([name, value]) => ({ name, value })),
});

describe('probeRule', () => {
  test('sets exactly the crafted headers, only on this extension\'s own tab-less requests to this URL and method', () => {
    const rule = probeRule(request('OPTIONS', [['Origin', 'null'], ['Access-Control-Request-Method', 'PUT']]), 'http://127.0.0.1:9/a?b=1', 'abcdef');
    expect(rule).toEqual({
      id: PROBE_RULE_ID,
      priority: 1,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'Origin', operation: 'set', value: 'null' }, { header: 'Access-Control-Request-Method', operation: 'set', value: 'PUT' }] },
      condition: { urlFilter: '|http://127.0.0.1:9/a?b=1|', tabIds: [-1], initiatorDomains: ['abcdef'], requestMethods: ['options'], resourceTypes: ['xmlhttprequest', 'other'] },
    });
  });

  test.each([
    ['http://h.test/a*b', '^http://h\\.test/a\\*b$'],
    ['http://h.test/a^b|c', '^http://h\\.test/a\\^b\\|c$'],
  ])('a URL with urlFilter syntax (%s) is matched by an anchored, escaped regex', (url, regex) => {
    const { condition } = probeRule(request('GET', [['Origin', 'https://x.example']]), url, 'id');
    expect(condition.urlFilter).toBeUndefined();
    expect(condition.regexFilter).toBe(regex);
    expect(new RegExp(regex).test(url)).toBe(true);
    expect(new RegExp(regex).test(`${url}x`)).toBe(false);
  });
});
