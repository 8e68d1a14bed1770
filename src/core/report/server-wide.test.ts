import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import { API, exchange, hop, PAGE } from '../../../test/support/exchange-builders';
import { htmlReport } from './html-report';
import { markdownReport } from './markdown-report';
import { buildReport } from './report-model';

const CORS = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
const noVary = (path: string, i: number) => {
  const x = exchange([hop('GET', `${API}${path}`, CORS, 200, { 'Access-Control-Allow-Origin': PAGE })], { id: `w${i}` });
  return { exchange: x, analysis: analyzeExchange(x) };
};
const items = ['/a', '/b/1', '/b/2', '/<c>'].map(noVary);

describe('reports: a server setting once per server, with its endpoints', () => {
  test('the model has one server-wide setting naming every endpoint', () => {
    const report = buildReport(items);
    expect(report.endpoints).toEqual([]);
    expect(report.serverWide.map((s) => [s.code, s.initiatorOrigin, s.count, s.endpoints])).toEqual([
      ['allow-origin-without-vary', PAGE, 4, [`${API}/a`, `${API}/b/:id`, `${API}/%3Cc%3E`]],
    ]);
    expect(report.serverWide[0]?.fix).toMatch(/^Send Vary: Origin on every response/);
  });

  test.each<[string, (r: ReturnType<typeof buildReport>) => string, string[]]>([
    ['markdown', markdownReport, ['## Server-wide settings', '### 1. `allow-origin-without-vary` (low)', `- \`${API}/b/:id\``]],
    ['html', htmlReport, ['<h2>Server-wide settings</h2>', `<li><code>${API}/b/:id</code></li>`]],
  ])('%s lays it out once', (_name, render, expected) => {
    const text = render(buildReport(items));
    for (const line of expected) expect(text).toContain(line);
    expect(text.match(/allow-origin-without-vary/g)).toHaveLength(1);
  });
});
