import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import type { Exchange } from '../model';
import { API, exchange, hop, PAGE, preflight } from '../../../test/support/exchange-builders';
import { applyOverrides } from './apply-override';
import type { OverridePlan } from './override-plan';

const CORS = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
const ACAO = { name: 'Access-Control-Allow-Origin', value: PAGE };
const plan = (over: Partial<OverridePlan>): OverridePlan => ({ url: `${API}/a`, method: 'GET', preflight: null, response: [ACAO], ...over });
// Chromium completed it (no error) although the recorded headers lack Allow-Origin: webRequest saw the server's headers.
const passed = exchange([hop('GET', `${API}/a`, CORS, 200, { 'Access-Control-Allow-Origin': 'http://other.test' })], { browser: 'chromium' });

describe('applyOverrides: the record as the browser checked it', () => {
  test.each<[string, Exchange, OverridePlan, { verdict: string; overridden: boolean; acao?: string[] }]>([
    ['the override replaces the server header on the matching response', passed, plan({}), { verdict: 'allowed', overridden: true, acao: [PAGE] }],
    ['another URL is untouched', passed, plan({ url: `${API}/b` }), { verdict: 'allowed', overridden: false, acao: ['http://other.test'] }],
    ['another method is untouched', passed, plan({ method: 'POST' }), { verdict: 'allowed', overridden: false, acao: ['http://other.test'] }],
    [
      'a preflight gets the preflight headers and Max-Age 0',
      { ...exchange([hop('PUT', `${API}/a`, CORS, 200, { 'Access-Control-Allow-Origin': PAGE })], { browser: 'chromium' }), preflights: [preflight(`${API}/a`, { ...CORS, 'Access-Control-Request-Method': 'PUT' }, 204, { 'Access-Control-Allow-Origin': PAGE })] },
      plan({ method: 'PUT', response: null, preflight: [ACAO, { name: 'Access-Control-Allow-Methods', value: 'PUT' }] }),
      { verdict: 'allowed', overridden: true },
    ],
  ])('%s', (_label, x, p, expected) => {
    const out = applyOverrides(x, [p]);
    const analysis = analyzeExchange(out);
    expect(analysis.verdict).toBe(expected.verdict);
    // Untouched, the record still shows the server's headers, which the browser's success contradicts.
    expect(analysis.warnings.some((w) => w.code === 'browser-disagrees')).toBe(!expected.overridden);
    expect(out.overridden === true).toBe(expected.overridden);
    if (!expected.overridden) expect(out).toBe(x);
    if (expected.acao) expect(out.hops[0]?.response?.headers.filter((h) => h.name === 'Access-Control-Allow-Origin').map((h) => h.value)).toEqual(expected.acao);
  });
});
