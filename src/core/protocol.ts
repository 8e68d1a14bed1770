// The one typed protocol between the DevTools panel and the background recorder
// Messages are declared once, as maps from name to payload; no `any`.
// One port per inspected tab, named `cors-lens:<tabId>`; on disconnect the panel reconnects
// and sends `hello` again, and the background answers with a full `snapshot`.

import type { Analysis } from './analysis';
import type { ProbeCommand, ProbeUpdate } from './audit/probe-command';
import type { SkippedEntry } from './har/validate-har';
import type { Exchange } from './model';
import type { OverrideCommand, OverridesUpdate } from './override/override-command';

export const PROTOCOL_VERSION = 1;
export const PORT_PREFIX = 'cors-lens:';

/** A navigation of the inspected tab's top frame starts a new page group (like the Network panel). */
export interface PageGroup {
  readonly id: number;
  readonly url: string;
  readonly startedAt: number;
}

/** An exchange as the recorder keeps it: the record, its analysis and its place in the log. */
export interface RecordedExchange {
  /** Increases by one for every exchange recorded in this tab; never reused, even after a clear. */
  readonly seq: number;
  readonly pageId: number;
  readonly exchange: Exchange;
  readonly analysis: Analysis;
  /**
   * Restored from disk after the background restarted: secret header values and URL parameters were
   * removed when it was saved (src/background/at-rest.ts) and read `[redacted]`.
   */
  readonly redactedAtRest?: true;
}

export type HostAccess = 'granted' | 'missing';

export interface TabLogSummary {
  /** Exchanges dropped because the per-tab cap was reached (oldest first). */
  readonly dropped: number;
  /** Same-origin exchanges: counted, not kept. */
  readonly sameOrigin: number;
  /** An imported HAR's entries that could not be read (never silently lost: the summary says so). */
  readonly skipped?: number;
  /** The first of them, each with its reason, for the panel to name (the file may skip thousands). */
  readonly skippedEntries?: readonly SkippedEntry[];
  readonly cap: number;
  readonly preserveLog: boolean;
  readonly hostAccess: HostAccess;
  /** The "Record all tabs, even with DevTools closed" setting (off by default). */
  readonly recordAllTabs: boolean;
  /** When recording of this tab began (DevTools opened on it, or a panel showed it); null while it is not recorded. */
  readonly recordingSince: number | null;
  /** Whether a top-frame page load was recorded since then: if not, the panel offers a reload. */
  readonly pageLoadCaptured: boolean;
  /** Saving the log failed (RecorderContext): the panel says what happened. */
  readonly storageFault?: string;
  /** The tab is in a private window: its log is kept in memory only, never written to disk. */
  readonly privateWindow?: true;
}

/** What the summary of every tab shares: the recorder's access and settings. */
export interface RecorderContext {
  readonly hostAccess: HostAccess;
  readonly recordAllTabs: boolean;
  /** Saving the log failed (quota exceeded, the database deleted or blocked): it is kept in memory only from then on. */
  readonly storageFault?: string;
}

export interface BackgroundToPanel {
  snapshot: {
    readonly tabId: number;
    readonly pages: readonly PageGroup[];
    readonly exchanges: readonly RecordedExchange[];
    readonly summary: TabLogSummary;
  };
  /** New exchange, or a later state of one already sent (same `exchange.id`, higher `seq`). */
  exchangeRecorded: { readonly entry: RecordedExchange; readonly summary: TabLogSummary };
  pageStarted: { readonly page: PageGroup; readonly removedPageIds: readonly number[] };
  cleared: { readonly summary: TabLogSummary };
  summaryChanged: { readonly summary: TabLogSummary };
  /** Progress and result of an active probe the user started (src/core/audit/probe-types.ts). */
  probeUpdate: ProbeUpdate;
  /** The *Try this fix* overrides active in the tab, after every change and on `hello`. */
  overridesChanged: OverridesUpdate;
  /**
   * Several of the above, in order: the background posts what a port should get at most every
   * 100 ms as one message, since each runtime message costs the worker a serialisation and an IPC
   * (most of its time during a page load, before batching).
   */
  updates: { readonly messages: readonly BackgroundUpdate[] };
}

export interface PanelToBackground {
  hello: { readonly tabId: number; readonly protocolVersion: number };
  clear: { readonly tabId: number };
  setPreserveLog: { readonly tabId: number; readonly preserveLog: boolean };
  /**
   * From the devtools page, as soon as DevTools opens on a tab and again every 20 s: the tab is
   * inspected while this port is open (and the messages keep Chromium's worker from idling out).
   */
  inspect: { readonly tabId: number };
  /** The panel's setting "Record all tabs, even with DevTools closed"; remembered across browser restarts. */
  setRecordAllTabs: { readonly tabId: number; readonly recordAllTabs: boolean };
  /** The panel obtained (or lost) host permissions; the background re-checks and re-registers. */
  hostAccessChanged: { readonly tabId: number };
  /** Start (on the user's click only) or cancel the active probe of one endpoint. */
  probe: ProbeCommand;
  /** Add (on the user's click on *Try this fix* only) or remove header overrides in this tab. */
  override: OverrideCommand;
}

/** A message of map `M` whose type is one of `K` (any of them by default), as a union over `K`. */
export type Message<M, K extends keyof M = keyof M> = { [T in K]: { readonly type: T; readonly version: number; readonly payload: M[T] } }[K];

export type BackgroundMessage = Message<BackgroundToPanel>;
/** Every background→panel message type but the `updates` batch that carries them. */
export type UpdateType = Exclude<keyof BackgroundToPanel, 'updates'>;
/** A message as the panel applies it: `updates` unpacked. */
export type BackgroundUpdate = Message<BackgroundToPanel, UpdateType>;
export type PanelMessage = Message<PanelToBackground>;

/**
 * Every background→panel message type, once: a `Record` over the protocol's own keys, so the
 * compiler rejects this object when a message type is added to `BackgroundToPanel` and not here.
 */
const BACKGROUND_MESSAGE_TYPES: Readonly<Record<keyof BackgroundToPanel, true>> = {
  snapshot: true,
  exchangeRecorded: true,
  pageStarted: true,
  cleared: true,
  summaryChanged: true,
  probeUpdate: true,
  overridesChanged: true,
  updates: true,
};

export function isBackgroundMessageType(type: string): type is keyof BackgroundToPanel {
  return Object.hasOwn(BACKGROUND_MESSAGE_TYPES, type);
}

export function unpackUpdates(msg: BackgroundMessage): readonly BackgroundUpdate[] {
  return msg.type === 'updates' ? msg.payload.messages : [msg];
}

/** The one constructor of background→panel messages. */
export function backgroundMessage<K extends keyof BackgroundToPanel>(type: K, payload: BackgroundToPanel[K]): Message<BackgroundToPanel, K> {
  return { type, version: PROTOCOL_VERSION, payload };
}

/** The one constructor of panel→background messages. */
export function panelMessage<K extends keyof PanelToBackground>(type: K, payload: PanelToBackground[K]): Message<PanelToBackground, K> {
  return { type, version: PROTOCOL_VERSION, payload };
}

/** Narrow an unknown port message to our protocol (ports carry whatever the other side posts). */
export function isProtocolMessage(value: unknown): value is { type: string; version: number; payload: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; version?: unknown; payload?: unknown };
  return typeof v.type === 'string' && v.version === PROTOCOL_VERSION && typeof v.payload === 'object' && v.payload !== null;
}
