// webRequest listener registration, with each browser's extraInfoSpec rules (as observed in
// Chromium 156 and Firefox ESR 153, whose event sequences are in test/fixtures/webrequest/):
// - Chromium hides `Origin`, `Cookie` and every preflight unless a listener passes 'extraHeaders';
//   it exists only where `webRequest.On<Event>Options.EXTRA_HEADERS` does (feature detection).
// - Firefox has no 'extraHeaders' and throws "Incorrect argument types" on it and on an empty array,
//   so the third argument is passed only when it has entries.
// Listeners are added and removed as a set: while none is registered the browser delivers no event
// and (Chromium) stops proxying requests for us, so an idle CORS Lens costs page loads nothing.
import { browser } from './browser';

/** A webRequest header as both browsers give it (`binaryValue` when the value is not UTF-8). */
export interface RawHeader {
  readonly name: string;
  readonly value?: string;
  readonly binaryValue?: readonly number[];
}

/**
 * The fields of webRequest `details` the recorder reads: the union of what Chromium and Firefox send.
 * Chromium names the page's origin in `initiator`; Firefox gives full URLs in `originUrl`/`documentUrl`.
 */
export interface WebRequestDetails {
  readonly requestId: string;
  readonly url: string;
  readonly method: string;
  readonly tabId: number;
  readonly frameId: number;
  readonly type: string;
  readonly timeStamp: number;
  readonly initiator?: string;
  readonly originUrl?: string;
  readonly documentUrl?: string;
  readonly requestHeaders?: readonly RawHeader[];
  readonly responseHeaders?: readonly RawHeader[];
  readonly statusCode?: number;
  readonly statusLine?: string;
  readonly redirectUrl?: string;
  readonly error?: string;
  /** The server's address (Chromium: onResponseStarted/onCompleted/onBeforeRedirect; Firefox: most events). */
  readonly ip?: string | null;
  /** Served from the browser's HTTP cache (onResponseStarted, onBeforeRedirect, onCompleted, onErrorOccurred). */
  readonly fromCache?: boolean;
}

/** Which webRequest event fired, in the order of a request's life. */
export type RequestPhase = 'start' | 'send' | 'response' | 'redirect' | 'complete' | 'error';

/** What the webRequest listeners are registered for: every tab, or these tabs (none when empty). */
export type ListenScope = 'all-tabs' | readonly number[];

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

/** The listeners of one recorder, registered only for what is being recorded. */
export interface WebRequestListeners {
  /**
   * Registers listeners for exactly this scope; an empty list removes every listener. Call it with
   * 'all-tabs' synchronously in the background's first turn: an MV3 worker woken by an event
   * delivers it only to listeners registered by the end of that turn.
   */
  listenTo(scope: ListenScope): void;
  /** Whether any of ours is registered, as the browser reports it (`hasListener`), per event. */
  registered(): Record<string, boolean>;
  /** The scope registered now. */
  scope(): ListenScope;
}

type Registration = readonly { readonly event: WebRequestEvent; readonly callback: Callback }[];

/**
 * A tab's own listeners carry a `tabId` filter, so the browser dispatches no event of the other
 * tabs into the background (`npm run bench -- page-load`: in Chromium a page load beside an
 * inspected tab costs about 1.2x instead of the 1.6x of recording every tab).
 */
export function webRequestListeners(listener: WebRequestListener): WebRequestListeners {
  const api = browser.webRequest as unknown as Record<string, unknown>;
  const events = PHASES.map((spec) => ({ spec, event: api[spec.event] as WebRequestEvent, extra: extraInfoSpec(api, spec) }));
  const registrations = new Map<'all-tabs' | number, Registration>();
  // While registrations change, the browser may already have dispatched an event to a listener
  // being removed and dispatch it again to the one replacing it ('all-tabs' and a tab's overlap):
  // an event is passed on once. Two real events never share phase, request, time and URL.
  const recent = new RecentKeys(512);

  function register(tabId: number | undefined): Registration {
    const filter = tabId === undefined ? { urls: [...URLS] } : { urls: [...URLS], tabId };
    return events.map(({ spec, event, extra }) => {
      const callback = (details: WebRequestDetails): void => {
        if (recent.seen(`${spec.phase}|${details.requestId}|${details.timeStamp}|${details.url}`)) return;
        listener(spec.phase, details);
      };
      if (extra.length > 0) event.addListener(callback, filter, extra);
      else event.addListener(callback, filter);
      return { event, callback };
    });
  }

  return {
    listenTo(scope) {
      const wanted = new Set<'all-tabs' | number>(scope === 'all-tabs' ? ['all-tabs'] : scope);
      // Added before the old ones go, so no event of a recorded tab falls in between.
      for (const key of wanted) if (!registrations.has(key)) registrations.set(key, register(key === 'all-tabs' ? undefined : key));
      for (const [key, registration] of registrations) {
        if (wanted.has(key)) continue;
        for (const { event, callback } of registration) event.removeListener(callback);
        registrations.delete(key);
      }
    },
    registered: () =>
      Object.fromEntries(events.map(({ spec, event }) => [spec.event, [...registrations.values()].some((r) => r.some((l) => l.event === event && event.hasListener(l.callback)))])),
    scope: () => (registrations.has('all-tabs') ? 'all-tabs' : [...registrations.keys()].filter((k): k is number => k !== 'all-tabs')),
  };
}

/** A bounded set of the keys seen last (two generations of `size`). */
class RecentKeys {
  private current = new Set<string>();
  private previous = new Set<string>();
  constructor(private readonly size: number) {}

  seen(key: string): boolean {
    if (this.current.has(key) || this.previous.has(key)) return true;
    if (this.current.size >= this.size) [this.previous, this.current] = [this.current, new Set()];
    this.current.add(key);
    return false;
  }
}

/**
 * Which engine records, by feature detection, never by user agent: Chromium has
 * `OnSendHeadersOptions.EXTRA_HEADERS`, Firefox does not.
 */
export function browserFamily(): 'chromium' | 'firefox' {
  const api = browser.webRequest as unknown as Record<string, unknown>;
  const options = api['OnSendHeadersOptions'] as Record<string, unknown> | undefined;
  return options?.['EXTRA_HEADERS'] === undefined ? 'firefox' : 'chromium';
}
