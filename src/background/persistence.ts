// Where the recorder's state lives between service-worker lives (Chrome stops an idle MV3 worker
// after 30 s; Firefox suspends an idle event page the same way).
//
// IndexedDB, not storage.session: storage.session is capped at 10 MB (QUOTA_BYTES, both browsers),
// and one tab at the 5,000-exchange cap already needs ~10-25 MB (headers + analysis). IndexedDB also
// takes per-row writes, so a batch writes only the new rows instead of re-serialising a whole tab.
// IndexedDB is on disk, so what an earlier browser session left is wiped when a new one starts
// (`RecorderStore.open(freshSession)`; index.ts tells a new session by a marker in storage.session,
// and wakes the background at browser start to do it at once). The store writes what it is given:
// `Recorder.takeBatch()` has already left out secret values and private windows' tabs (at-rest.ts).
// Three object stores: exchanges (keyed [tabId, seq]), tab metas, and in-flight requests and
// preflights, so that a request a stopped worker left unfinished is completed by the next one.

import type { RecordedExchange } from '../core/protocol';
import type { PendingPreflight, PendingRequest } from './assembler-state';
import { seqRuns, type PersistBatch, type StoredExchange } from './persist-queue';
import type { RecorderSnapshot } from './recorder';
import type { TabLogMeta } from './tab-log';

const DB_NAME = 'cors-lens-recorder';
const DB_VERSION = 1;
/** RecordedExchange rows, keyed [tabId, seq]. */
const EXCHANGES = 'exchanges';
/** TabLogMeta rows, keyed by tabId. */
const TABS = 'tabs';
/** In-flight requests and preflights, keyed by requestId (one namespace in both browsers). */
const PENDING = 'pending';
const STORES = [EXCHANGES, TABS, PENDING];

type PendingRow = { readonly kind: 'request'; readonly row: PendingRequest } | { readonly kind: 'preflight'; readonly row: PendingPreflight };

function done(request: IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const name of STORES) db.createObjectStore(name);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Someone deletes or upgrades the database (clearing site data): let them, rather than block
      // them; the next write then fails, and the runtime goes on in memory.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    request.onblocked = () => reject(new DOMException('another connection blocks the database', 'BlockedError'));
  });
}

/** What the runtime needs of the store; unit tests stand a failing one in for it. */
export interface RecorderPersistence {
  load(): Promise<RecorderSnapshot>;
  write(batch: PersistBatch): Promise<void>;
}

export class RecorderStore implements RecorderPersistence {
  private constructor(private readonly db: IDBDatabase) {}

  /** Opens the store; `freshSession` wipes what an earlier browser session left behind. */
  static async open(freshSession: boolean): Promise<RecorderStore> {
    const store = new RecorderStore(await open());
    if (freshSession) await store.wipe();
    return store;
  }

  async wipe(): Promise<void> {
    const tx = this.db.transaction(STORES, 'readwrite');
    for (const name of STORES) tx.objectStore(name).clear();
    await committed(tx);
  }

  async load(): Promise<RecorderSnapshot> {
    const tx = this.db.transaction(STORES, 'readonly');
    const [metas, rows, keys, pendingRows] = await Promise.all([
      done(tx.objectStore(TABS).getAll()),
      done(tx.objectStore(EXCHANGES).getAll()),
      done(tx.objectStore(EXCHANGES).getAllKeys()),
      done(tx.objectStore(PENDING).getAll()),
    ]);
    const pending = pendingRows as PendingRow[];
    const entries = rows as RecordedExchange[];
    const exchanges: StoredExchange[] = (keys as [number, number][]).flatMap(([tabId, seq], i) => {
      const entry = entries[i];
      return entry ? [{ tabId, seq, entry }] : [];
    });
    return {
      metas: metas as TabLogMeta[],
      exchanges,
      assembler: {
        requests: pending.flatMap((p) => (p.kind === 'request' ? [p.row] : [])),
        preflights: pending.flatMap((p) => (p.kind === 'preflight' ? [p.row] : [])),
      },
    };
  }

  /**
   * Writes one batch atomically: after a crash either all of it is there or none (no half-moved
   * exchange). Every put() happens before the first await, so the batch's rows are copied (structured
   * clone) when write() is called: the caller may change them right after.
   */
  async write(batch: PersistBatch): Promise<void> {
    const tx = this.db.transaction(STORES, 'readwrite');
    const exchanges = tx.objectStore(EXCHANGES);
    const tabs = tx.objectStore(TABS);
    for (const tabId of batch.removedTabs) {
      tabs.delete(tabId);
      exchanges.delete(IDBKeyRange.bound([tabId, -Infinity], [tabId, Infinity]));
    }
    for (const [tabId, first, last] of seqRuns(batch.remove)) exchanges.delete(first === last ? [tabId, first] : IDBKeyRange.bound([tabId, first], [tabId, last]));
    for (const row of batch.put) exchanges.put(row.entry, [row.tabId, row.seq]);
    for (const meta of batch.metas) tabs.put(meta, meta.tabId);
    const pending = tx.objectStore(PENDING);
    for (const id of batch.assembler.removed) pending.delete(id);
    for (const row of batch.assembler.requests) pending.put({ kind: 'request', row } satisfies PendingRow, row.id);
    for (const row of batch.assembler.preflights) pending.put({ kind: 'preflight', row } satisfies PendingRow, row.id);
    await committed(tx);
  }
}
