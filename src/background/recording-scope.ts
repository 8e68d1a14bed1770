// Which tabs the recorder records. By default a tab only while someone looks at it: a DevTools
// window on it (its devtools page holds a port open) or a CORS Lens panel showing it, as Chrome's
// Network panel records only while DevTools is open. With the opt-in "Record all tabs", every tab.
// Pure bookkeeping: the runtime turns `listening` into webRequest listeners registered or not.

import type { ListenScope } from '../platform/web-request';

/** A connection that marks its tab as inspected for as long as it is open (a runtime port). */
export type Inspector = object;

export class RecordingScope {
  private readonly inspectors = new Map<number, Set<Inspector>>();
  /**
   * Tabs that were inspected when the last background instance stopped: their devtools pages
   * reconnect within moments. Kept recorded until the tab's devtools page is back or until
   * `expireRestored()`, so nothing is lost in between; a tab whose DevTools closed meanwhile then
   * stops being recorded. Another port of the tab coming and going first (a panel's `hello`, a
   * snapshot read) does not end the wait: the devtools page may still be backing off (seen in
   * Chromium after a forced worker stop).
   */
  private readonly restored = new Set<number>();
  private allTabs = false;

  /** Whether any listener is needed at all. */
  get listening(): boolean {
    return this.allTabs || this.inspectors.size > 0 || this.restored.size > 0;
  }

  /** Each inspected tab gets its own filtered listeners, so the others cost nothing more. */
  get listenScope(): ListenScope {
    return this.allTabs ? 'all-tabs' : this.inspectedTabs();
  }

  get recordAllTabs(): boolean {
    return this.allTabs;
  }

  records(tabId: number): boolean {
    return this.allTabs || this.inspectors.has(tabId) || this.restored.has(tabId);
  }

  /** Tabs with an inspector or awaiting one, for persistence across background restarts. */
  inspectedTabs(): number[] {
    return [...new Set([...this.inspectors.keys(), ...this.restored])];
  }

  setRecordAllTabs(on: boolean): void {
    this.allTabs = on;
  }

  /**
   * Returns true when the tab was not inspected before. `devtoolsPage`: the inspector is the tab's
   * devtools page, whose reconnection a restored tab was waiting for.
   */
  inspect(tabId: number, inspector: Inspector, devtoolsPage = false): boolean {
    const wasInspected = this.inspectors.has(tabId) || this.restored.has(tabId);
    if (devtoolsPage) this.restored.delete(tabId);
    let set = this.inspectors.get(tabId);
    if (!set) this.inspectors.set(tabId, (set = new Set()));
    set.add(inspector);
    return !wasInspected;
  }

  /** The inspector went away; returns its tab when that was the tab's last inspector. */
  release(inspector: Inspector): number | undefined {
    for (const [tabId, set] of this.inspectors) {
      if (!set.delete(inspector)) continue;
      if (set.size > 0) return undefined;
      this.inspectors.delete(tabId);
      return tabId;
    }
    return undefined;
  }

  restore(tabIds: readonly number[]): void {
    for (const tabId of tabIds) if (!this.inspectors.has(tabId)) this.restored.add(tabId);
  }

  /** The wait for reconnections is over: returns the restored tabs, recorded from now on only if an inspector holds them. */
  expireRestored(): number[] {
    const expired = [...this.restored];
    this.restored.clear();
    return expired;
  }

  dropTab(tabId: number): void {
    this.inspectors.delete(tabId);
    this.restored.delete(tabId);
  }
}
