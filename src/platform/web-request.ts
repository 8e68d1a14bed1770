// webRequest listener registration, with each browser's extraInfoSpec rules (browser-facts.md):
// - Chromium hides `Origin`, `Cookie` and every preflight unless a listener passes 'extraHeaders';
//   it exists only where `webRequest.On<Event>Options.EXTRA_HEADERS` does (feature detection).
// - Firefox has no 'extraHeaders' and throws "Incorrect argument types" on it and on an empty array,
//   so the third argument is passed only when it has entries.
// Listeners are added and removed as a set: while none is registered the browser delivers no event
// and (Chromium) stops proxying requests for us, so an idle CORS Lens costs page loads nothing.
import type { RequestPhase, WebRequestDetails } from '../background/event-normalizer';
import { browser } from './browser';

export type WebRequestListener = (phase: RequestPhase, details: WebRequestDetails) => void;

type Callback = (details: WebRequestDetails) => void;

interface WebRequestEvent {
  addListener(callback: Callback, filter: { urls: string[] }, extraInfoSpec?: string[]): void;
  removeListener(callback: Callback): void;
  hasListener(callback: Callback): boolean;
}

interface PhaseSpec {
  readonly phase: RequestPhase;
  readonly event: string;
  readonly optionsEnum: string;
  readonly wants: readonly string[];
}

// No onBeforeRequest: every request it reports is reported again by onSendHeaders or, when it
// never went out (its preflight refused it), by onErrorOccurred, which carry the same fields; the
// assembler builds the same exchanges without it (exchange-assembler.lean-events.test.ts), and
// each listener costs every request an event dispatch into the worker.
const PHASES: readonly PhaseSpec[] = [
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
const URLS = ['http://*/*', 'https://*/*'];

function extraInfoSpec(api: Record<string, unknown>, spec: PhaseSpec): string[] {
  const options = api[spec.optionsEnum] as Record<string, unknown> | undefined;
  const extra = typeof options?.['EXTRA_HEADERS'] === 'string' ? [options['EXTRA_HEADERS']] : [];
  return [...spec.wants, ...extra];
}

/** The listeners of one recorder, registered only while something is being recorded. */
export interface WebRequestListeners {
  /** Registers every listener (no-op when registered). */
  start(): void;
  /** Removes every listener (no-op when none is registered). */
  stop(): void;
  /** Whether ours are registered, as the browser reports it (`hasListener`), per event. */
  registered(): Record<string, boolean>;
}

/**
 * Call it, and `start()` when the background wakes, synchronously in the first turn: an MV3 worker
 * woken by an event delivers it only to listeners registered by the end of that turn.
 */
export function webRequestListeners(listener: WebRequestListener): WebRequestListeners {
  const api = browser.webRequest as unknown as Record<string, unknown>;
  const events = PHASES.map((spec) => ({
    spec,
    event: api[spec.event] as WebRequestEvent,
    callback: (details: WebRequestDetails): void => listener(spec.phase, details),
    extra: extraInfoSpec(api, spec),
  }));
  let active = false;
  return {
    start() {
      if (active) return;
      active = true;
      for (const { event, callback, extra } of events) {
        if (extra.length > 0) event.addListener(callback, { urls: [...URLS] }, extra);
        else event.addListener(callback, { urls: [...URLS] });
      }
    },
    stop() {
      if (!active) return;
      active = false;
      for (const { event, callback } of events) event.removeListener(callback);
    },
    registered: () => Object.fromEntries(events.map(({ spec, event, callback }) => [spec.event, event.hasListener(callback)])),
  };
}

/** Which engine records, by feature detection (style.md §7: never by user agent). */
export function browserFamily(): 'chromium' | 'firefox' {
  const api = browser.webRequest as unknown as Record<string, unknown>;
  const options = api['OnSendHeadersOptions'] as Record<string, unknown> | undefined;
  return options?.['EXTRA_HEADERS'] === undefined ? 'firefox' : 'chromium';
}
