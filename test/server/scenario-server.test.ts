import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scenarioById } from '../scenarios/catalogue';
import { start, type ScenarioServer } from './scenario-server';

interface Raw {
  status: number;
  headers: [string, string][];
}

function raw(url: string, method: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const pairs: [string, string][] = [];
      for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '']);
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: pairs }));
    });
    req.on('error', reject);
    req.end();
  });
}

const values = (r: Raw, name: string): string[] =>
  r.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

describe('scenario server', () => {
  let server: ScenarioServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test('serves two localhost origins and a cross-site alias of the API', () => {
    expect(server.pageOrigin).toMatch(/^http:\/\/localhost:\d+$/);
    expect(server.apiOrigin).toMatch(/^http:\/\/localhost:\d+$/);
    expect(server.pageOrigin).not.toBe(server.apiOrigin);
    expect(server.siteOrigin).toBe(server.apiOrigin.replace('localhost', '127.0.0.1'));
  });

  test.each([
    // [scenario, method, header, expected values as written on the wire]
    ['simple-get-origin-duplicate-lines', 'GET', 'Access-Control-Allow-Origin', ['{page}', '{page}']],
    ['simple-get-origin-trailing-slash', 'GET', 'Access-Control-Allow-Origin', ['{page}/']],
    ['simple-get-echo-no-vary', 'GET', 'Access-Control-Allow-Origin', ['http://example.org']],
    ['preflight-methods-duplicate-lines', 'OPTIONS', 'Access-Control-Allow-Methods', ['GET', 'PATCH']],
    ['preflight-no-options-handler', 'OPTIONS', 'Access-Control-Allow-Origin', []],
  ])('%s answers %s with %s lines as catalogued', async (id, method, header, expected) => {
    const r = await raw(`${server.apiOrigin}/api/${id}/main`, method, { Origin: 'http://example.org' });
    expect(values(r, header)).toEqual(expected.map((v) => v.replace('{page}', server.pageOrigin)));
  });

  test.each([
    ['preflight-status-299', 'OPTIONS', 299],
    ['preflight-redirect-302', 'OPTIONS', 302],
    ['preflight-no-options-handler', 'OPTIONS', 405],
    ['simple-get-status-500', 'GET', 500],
    ['redirect-cross-origin-allow-null', 'GET', 302],
  ])('%s answers %s with status %i', async (id, method, status) => {
    const r = await raw(`${server.apiOrigin}/api/${id}/main`, method);
    expect(r.status).toBe(status);
  });

  test('a redirect to the cross-site origin points at 127.0.0.1', async () => {
    const r = await raw(`${server.apiOrigin}/api/redirect-cross-origin-allow-null/main`, 'GET');
    expect(values(r, 'Location')).toEqual([`${server.siteOrigin}/api/redirect-cross-origin-allow-null/final`]);
  });

  test('logs each request with raw headers, host role and the answer', async () => {
    server.clearLog();
    await raw(`${server.siteOrigin}/api/simple-head/main`, 'HEAD', { 'X-Probe': 'A b' });
    const [entry] = server.requests('simple-head');
    expect(entry?.method).toBe('HEAD');
    expect(entry?.host).toBe('site');
    expect(entry?.headers).toContainEqual(['X-Probe', 'A b']);
    expect(entry?.answer?.status).toBe(200);
    expect(server.requests('simple-get-wildcard')).toEqual([]);
  });

  test('the runner page sets the same-site cookie and lists every scenario', async () => {
    const page = await raw(`${server.pageOrigin}/`, 'GET');
    expect(values(page, 'Set-Cookie')[0]).toContain('SameSite=Lax');
    const list = (await (await fetch(`${server.pageOrigin}/scenarios.json`)).json()) as { id: string; url: string }[];
    const scenario = scenarioById('redirect-from-page-origin-to-api');
    expect(scenario).toBeDefined();
    expect(list.find((s) => s.id === scenario?.id)?.url).toBe(`${server.pageOrigin}/api/${scenario?.id}/hop`);
  });
});
