// What *Try this fix* would change: the suggested headers (src/core/fix.ts), on the responses of the
// one request at fault (the hop the first reason names: its URL and method, and its preflight),
// exactly as the fix states them. Pure, so the panel builds it and the background checks it.

import type { Analysis } from '../analysis';
import type { Exchange, Header } from '../model';
import { wireUrl } from './url-filter';

export interface OverridePlan {
  /** The request at fault, fragment removed. */
  readonly url: string;
  readonly method: string;
  /** Set on the preflight (OPTIONS) response to `url`; null when the preflight is not at fault. */
  readonly preflight: readonly Header[] | null;
  /** Set on the actual response to `method url`; null when it is not at fault. */
  readonly response: readonly Header[] | null;
}

export type OverrideChoice = { readonly ok: true; readonly plan: OverridePlan } | { readonly ok: false; readonly why: string };

/**
 * Null when the fix is not a header change (a note, or nothing). A fix that also needs a 2xx
 * preflight status cannot be tried: declarativeNetRequest changes headers, never a status.
 */
export function overridePlan(exchange: Exchange, analysis: Analysis): OverrideChoice | null {
  const { fix } = analysis;
  if (fix.preflight === null && fix.response === null) return null;
  if (fix.preflightStatus !== null) {
    return { ok: false, why: `The preflight also needs a 2xx status (it got ${exchange.preflights[0]?.response?.status ?? 'no response'}); an override can change headers, never a status, so this fix cannot be tried in the browser.` };
  }
  const hop = exchange.hops[analysis.reasons[0]?.hop ?? 0] ?? exchange.hops[0];
  if (!hop || !/^https?:/i.test(hop.request.url)) return { ok: false, why: 'Only http(s) requests can be overridden.' };
  return { ok: true, plan: { url: wireUrl(hop.request.url), method: hop.request.method, preflight: fix.preflight, response: fix.response } };
}

const isHeader = (h: unknown): h is Header =>
  typeof h === 'object' && h !== null && typeof (h as Header).name === 'string' && typeof (h as Header).value === 'string' && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test((h as Header).name) && !/[\r\n\0]/.test((h as Header).value);
const isHeaderList = (v: unknown): boolean => v === null || (Array.isArray(v) && v.length > 0 && v.length <= 16 && v.every(isHeader));

/** A plan as it arrives over a port: nothing is trusted unchecked. */
export function isOverridePlan(value: unknown): value is OverridePlan {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p['url'] === 'string' && /^https?:\/\/[^#]+$/i.test(p['url']) && p['url'].length <= 4096 &&
    typeof p['method'] === 'string' && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(p['method']) &&
    isHeaderList(p['preflight']) && isHeaderList(p['response']) && (p['preflight'] !== null || p['response'] !== null)
  );
}
