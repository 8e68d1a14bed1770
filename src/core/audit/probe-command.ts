// The panel's probe commands, as carried by the `probe` message (src/core/protocol.ts), and the
// check the background applies before obeying one.

import { validProbeTarget } from './probe-target';
import type { ProbeReport, ProbeTarget } from './probe-types';

export type ProbeCommand =
  | { readonly tabId: number; readonly action: 'start'; readonly target: ProbeTarget }
  | { readonly tabId: number; readonly action: 'cancel' };

export interface ProbeUpdate {
  readonly tabId: number;
  readonly report: ProbeReport;
}

export function isProbeCommand(payload: Record<string, unknown>): payload is ProbeCommand {
  if (typeof payload['tabId'] !== 'number') return false;
  if (payload['action'] === 'cancel') return true;
  return payload['action'] === 'start' && validProbeTarget(payload['target']) !== null;
}
