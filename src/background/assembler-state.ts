// The assembler's working state: plain JSON-safe records, so the whole state can be written to
// storage and restored when the service worker wakes (events of one request may straddle a restart).

import type { Preflight, RequestMode, RequestRecord, ResponseRecord } from '../core/model';

export interface PendingHop {
  request: RequestRecord;
  response?: ResponseRecord;
  /** `onBeforeSendHeaders` was seen for this hop (the request went to the network). */
  sent: boolean;
  /** requestId of the preflight linked to this hop, if any. */
  preflightId?: string;
}

export interface PendingRequest {
  readonly id: string;
  readonly tabId: number;
  frameId: number;
  resourceType: string;
  initiatorOrigin: string | null;
  documentUrl?: string;
  readonly startedAt: number;
  lastAt: number;
  hops: PendingHop[];
  mode?: RequestMode;
  error?: string;
  /** When onCompleted/onErrorOccurred arrived; the exchange is emitted once its preflights are done too. */
  finishedAt?: number;
}

export interface PendingPreflight {
  readonly id: string;
  readonly tabId: number;
  readonly initiatorOrigin: string | null;
  /** `Access-Control-Request-Method`: the method of the request this preflight is for. */
  readonly forMethod: string;
  readonly at: number;
  record: Preflight;
  done: boolean;
  /** requestId of the actual request, once linked. */
  linkedTo?: string;
}

/** The whole in-flight state, as restored from storage. */
export interface AssemblerState {
  readonly requests: readonly PendingRequest[];
  readonly preflights: readonly PendingPreflight[];
}

/**
 * What changed since the last `takeChanges()`: rows to write and ids to delete. Only these are
 * written, so a burst of 300 requests in flight does not rewrite all 300 every 250 ms.
 */
export interface AssemblerChanges {
  readonly requests: readonly PendingRequest[];
  readonly preflights: readonly PendingPreflight[];
  readonly removed: readonly string[];
}

export function emptyAssemblerState(): AssemblerState {
  return { requests: [], preflights: [] };
}

/** The live maps the assembler works on. */
export interface LiveState {
  readonly requests: Map<string, PendingRequest>;
  readonly preflights: Map<string, PendingPreflight>;
}
