// The price of preflights: a page that calls the same endpoint again and again pays a preflight
// round trip before each call when the server sends no Access-Control-Max-Age (Fetch §4.8: the
// preflight cache then keeps an answer 5 seconds) or a short one. Advice (`info`), never a block:
// counted per endpoint and page origin across the recording, reported once per server.

import { NO_FIX } from '../fix';
import { getHeader, splitList } from '../headers';
import type { Exchange, Preflight } from '../model';
import { originOf } from '../origin';
import { foldedEndpointOf } from '../endpoint';
import type { ProblemFinding } from './problem';

/** "More than a few": from this many preflights to one endpoint, the cost is worth a line. */
export const MANY_PREFLIGHTS = 4;
/** A Max-Age under 10 minutes is short: a page used for a while keeps paying. */
const SHORT_MAX_AGE = 600;
/** What to send: Chromium caps at 7200 s (kMaxPreflightCacheTime), Firefox at 86400 s. */
const SUGGESTED_MAX_AGE = 7200;

interface EndpointCost {
  count: number;
  ms: number;
  timed: number;
  maxAge: number | null;
  readonly exchanges: number[];
  readonly triggers: Set<string>;
}

const maxAgeOf = (p: Preflight): number | null => {
  const value = p.response ? getHeader(p.response.headers, 'Access-Control-Max-Age') : null;
  return value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : null;
};

/** Why a request that needs no preflight by its method got one, when only its headers are to blame. */
function avoidableTrigger(exchange: Exchange, p: Preflight): string | null {
  const method = getHeader(p.request.headers, 'Access-Control-Request-Method')?.trim().toUpperCase();
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return null;
  const names = splitList(getHeader(p.request.headers, 'Access-Control-Request-Headers') ?? '').map((n) => n.toLowerCase());
  if (names.length === 0) return null;
  const contentType = getHeader(exchange.hops[0]?.request.headers ?? [], 'Content-Type');
  if (method !== 'POST' && names.length === 1 && names[0] === 'content-type') {
    return `a ${method} with Content-Type: ${contentType ?? 'application/json'}: a ${method} has no body, so that header only buys the preflight; leave it out`;
  }
  const custom = names.filter((n) => n !== 'content-type');
  if (custom.length === names.length) return `the header${custom.length > 1 ? 's' : ''} ${custom.join(', ')} alone trigger${custom.length > 1 ? '' : 's'} it: if the server does not use ${custom.length > 1 ? 'them' : 'it'}, leave ${custom.length > 1 ? 'them' : 'it'} out and the ${method} needs no preflight`;
  return null;
}

const seconds = (n: number): string => (n >= 3600 && n % 3600 === 0 ? `${n / 3600} h` : `${n} s`);

function costText(server: string, page: string, costs: ReadonlyMap<string, EndpointCost>): { message: string; note: string } {
  const list = [...costs].sort((a, b) => b[1].count - a[1].count);
  const count = list.reduce((n, [, c]) => n + c.count, 0);
  const timed = list.reduce((n, [, c]) => n + c.timed, 0);
  const ms = list.reduce((n, [, c]) => n + c.ms, 0);
  const ages = new Set(list.map(([, c]) => c.maxAge));
  const age = ages.size === 1 ? [...ages][0] : undefined;
  const sent = age === undefined ? 'no or a short Access-Control-Max-Age' : age === null ? 'no Access-Control-Max-Age (the browser keeps the answer 5 s, Fetch §4.8)' : `Access-Control-Max-Age: ${age}`;
  const time = timed === 0 ? 'their time was not recorded' : `${Math.round(ms)} ms spent waiting for ${timed === count ? 'them' : `the ${timed} timed`}`;
  const where = list.map(([endpoint, c]) => `${endpoint} ×${c.count}`).join(', ');
  const message = `${page} sent ${count} preflights to ${server} (${where}), ${time}: the server sends ${sent}, so the browser asks again before almost every call.`;
  const triggers = [...new Set(list.flatMap(([, c]) => [...c.triggers]))];
  const avoid = triggers.length > 0 ? ` Some preflights could be avoided: ${triggers.join('; ')}.` : '';
  const note = `Send Access-Control-Max-Age: ${SUGGESTED_MAX_AGE} on the preflight answers (OPTIONS): Chromium keeps an answer at most ${seconds(SUGGESTED_MAX_AGE)} and Firefox at most 24 h, so both would then send one preflight per endpoint, method and header set every ${seconds(SUGGESTED_MAX_AGE)} instead of ${count}.${avoid}`;
  return { message, note };
}

/**
 * `preflight-cost` findings, per exchange (the same indices as `items`, undefined for most): every exchange that paid
 * a preflight at an endpoint its page preflighted MANY_PREFLIGHTS times or more under a short or
 * missing Max-Age. Linear: one pass to count, one to hand out.
 */
export function preflightCostFindings(items: readonly { readonly exchange: Exchange }[]): readonly (readonly ProblemFinding[] | undefined)[] {
  const servers = new Map<string, { server: string; page: string; costs: Map<string, EndpointCost> }>();
  // A page calls the same few URLs again and again: each is parsed once.
  const endpoints = new Map<string, string>();
  items.forEach(({ exchange }, index) => {
    const first = exchange.hops[0];
    if (!first || exchange.preflights.length === 0 || exchange.initiatorOrigin === null) return;
    const server = originOf(first.request.url);
    if (server === null) return;
    const key = `${server} ${exchange.initiatorOrigin}`;
    let group = servers.get(key);
    if (!group) servers.set(key, (group = { server, page: exchange.initiatorOrigin, costs: new Map() }));
    let endpoint = endpoints.get(first.request.url);
    if (endpoint === undefined) endpoints.set(first.request.url, (endpoint = foldedEndpointOf(first.request.url)));
    let cost = group.costs.get(endpoint);
    if (!cost) group.costs.set(endpoint, (cost = { count: 0, ms: 0, timed: 0, maxAge: null, exchanges: [], triggers: new Set() }));
    cost.exchanges.push(index);
    for (const p of exchange.preflights) {
      if (!p.response) continue;
      cost.count++;
      if (p.durationMs !== undefined) {
        cost.ms += p.durationMs;
        cost.timed++;
      }
      cost.maxAge = maxAgeOf(p);
      const trigger = avoidableTrigger(exchange, p);
      if (trigger) cost.triggers.add(trigger);
    }
  });
  // Sparse: most exchanges pay no costly preflight.
  const out: ProblemFinding[][] = [];
  for (const { server, page, costs } of servers.values()) {
    const costly = new Map([...costs].filter(([, c]) => c.count >= MANY_PREFLIGHTS && (c.maxAge === null || c.maxAge < SHORT_MAX_AGE)));
    if (costly.size === 0) continue;
    const { message, note } = costText(server, page, costly);
    const key = JSON.stringify(['warning', 'preflight-cost', 'server', server, page]);
    for (const [endpoint, c] of costly) {
      for (const i of c.exchanges) {
        const method = items[i]?.exchange.hops[0]?.request.method ?? '';
        (out[i] ??= []).push({ key, kind: 'warning', code: 'preflight-cost', severity: 'info', endpoint, method, initiatorOrigin: page, message, fix: { ...NO_FIX, note } });
      }
    }
  }
  return out;
}
