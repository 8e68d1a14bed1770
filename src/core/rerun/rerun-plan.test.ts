import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import type { Exchange } from '../model';
import { API, exchange, hop, PAGE, preflight } from '../../../test/support/exchange-builders';
import { rerunExpression, rerunPlan, type RerunPlan } from './rerun-plan';

const GET = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors', 'User-Agent': 'UA', Accept: '*/*' };
const plan = (x: Exchange): RerunPlan => rerunPlan(x, analyzeExchange(x));

describe('rerunPlan', () => {
  test.each<[string, Exchange, Partial<RerunPlan>]>([
    [
      'page headers kept; Origin, Sec-*, Cookie and User-Agent left to the browser; Cookie means include',
      exchange([hop('GET', `${API}/x`, { ...GET, Cookie: 'a=1', 'X-Token': 't' }, 200, { 'Access-Control-Allow-Origin': '*' })]),
      { method: 'GET', url: `${API}/x`, headers: [['Accept', '*/*'], ['X-Token', 't']], credentials: 'include', notes: [] },
    ],
    [
      'Chromium completed it without a Cookie: not credentialed',
      exchange([hop('GET', `${API}/x`, GET, 200, { 'Access-Control-Allow-Origin': '*' })], { browser: 'chromium' }),
      { credentials: 'same-origin' },
    ],
    [
      'the record cannot tell: the user chooses',
      exchange([hop('GET', `${API}/x`, GET, 200, { 'Access-Control-Allow-Origin': '*' })]),
      { credentials: null },
    ],
    [
      'stopped at its preflight with no recorded headers: the announced ones are sent empty, the body is not recorded',
      { ...exchange([hop('PUT', `${API}/x`, {})], { error: 'net::ERR_FAILED' }), preflights: [preflight(`${API}/x`, { 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type,x-token' }, 404)] },
      {
        method: 'PUT',
        headers: [['content-type', ''], ['x-token', '']],
        notes: [
          'content-type: its value was not recorded (the request was stopped at its preflight); it is sent empty, which makes the same preflight.',
          'x-token: its value was not recorded (the request was stopped at its preflight); it is sent empty, which makes the same preflight.',
          'The body is not recorded: the request is sent without one.',
        ],
      },
    ],
  ])('%s', (_label, x, expected) => {
    expect(plan(x)).toMatchObject(expected);
  });
});

describe('rerunExpression', () => {
  test.each([
    ['a plain URL', `${API}/x`, 'X-Token', 't'],
    ['a URL and header that try to break out of the string', `${API}/x");alert(1);("`, 'X-A', `'");alert(2);//`],
  ])('%s: evaluates to exactly one fetch of the recorded values', (_label, url, name, value) => {
    const expression = rerunExpression({ method: 'PUT', url, headers: [[name, value]], credentials: null, notes: [] }, 'include');
    const calls: unknown[][] = [];
    const alerts: unknown[] = [];
    // The expression runs with these two names in scope, as fetch and alert would be in a page.
    new Function('fetch', 'alert', expression)((...args: unknown[]) => {
      calls.push(args);
      return Promise.resolve();
    }, (m: unknown) => alerts.push(m));
    expect(alerts).toEqual([]);
    expect(calls).toEqual([[url, { method: 'PUT', headers: [[name, value]], credentials: 'include', mode: 'cors', cache: 'no-store' }]]);
  });
});
