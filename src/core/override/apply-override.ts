// What the browser checked while a *Try this fix* override was active: the server's headers with
// the override's set on top. Chromium's webRequest reports the response headers as the server sent
// them, before declarativeNetRequest changes them (seen in Chromium 156: the re-run passed with no
// Access-Control-Allow-Origin in the recorded headers, which read as "browser disagrees"), so the
// recorder applies the same `set` to its record before analysing it, and marks the record.

import type { Exchange, Header, ResponseRecord } from '../model';
import type { OverridePlan } from './override-plan';
import { NO_PREFLIGHT_CACHE } from './override-rules';
import { wireUrl } from './url-filter';

function setHeaders(response: ResponseRecord, headers: readonly Header[]): ResponseRecord {
  const names = new Set(headers.map((h) => h.name.toLowerCase()));
  return { ...response, headers: [...response.headers.filter((h) => !names.has(h.name.toLowerCase())), ...headers] };
}

/** `exchange` as the browser saw it under `plans` (the overrides of its tab); the same object when none applies. */
export function applyOverrides(exchange: Exchange, plans: readonly OverridePlan[]): Exchange {
  let changed = false;
  const hops = exchange.hops.map((hop) => {
    const plan = plans.find((p) => p.response && p.url === wireUrl(hop.request.url) && p.method === hop.request.method);
    if (!plan?.response || !hop.response) return hop;
    changed = true;
    return { ...hop, response: setHeaders(hop.response, plan.response) };
  });
  const preflights = exchange.preflights.map((preflight) => {
    const plan = plans.find((p) => p.preflight && p.url === wireUrl(preflight.request.url));
    if (!plan?.preflight || !preflight.response) return preflight;
    changed = true;
    return { ...preflight, response: setHeaders(preflight.response, [...plan.preflight, NO_PREFLIGHT_CACHE]) };
  });
  return changed ? { ...exchange, hops, preflights, overridden: true } : exchange;
}
