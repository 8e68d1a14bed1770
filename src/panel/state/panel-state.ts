// The panel's state: the live log of the inspected tab (as the background sent it) and, separately,
// an imported HAR. Imported rows are never mixed with live ones.
import type { PageGroup, RecordedExchange, TabLogSummary } from '../../core/protocol';

export interface ExchangeLog {
  readonly pages: readonly PageGroup[];
  /** Keyed by `exchange.id`: an exchange appears once, in its latest (highest `seq`) state. */
  readonly byId: ReadonlyMap<string, RecordedExchange>;
  /** Display order: by start time, then id (the same rule after a resync, so rows do not jump). */
  readonly order: readonly string[];
  readonly summary: TabLogSummary;
}

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

export interface ImportedLog {
  readonly fileName: string;
  readonly log: ExchangeLog;
}

export interface PanelState {
  readonly live: ExchangeLog;
  readonly imported: ImportedLog | null;
  readonly connection: ConnectionStatus;
}

export const EMPTY_SUMMARY: TabLogSummary = {
  dropped: 0,
  sameOrigin: 0,
  cap: 5000,
  preserveLog: false,
  hostAccess: 'granted',
  recordAllTabs: false,
  recordingSince: null,
  pageLoadCaptured: true,
};

export const EMPTY_LOG: ExchangeLog = { pages: [], byId: new Map(), order: [], summary: EMPTY_SUMMARY };

export const INITIAL_STATE: PanelState = { live: EMPTY_LOG, imported: null, connection: 'connecting' };

/** The log's entries in display order. */
export function entriesOf(log: ExchangeLog): RecordedExchange[] {
  const out: RecordedExchange[] = [];
  for (const id of log.order) {
    const entry = log.byId.get(id);
    if (entry) out.push(entry);
  }
  return out;
}
