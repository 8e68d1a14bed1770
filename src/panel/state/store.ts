// A minimal store (preact-devtools' createStore): state, a reducer, subscribers. Background
// messages are queued and applied as one batch per frame-ish tick (see apply-message.ts).
import type { BackgroundUpdate } from '../../core/protocol';
import { applyMessages } from './apply-message';
import { INITIAL_STATE, type PanelState } from './panel-state';

export interface Store {
  getState(): PanelState;
  /** Replace state through a pure update (local actions: import, connection status). */
  update(fn: (state: PanelState) => PanelState): void;
  /** Queue a background message; applied on the next flush. */
  receive(msg: BackgroundUpdate): void;
  flush(): void;
  subscribe(listener: () => void): () => void;
}

export function createStore(initial: PanelState = INITIAL_STATE, schedule: (fn: () => void) => void = (fn) => setTimeout(fn, 16)): Store {
  let state = initial;
  let queue: BackgroundUpdate[] = [];
  let scheduled = false;
  const listeners = new Set<() => void>();

  const set = (next: PanelState): void => {
    if (next === state) return;
    state = next;
    for (const l of listeners) l();
  };
  const flush = (): void => {
    scheduled = false;
    const batch = queue;
    queue = [];
    set(applyMessages(state, batch));
  };
  return {
    getState: () => state,
    update: (fn) => set(fn(state)),
    receive: (msg) => {
      queue.push(msg);
      if (scheduled) return;
      scheduled = true;
      schedule(flush);
    },
    flush,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
