// The pure reducer for background messages, tested without a browser. Applied in batches: a page
// making thousands of requests sends thousands of messages, and copying a 20,000-entry map per
// message would be quadratic, so `applyMessages` copies once per batch and `applyMessage` is a
// batch of one.
import type { BackgroundUpdate, BackgroundToPanel, RecordedExchange } from '../../core/protocol';
import type { ExchangeLog, PanelState } from './panel-state';

interface Draft {
  pages: ExchangeLog['pages'];
  byId: Map<string, RecordedExchange>;
  summary: ExchangeLog['summary'];
  orderDirty: boolean;
  order: string[];
}

function compare(a: RecordedExchange, b: RecordedExchange): number {
  return a.exchange.startedAt - b.exchange.startedAt || (a.exchange.id < b.exchange.id ? -1 : a.exchange.id > b.exchange.id ? 1 : 0);
}

function upsert(draft: Draft, entry: RecordedExchange): void {
  const known = draft.byId.get(entry.exchange.id);
  // A later state of an exchange carries a higher seq; anything else is stale or a duplicate.
  if (known && known.seq >= entry.seq) return;
  draft.byId.set(entry.exchange.id, entry);
  if (known) return;
  const last = draft.byId.get(draft.order[draft.order.length - 1] ?? '');
  if (last && compare(last, entry) > 0) draft.orderDirty = true;
  draft.order.push(entry.exchange.id);
}

/**
 * A snapshot is the background's whole truth, with one exception: rows this panel already has
 * with a seq above anything in the snapshot were recorded after the background last persisted
 * (the worker died before writing its batch). Keeping them loses nothing; keying by id means
 * nothing is duplicated when the background sends them again.
 */
function applySnapshot(draft: Draft, snapshot: BackgroundToPanel['snapshot']): void {
  const previous = draft.byId;
  const pageIds = new Set(snapshot.pages.map((p) => p.id));
  let maxSeq = 0;
  for (const entry of snapshot.exchanges) maxSeq = Math.max(maxSeq, entry.seq);
  draft.pages = snapshot.pages;
  draft.summary = snapshot.summary;
  draft.byId = new Map();
  draft.order = [];
  // upsert marks the order dirty only if an entry arrives out of order: a snapshot in start order
  // (the usual case) is not re-sorted.
  for (const entry of snapshot.exchanges) upsert(draft, entry);
  for (const entry of previous.values()) if (entry.seq > maxSeq && pageIds.has(entry.pageId)) upsert(draft, entry);
}

function removePages(draft: Draft, removed: readonly number[]): void {
  if (removed.length === 0) return;
  const gone = new Set(removed);
  draft.pages = draft.pages.filter((p) => !gone.has(p.id));
  for (const [id, entry] of draft.byId) if (gone.has(entry.pageId)) draft.byId.delete(id);
  draft.order = draft.order.filter((id) => draft.byId.has(id));
}

/** `updates` never gets here: the connection unpacks it (protocol.ts `unpackUpdates`). */
type Handlers = { [K in keyof Omit<BackgroundToPanel, 'updates'>]: (draft: Draft, payload: BackgroundToPanel[K]) => void };

const HANDLERS: Handlers = {
  snapshot: applySnapshot,
  exchangeRecorded: (draft, { entry, summary }) => {
    draft.summary = summary;
    upsert(draft, entry);
  },
  pageStarted: (draft, { page, removedPageIds }) => {
    removePages(draft, removedPageIds);
    draft.pages = [...draft.pages.filter((p) => p.id !== page.id), page];
  },
  // The current page group stays (the Network panel keeps the page, empties its requests).
  cleared: (draft, { summary }) => {
    draft.byId = new Map();
    draft.order = [];
    draft.pages = draft.pages.slice(-1);
    draft.summary = summary;
  },
  summaryChanged: (draft, { summary }) => {
    draft.summary = summary;
  },
  // Probe reports are not part of the exchange log: main.tsx hands them to the probe store (src/panel/probe-store.ts).
  probeUpdate: () => undefined,
  // Overrides are not part of the log either: main.tsx hands them to the override store (src/panel/override-store.ts).
  overridesChanged: () => undefined,
};

function apply(draft: Draft, msg: BackgroundUpdate): void {
  // The map is typed per message; TypeScript cannot correlate msg.type and msg.payload across the union.
  (HANDLERS[msg.type] as (draft: Draft, payload: BackgroundUpdate['payload']) => void)(draft, msg.payload);
}

export function applyMessagesToLog(log: ExchangeLog, messages: readonly BackgroundUpdate[]): ExchangeLog {
  if (messages.length === 0) return log;
  const draft: Draft = { pages: log.pages, byId: new Map(log.byId), summary: log.summary, order: [...log.order], orderDirty: false };
  for (const msg of messages) apply(draft, msg);
  if (draft.orderDirty) {
    const entries = draft.order.map((id) => draft.byId.get(id)).filter((e): e is RecordedExchange => e !== undefined);
    draft.order = entries.sort(compare).map((e) => e.exchange.id);
  }
  return { pages: draft.pages, byId: draft.byId, order: draft.order, summary: draft.summary };
}

export function applyMessages(state: PanelState, messages: readonly BackgroundUpdate[]): PanelState {
  const live = applyMessagesToLog(state.live, messages);
  const connection = messages.some((m) => m.type === 'snapshot') ? 'connected' : state.connection;
  return live === state.live && connection === state.connection ? state : { ...state, live, connection };
}

export function applyMessage(state: PanelState, msg: BackgroundUpdate): PanelState {
  return applyMessages(state, [msg]);
}
