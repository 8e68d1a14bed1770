// The declarativeNetRequest session rule for one probe request (pure: no browser API, so it is
// unit-tested). It sets the crafted headers only on requests that come from no tab (tabIds [-1]),
// were initiated by this extension (initiatorDomains: its host), use this method and go to this
// exact URL: a page's own request to the same URL is never rewritten.
import type { DeclarativeNetRequest } from 'webextension-polyfill';
import type { ProbeRequest } from '../core/audit/probe-types';

/** One rule id, reused: the probe sends one request at a time. */
export const PROBE_RULE_ID = 60601;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `|url|` anchors both ends; a URL holding urlFilter's own special characters is matched by regex instead. */
function urlCondition(url: string): Pick<DeclarativeNetRequest.RuleConditionType, 'urlFilter' | 'regexFilter'> {
  return /[*^|]/.test(url) ? { regexFilter: `^${escapeRegex(url)}$` } : { urlFilter: `|${url}|` };
}

export function probeRule(request: ProbeRequest, url: string, host: string): DeclarativeNetRequest.Rule {
  return {
    id: PROBE_RULE_ID,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: request.headers.map((h) => ({ header: h.name, operation: 'set' as const, value: h.value })),
    },
    condition: {
      ...urlCondition(url),
      tabIds: [-1],
      initiatorDomains: [host],
      requestMethods: [request.method.toLowerCase()],
      resourceTypes: ['xmlhttprequest', 'other'],
    },
  };
}

