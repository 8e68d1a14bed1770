// The declarativeNetRequest session rules of one *Try this fix* override (pure: no browser API, so
// it is table-tested). Each rule sets exactly the fix's headers (`set` replaces whatever the server
// sent under that name), only for requests of the inspected tab (tabIds), to this exact URL, with
// this method (the preflight rule: OPTIONS). Seen in Chromium 156 and Firefox ESR 153: a session
// rule's modifyHeaders reaches a CORS preflight response, and tabIds matches the preflight of a
// page's fetch (test/e2e/try-fix.e2e.test.ts).

import type { Header } from '../model';
import type { OverridePlan } from './override-plan';
import { exactUrlCondition, type UrlCondition } from './url-filter';

/** The ids our overrides use; everything in this range is ours (removed when the background starts). */
export const OVERRIDE_RULE_IDS = { first: 70_000, last: 79_999 } as const;

/** declarativeNetRequest's RequestMethod values; any other method is `other`. */
const DNR_METHODS = new Set(['connect', 'delete', 'get', 'head', 'options', 'patch', 'post', 'put']);

export function dnrMethod(method: string): string {
  const lower = method.toLowerCase();
  return DNR_METHODS.has(lower) ? lower : 'other';
}

/** The shape of a DNR rule we add (structurally a `declarativeNetRequest.Rule`). */
export interface OverrideRule {
  readonly id: number;
  readonly priority: 1;
  readonly action: {
    readonly type: 'modifyHeaders';
    readonly responseHeaders: readonly { readonly header: string; readonly operation: 'set'; readonly value: string }[];
  };
  readonly condition: UrlCondition & { readonly tabIds: readonly number[]; readonly requestMethods: readonly string[] };
}

/**
 * Fetch §4.8 caches a passing preflight (5 s by default, or the server's Access-Control-Max-Age):
 * without `Access-Control-Max-Age: 0` the overridden preflight would keep passing after *Remove*.
 * It changes no verdict, only how long the browser remembers one.
 */
export const NO_PREFLIGHT_CACHE: Header = { name: 'Access-Control-Max-Age', value: '0' };

function rule(id: number, headers: readonly Header[], url: string, tabId: number, method: string): OverrideRule {
  return {
    id,
    priority: 1,
    action: { type: 'modifyHeaders', responseHeaders: headers.map((h) => ({ header: h.name, operation: 'set', value: h.value })) },
    condition: { ...exactUrlCondition(url), tabIds: [tabId], requestMethods: [method] },
  };
}

/** Up to two rules, ids `firstId` (preflight) and `firstId + 1` (actual response). */
export function overrideRules(plan: OverridePlan, tabId: number, firstId: number): OverrideRule[] {
  const rules: OverrideRule[] = [];
  if (plan.preflight) rules.push(rule(firstId, [...plan.preflight, NO_PREFLIGHT_CACHE], plan.url, tabId, 'options'));
  if (plan.response) rules.push(rule(firstId + 1, plan.response, plan.url, tabId, dnrMethod(plan.method)));
  return rules;
}
