// The background's probe: one at a time (the declarativeNetRequest rule it uses is shared), started
// and cancelled only by the panel's explicit command, streaming each step back as a report.

import type { ProbeCommand } from '../../core/audit/probe-command';
import { probeToken } from '../../core/audit/probe-plan';
import { validProbeTarget } from '../../core/audit/probe-target';
import type { ProbeReport, ProbeTarget } from '../../core/audit/probe-types';
import type { ProbeTransport } from '../../platform/probe-dnr';
import { runProbe } from './run-probe';

export interface ProbeServiceDeps {
  readonly transport: ProbeTransport;
  /** False when the permission the transport needs is missing: nothing is sent then. */
  readonly hasPermission: () => Promise<boolean>;
  readonly random?: () => number;
  readonly minIntervalMs?: number;
}

export type ProbeReply = (report: ProbeReport) => void;

function failed(target: ProbeTarget, error: string): ProbeReport {
  return { target, state: 'failed', planned: 0, sent: [], origins: [], findings: [], classification: [], error };
}

export class ProbeService {
  private running: { readonly tabId: number; readonly controller: AbortController; readonly done: Promise<unknown> } | null = null;

  constructor(private readonly deps: ProbeServiceDeps) {}

  handle(command: ProbeCommand, reply: ProbeReply): void {
    if (command.action === 'cancel') {
      if (this.running?.tabId === command.tabId) this.running.controller.abort();
      return;
    }
    const target = validProbeTarget(command.target);
    if (target) void this.start(command.tabId, target, reply);
  }

  get busy(): boolean {
    return this.running !== null;
  }

  private async start(tabId: number, target: ProbeTarget, reply: ProbeReply): Promise<void> {
    // A new click replaces the probe in flight; wait for it to let go of the rule.
    const previous = this.running;
    previous?.controller.abort();
    await previous?.done;
    if (!(await this.deps.hasPermission())) {
      reply(failed(target, 'CORS Lens lacks the declarativeNetRequestWithHostAccess permission it needs to send a crafted Origin.'));
      return;
    }
    const controller = new AbortController();
    const done = runProbe(target, this.deps.transport, {
      signal: controller.signal,
      token: probeToken(this.deps.random ?? Math.random),
      onUpdate: reply,
      ...(this.deps.minIntervalMs !== undefined ? { minIntervalMs: this.deps.minIntervalMs } : {}),
    }).catch((error: unknown) => reply(failed(target, String(error))));
    const running = { tabId, controller, done };
    this.running = running;
    await done;
    if (this.running === running) this.running = null;
  }
}
