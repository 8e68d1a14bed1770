// The panel's *Try this fix* commands, as carried by the `override` message (src/core/protocol.ts),
// the state the background answers with (`overridesChanged`), and the check applied before obeying.

import { isOverridePlan, type OverridePlan } from './override-plan';

export type OverrideCommand =
  /** `key` is the panel's, so it can tell which of its clicks an answer is about. */
  | { readonly tabId: number; readonly action: 'add'; readonly key: string; readonly plan: OverridePlan }
  | { readonly tabId: number; readonly action: 'remove'; readonly id: number }
  | { readonly tabId: number; readonly action: 'removeAll' };

export interface ActiveOverride {
  /** The id of its first rule. */
  readonly id: number;
  readonly key: string;
  readonly plan: OverridePlan;
}

export interface OverridesUpdate {
  readonly tabId: number;
  /** Every override active in this tab now (empty after a worker restart: its rules were removed). */
  readonly overrides: readonly ActiveOverride[];
  /** An `add` the browser refused. */
  readonly failed?: { readonly key: string; readonly error: string };
}

export function isOverrideCommand(payload: Record<string, unknown>): payload is OverrideCommand {
  if (typeof payload['tabId'] !== 'number') return false;
  switch (payload['action']) {
    case 'add':
      return typeof payload['key'] === 'string' && payload['key'].length <= 64 && isOverridePlan(payload['plan']);
    case 'remove':
      return Number.isInteger(payload['id']);
    case 'removeAll':
      return true;
    default:
      return false;
  }
}
