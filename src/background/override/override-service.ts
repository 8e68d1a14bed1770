// The background's *Try this fix* overrides: rules added only on the panel's command, owned by the
// port that asked (its panel), and removed on *Remove*, when that port closes (DevTools or the
// panel closed), and when a new background starts (session rules outlive a stopped worker, its
// memory of them does not). DNR calls are queued so the startup clean-up always runs first.
//
// Chromium's webRequest reports the server's response headers, before DNR changes them, so a re-run
// that passed showed no Access-Control-Allow-Origin in the record (and the analyzer said "browser
// disagrees"). So while an override is active the recorder applies the same `set` to the matching
// responses before analysing and marks the exchange `overridden`: the record shows what the browser
// checked.

import type { ActiveOverride, OverrideCommand, OverridesUpdate } from '../../core/override/override-command';
import type { OverridePlan } from '../../core/override/override-plan';
import { applyOverrides } from '../../core/override/apply-override';
import type { Exchange } from '../../core/model';
import { OVERRIDE_RULE_IDS, overrideRules } from '../../core/override/override-rules';
import type { OverrideRuleStore } from '../../platform/override-dnr';
import type { PortLike } from '../../platform/ports';

interface Owned extends ActiveOverride {
  readonly tabId: number;
  readonly port: PortLike;
  readonly ruleIds: readonly number[];
}

export type OverridesReply = (tabId: number, update: OverridesUpdate) => void;

export class OverrideService {
  private readonly active: Owned[] = [];
  private nextId: number = OVERRIDE_RULE_IDS.first;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly rules: OverrideRuleStore,
    private readonly reply: OverridesReply,
  ) {
    void this.run(() => rules.removeAllOurs()).catch((e: unknown) => console.warn('CORS Lens: could not remove the overrides of a previous background', e));
  }

  /** The overrides of `tabId`, as the panel sees them. */
  list(tabId: number): ActiveOverride[] {
    return this.active.filter((o) => o.tabId === tabId).map(({ id, key, plan }) => ({ id, key, plan }));
  }

  /** The exchange as the browser checked it, when an override of its tab was active (apply-override.ts). */
  apply(exchange: Exchange): Exchange {
    if (this.active.length === 0) return exchange;
    const plans = this.active.filter((o) => o.tabId === exchange.tabId).map((o) => o.plan);
    return plans.length === 0 ? exchange : applyOverrides(exchange, plans);
  }

  handle(command: OverrideCommand, port: PortLike): void {
    const { tabId } = command;
    if (command.action === 'add') void this.add(tabId, port, command.key, command.plan);
    else this.drop((o) => o.tabId === tabId && (command.action === 'removeAll' || o.id === command.id));
  }

  /** The port of a panel went away: so do the overrides it added. */
  release(port: PortLike): void {
    this.drop((o) => o.port === port);
  }

  private async add(tabId: number, port: PortLike, key: string, plan: OverridePlan): Promise<void> {
    // A second try of the same request replaces the first.
    this.drop((o) => o.tabId === tabId && o.plan.url === plan.url && o.plan.method === plan.method, false);
    const id = this.allocate();
    const rules = overrideRules(plan, tabId, id);
    const error = await this.run(async () => {
      if (!(await this.rules.hasPermission())) return 'CORS Lens lacks the declarativeNetRequestWithHostAccess permission it needs to change response headers.';
      await this.rules.add(rules);
      return null;
    }).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    if (error === null) this.active.push({ id, key, plan, tabId, port, ruleIds: rules.map((r) => r.id) });
    this.reply(tabId, { tabId, overrides: this.list(tabId), ...(error !== null ? { failed: { key, error } } : {}) });
  }

  private drop(which: (o: Owned) => boolean, notify = true): void {
    const gone = this.active.filter(which);
    if (gone.length === 0) return;
    for (const o of gone) this.active.splice(this.active.indexOf(o), 1);
    void this.run(() => this.rules.remove(gone.flatMap((o) => o.ruleIds))).catch((e: unknown) => console.warn('CORS Lens: could not remove an override', e));
    if (notify) for (const tabId of new Set(gone.map((o) => o.tabId))) this.reply(tabId, { tabId, overrides: this.list(tabId) });
  }

  /** Two ids per override (preflight, response); wraps inside our range, skipping ids in use. */
  private allocate(): number {
    const used = new Set(this.active.map((o) => o.id));
    do {
      const id = this.nextId;
      this.nextId = id + 2 > OVERRIDE_RULE_IDS.last ? OVERRIDE_RULE_IDS.first : id + 2;
      if (!used.has(id)) return id;
    } while (used.size < (OVERRIDE_RULE_IDS.last - OVERRIDE_RULE_IDS.first) / 2);
    throw new Error('too many overrides');
  }

  /** One DNR call at a time, in order, so a remove never overtakes the add it undoes. */
  private run<T>(call: () => Promise<T>): Promise<T> {
    const next = this.queue.then(call, call);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
