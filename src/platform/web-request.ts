// webRequest listener registration, with each browser's extraInfoSpec rules (browser-facts.md):
// - Chromium hides `Origin`, `Cookie` and every preflight unless a listener passes 'extraHeaders';
//   it exists only where `webRequest.On<Event>Options.EXTRA_HEADERS` does (feature detection).
// - Firefox has no 'extraHeaders' and throws "Incorrect argument types" on it and on an empty array,
//   so the third argument is passed only when it has entries.
import type { RequestPhase, WebRequestDetails } from '../background/event-normalizer';
import { browser } from './browser';

export type WebRequestListener = (phase: RequestPhase, details: WebRequestDetails) => void;

interface WebRequestEvent {
  addListener(callback: (details: WebRequestDetails) => void, filter: { urls: string[] }, extraInfoSpec?: string[]): void;
}

interface PhaseSpec {
  readonly phase: RequestPhase;
  readonly event: string;
  readonly optionsEnum: string;
  readonly wants: readonly string[];
}

const PHASES: readonly PhaseSpec[] = [
  { phase: 'start', event: 'onBeforeRequest', optionsEnum: 'OnBeforeRequestOptions', wants: [] },
  // onSendHeaders, not onBeforeSendHeaders: it reports the headers as sent, after every extension's
  // changes, which is what the browser's CORS checks saw. Both fire in the same order relative to preflights.
  { phase: 'send', event: 'onSendHeaders', optionsEnum: 'OnSendHeadersOptions', wants: ['requestHeaders'] },
  { phase: 'response', event: 'onHeadersReceived', optionsEnum: 'OnHeadersReceivedOptions', wants: ['responseHeaders'] },
  // onHeadersReceived already carried these responses' headers: asking again would copy every
  // header list across processes twice, which is most of what a listener costs page loads.
  { phase: 'redirect', event: 'onBeforeRedirect', optionsEnum: 'OnBeforeRedirectOptions', wants: [] },
  { phase: 'complete', event: 'onCompleted', optionsEnum: 'OnCompletedOptions', wants: [] },
  { phase: 'error', event: 'onErrorOccurred', optionsEnum: 'OnErrorOccurredOptions', wants: [] },
];

/** Only network traffic can be CORS traffic; extension pages, data: and blob: URLs are not. */
const FILTER = { urls: ['http://*/*', 'https://*/*'] };

function extraInfoSpec(api: Record<string, unknown>, spec: PhaseSpec): string[] {
  const options = api[spec.optionsEnum] as Record<string, unknown> | undefined;
  const extra = typeof options?.['EXTRA_HEADERS'] === 'string' ? [options['EXTRA_HEADERS']] : [];
  return [...spec.wants, ...extra];
}

/**
 * Registers one listener per webRequest event. Call it synchronously at the top of the background
 * script: an MV3 worker woken by an event only delivers it to listeners registered in its first turn.
 */
export function listenToWebRequest(listener: WebRequestListener): void {
  const api = browser.webRequest as unknown as Record<string, unknown>;
  for (const spec of PHASES) {
    const event = api[spec.event] as WebRequestEvent;
    const callback = (details: WebRequestDetails): void => listener(spec.phase, details);
    const extra = extraInfoSpec(api, spec);
    if (extra.length > 0) event.addListener(callback, { ...FILTER, urls: [...FILTER.urls] }, extra);
    else event.addListener(callback, { ...FILTER, urls: [...FILTER.urls] });
  }
}

/** Which engine records, by feature detection (style.md §7: never by user agent). */
export function browserFamily(): 'chromium' | 'firefox' {
  const api = browser.webRequest as unknown as Record<string, unknown>;
  const options = api['OnSendHeadersOptions'] as Record<string, unknown> | undefined;
  return options?.['EXTRA_HEADERS'] === undefined ? 'firefox' : 'chromium';
}
