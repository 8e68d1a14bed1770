// The panel's probe state: the latest report per probed endpoint, fed by `probeUpdate` messages
// (main.tsx routes them here, not into the exchange log), and the actions the detail view calls.

import { initiatorOrigin } from '../core/analyze';
import type { ProbeReport, ProbeTarget } from '../core/audit/probe-types';
import type { Exchange } from '../core/model';
import type { PanelMessage, RecordedExchange } from '../core/protocol';
import { panelMessage } from '../core/protocol';

export interface ProbeController {
  /** The report for `target`, if one was started from this panel. */
  report(target: ProbeTarget): ProbeReport | undefined;
  /** Only ever called from the user's click on "Probe this endpoint". */
  start(target: ProbeTarget): void;
  cancel(): void;
  receive(report: ProbeReport): void;
  subscribe(listener: () => void): () => void;
  /** Every exchange of the current log, for the audit across exchanges of one endpoint. */
  entries(): readonly RecordedExchange[];
}

export interface ProbeControllerDeps {
  readonly tabId: number;
  readonly send: (message: PanelMessage) => void;
  /** Resolves true when the probe's permission is held (asking the user first if the browser allows). */
  readonly requestPermission: () => Promise<boolean>;
  readonly entries: () => readonly RecordedExchange[];
}

export function probeKey(target: ProbeTarget): string {
  return `${target.pageOrigin} ${target.method} ${target.url}`;
}

/** What a click on this exchange would probe: its first request's URL, from its page's origin. */
export function probeTargetOf(exchange: Exchange): ProbeTarget | null {
  const first = exchange.hops[0];
  const pageOrigin = initiatorOrigin(exchange);
  if (!first || pageOrigin === null || !/^https?:/i.test(first.request.url)) return null;
  return { url: first.request.url, method: first.request.method, pageOrigin };
}

export function createProbeController(deps: ProbeControllerDeps): ProbeController {
  const reports = new Map<string, ProbeReport>();
  const listeners = new Set<() => void>();
  const set = (report: ProbeReport): void => {
    reports.set(probeKey(report.target), report);
    for (const l of listeners) l();
  };
  const failed = (target: ProbeTarget, error: string): ProbeReport => ({ target, state: 'failed', planned: 0, sent: [], origins: [], findings: [], classification: [], error });
  return {
    report: (target) => reports.get(probeKey(target)),
    start: (target) => {
      set({ ...failed(target, ''), state: 'running' });
      void deps.requestPermission().then(
        (granted) => {
          if (granted) deps.send(panelMessage('probe', { tabId: deps.tabId, action: 'start', target }));
          else set(failed(target, 'The permission to send crafted Origin headers was not granted.'));
        },
        (error: unknown) => set(failed(target, String(error))),
      );
    },
    cancel: () => deps.send(panelMessage('probe', { tabId: deps.tabId, action: 'cancel' })),
    receive: set,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    entries: deps.entries,
  };
}
