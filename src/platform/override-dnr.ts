// Every declarativeNetRequest call of *Try this fix*, and its permission: the one place a move of
// declarativeNetRequestWithHostAccess to optional_permissions would touch (see probe-permission.ts
// for why it is required today). Session rules live until the browser stops, so the background
// removes ours when it starts (override-service.ts); their ids are OVERRIDE_RULE_IDS.
import type { DeclarativeNetRequest } from 'webextension-polyfill';
import { OVERRIDE_RULE_IDS, type OverrideRule } from '../core/override/override-rules';
import { browser } from './browser';
import { hasProbePermission, requestProbePermission } from './probe-permission';

export interface OverrideRuleStore {
  add(rules: readonly OverrideRule[]): Promise<void>;
  remove(ids: readonly number[]): Promise<void>;
  /** Removes every session rule in OVERRIDE_RULE_IDS; resolves to how many there were. */
  removeAllOurs(): Promise<number>;
  hasPermission(): Promise<boolean>;
}

const ours = (id: number): boolean => id >= OVERRIDE_RULE_IDS.first && id <= OVERRIDE_RULE_IDS.last;

export const sessionOverrideRules: OverrideRuleStore = {
  async add(rules) {
    // Our OverrideRule is a DNR Rule in shape; the polyfill's types want mutable arrays.
    await browser.declarativeNetRequest.updateSessionRules({ addRules: rules as unknown as DeclarativeNetRequest.Rule[] });
  },
  async remove(ids) {
    if (ids.length > 0) await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [...ids] });
  },
  async removeAllOurs() {
    const ids = (await browser.declarativeNetRequest.getSessionRules()).map((r) => r.id).filter(ours);
    if (ids.length > 0) await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: ids });
    return ids.length;
  },
  // The probe's permission: the same one, for the same reason (set headers where we have host access).
  hasPermission: hasProbePermission,
};

/** Call from the click on *Try this fix* (permissions.request needs a user gesture). */
export const requestOverridePermission = requestProbePermission;
