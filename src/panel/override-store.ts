// The panel's *Try this fix* state: the overrides active in its tab, fed by `overridesChanged`
// (main.tsx routes them here, not into the exchange log), and the actions the detail view and the
// overrides banner call. `tryFix` resolves once the background says the rules are in place.

import type { ActiveOverride, OverridesUpdate } from '../core/override/override-command';
import type { OverridePlan } from '../core/override/override-plan';
import type { PanelMessage } from '../core/protocol';
import { panelMessage } from '../core/protocol';

export interface OverrideController {
  list(): readonly ActiveOverride[];
  /** The active override for this request (same URL and method), if any. */
  find(plan: OverridePlan): ActiveOverride | undefined;
  /** Only ever called from the user's click on *Try this fix*. */
  tryFix(plan: OverridePlan): Promise<ActiveOverride>;
  remove(id: number): void;
  removeAll(): void;
  receive(update: OverridesUpdate): void;
  subscribe(listener: () => void): () => void;
}

export interface OverrideControllerDeps {
  readonly tabId: number;
  readonly send: (message: PanelMessage) => void;
  /** Resolves true when the DNR permission is held (asking the user first where the browser allows). */
  readonly requestPermission: () => Promise<boolean>;
}

const ANSWER_TIMEOUT_MS = 10_000;

export function createOverrideController(deps: OverrideControllerDeps): OverrideController {
  let active: readonly ActiveOverride[] = [];
  let counter = 0;
  const listeners = new Set<() => void>();
  const waiting = new Map<string, { resolve: (o: ActiveOverride) => void; reject: (e: Error) => void }>();
  return {
    list: () => active,
    find: (plan) => active.find((o) => o.plan.url === plan.url && o.plan.method === plan.method),
    tryFix: async (plan) => {
      if (!(await deps.requestPermission())) throw new Error('the permission to change response headers was not granted');
      const key = `${Date.now().toString(36)}-${(counter += 1)}`;
      const added = new Promise<ActiveOverride>((resolve, reject) => {
        waiting.set(key, { resolve, reject });
        // A background that restarts meanwhile forgets the command (and removes every rule): say so, do not spin.
        setTimeout(() => {
          if (waiting.delete(key)) reject(new Error('the recorder did not answer (it may have restarted); try again'));
        }, ANSWER_TIMEOUT_MS);
      });
      deps.send(panelMessage('override', { tabId: deps.tabId, action: 'add', key, plan }));
      return added;
    },
    remove: (id) => deps.send(panelMessage('override', { tabId: deps.tabId, action: 'remove', id })),
    removeAll: () => deps.send(panelMessage('override', { tabId: deps.tabId, action: 'removeAll' })),
    receive: (update) => {
      active = update.overrides;
      for (const [key, waiter] of waiting) {
        const found = active.find((o) => o.key === key);
        if (found) waiter.resolve(found);
        else if (update.failed?.key === key) waiter.reject(new Error(update.failed.error));
        else continue;
        waiting.delete(key);
      }
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
