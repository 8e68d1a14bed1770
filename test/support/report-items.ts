// Exchanges the report tests share: blocked, allowed, unknown, and one whose header values are
// hostile (markup, quotes, backticks, control characters). Pure data run through the real analyzer.

import { analyzeExchange } from '../../src/core/analyze';
import type { Exchange } from '../../src/core/model';
import { API, exchange, hop, PAGE, preflight } from './exchange-builders';
import type { ReportItem } from '../../src/core/report/report-model';

export const HOSTILE = `<img src=x onerror="alert(1)">'&\`\`\`\u0001]]>`;
export const SECRET_COOKIE = 'session=s3cr3t-cookie';
export const SECRET_PASSWORD = 'hunter2';

const item = (x: Exchange): ReportItem => ({ exchange: x, analysis: analyzeExchange(x) });
const GET = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };

export const BLOCKED = item(exchange([hop('GET', `${API}/users/17?full=1`, { ...GET, Cookie: SECRET_COOKIE }, 200, { 'Access-Control-Allow-Origin': '*' })], { id: 'blocked' }));
export const BLOCKED_SAME_ENDPOINT = item(exchange([hop('GET', `${API}/users/42`, { ...GET, Cookie: SECRET_COOKIE }, 200, { 'Access-Control-Allow-Origin': '*' })], { id: 'blocked-2' }));
export const ALLOWED = item(exchange([hop('GET', `${API}/ok`, GET, 200, { 'Access-Control-Allow-Origin': PAGE })], { id: 'allowed', browser: 'chromium' }));
export const UNKNOWN = item(exchange([hop('GET', `${API}/maybe`, GET, 200, { 'Access-Control-Allow-Origin': '*' })], { id: 'unknown' }));
export const HOSTILE_ITEM = item({
  ...exchange([hop('PUT', `http://u:${SECRET_PASSWORD}@localhost:9000/h`, { ...GET, 'X-Evil': HOSTILE, Authorization: `Bearer ${SECRET_PASSWORD}` })], { id: 'hostile', error: 'net::ERR_FAILED' }),
  preflights: [preflight(`http://u:${SECRET_PASSWORD}@localhost:9000/h`, { 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-evil' }, 204, { 'Access-Control-Allow-Origin': HOSTILE, 'X-Other': HOSTILE })],
});
export const SAME_ORIGIN = item(exchange([hop('GET', `${PAGE}/same`, {}, 200)], { id: 'same' }));

export const ALL: readonly ReportItem[] = [BLOCKED, BLOCKED_SAME_ENDPOINT, ALLOWED, UNKNOWN, HOSTILE_ITEM, SAME_ORIGIN];
