// Re-run: the recorded request, sent again from the inspected page's own context so that the
// browser applies CORS exactly as it did (same origin, same preflight rules). Only what a page can
// set is re-sent: forbidden request headers (Fetch §2.2.2: Origin, Cookie, Sec-*, ...) are the
// browser's, and it adds them again itself; so do the headers it adds on its own (User-Agent, ...).

import type { Analysis } from '../analysis';
import { getHeader } from '../headers';
import type { Exchange } from '../model';
import { isBrowserAddedHeader, isForbiddenRequestHeader } from '../fetch/request-headers';

/** Fetch's RequestCredentials; `same-origin` is the default, which omits them cross-origin. */
export type RerunCredentials = 'include' | 'same-origin';

export interface RerunPlan {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly (readonly [string, string])[];
  /** As recorded or inferred; null when the record cannot tell and the user must choose. */
  readonly credentials: RerunCredentials | null;
  /** What the re-run cannot reproduce, in words for the user. */
  readonly notes: readonly string[];
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function rerunPlan(exchange: Exchange, analysis: Analysis): RerunPlan {
  const request = exchange.hops[0]?.request;
  const method = request?.method ?? 'GET';
  const notes: string[] = [];
  const authored = (request?.headers ?? []).filter((h) => !isForbiddenRequestHeader(h.name) && !isBrowserAddedHeader(h.name));
  const headers: [string, string][] = authored.map((h) => [h.name, h.value]);
  // A request stopped at its preflight may have no recorded headers: the preflight names them.
  const announced = getHeader(exchange.preflights[0]?.request.headers ?? [], 'Access-Control-Request-Headers') ?? '';
  const have = new Set(headers.map(([n]) => n.toLowerCase()));
  for (const name of announced.split(',').map((n) => n.trim()).filter((n) => n !== '' && !have.has(n.toLowerCase()))) {
    headers.push([name, '']);
    notes.push(`${name}: its value was not recorded (the request was stopped at its preflight); it is sent empty, which makes the same preflight.`);
  }
  if (BODY_METHODS.has(method.toUpperCase())) notes.push('The body is not recorded: the request is sent without one.');
  const credentials = analysis.credentials === 'include' ? 'include' : analysis.credentials === 'omit-or-same-origin' ? 'same-origin' : null;
  return { method, url: request?.url ?? '', headers, credentials, notes };
}

/**
 * The expression `devtools.inspectedWindow.eval` runs in the page. Every value is a JSON literal
 * (valid JavaScript), so recorded URLs and headers can never become code. The page sees the
 * result as its own fetch; the recorder records the exchange like any other.
 */
export function rerunExpression(plan: RerunPlan, credentials: RerunCredentials): string {
  const init = { method: plan.method, headers: plan.headers.map(([n, v]) => [n, v]), credentials, mode: 'cors', cache: 'no-store' };
  return `void fetch(${JSON.stringify(plan.url)}, ${JSON.stringify(init)}).catch(() => undefined)`;
}
