// Sends the probe's requests with a crafted Origin. `Origin` (and Access-Control-Request-Method)
// are forbidden request headers for fetch() even in an extension (Fetch §2.2.2), so each request
// gets a declarativeNetRequest session rule that sets them, scoped to this extension's own
// requests only: no tab (tabIds [-1]), initiated by this extension (initiatorDomains: its host,
// the id in Chromium, the internal UUID in Firefox), this method, this exact URL. Verified in
// Chromium 156 and Firefox ESR 153 (test/e2e/probe.e2e.test.ts). The rule is removed after every
// request, so nothing else is ever rewritten.
import type { ProbeRequest, ProbeResponse } from '../core/audit/probe-types';
import { browser } from './browser';
import { PROBE_RULE_ID, probeRule } from './probe-rule';

/** How a probe's requests reach the server: this file's rules in the extension, plain fetch in Node tests. */
export interface ProbeTransport {
  /** Sends exactly `request` (without cookies, never following a redirect) and reports the answer. */
  send(request: ProbeRequest, signal: AbortSignal): Promise<ProbeResponse>;
}

function extensionHost(): string {
  return new URL(browser.runtime.getURL('/')).host;
}

export async function removeProbeRule(): Promise<void> {
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [PROBE_RULE_ID] });
}

export const dnrProbeTransport: ProbeTransport = {
  async send(request: ProbeRequest, signal: AbortSignal): Promise<ProbeResponse> {
    const parsed = new URL(request.url);
    parsed.hash = '';
    const url = parsed.href;
    await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [PROBE_RULE_ID], addRules: [probeRule(request, url, extensionHost())] });
    try {
      // No cookies, no cache, no referrer; a redirect comes back as an opaque-redirect and is never followed.
      const response = await fetch(url, { method: request.method, credentials: 'omit', redirect: 'manual', cache: 'no-store', referrerPolicy: 'no-referrer', signal });
      const redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status, headers: [...response.headers].map(([name, value]) => ({ name, value })), redirected };
    } finally {
      await removeProbeRule();
    }
  },
};
