// Runs one probe: the planned requests one at a time, no faster than the rate limit, each with a
// timeout, stoppable at any moment through the AbortSignal. The transport decides how a crafted
// Origin gets onto the wire (declarativeNetRequest in the extension, plain fetch in Node tests).

import { classifyProbe } from '../../core/audit/probe-classify';
import { planProbe } from '../../core/audit/probe-plan';
import type { ProbeExchange, ProbeReport, ProbeRequest, ProbeTarget } from '../../core/audit/probe-types';
import type { ProbeTransport } from '../../platform/probe-dnr';

export interface RunProbeOptions {
  readonly signal: AbortSignal;
  /** Random part of the crafted origins (see craftOrigins). */
  readonly token: string;
  readonly onUpdate?: (report: ProbeReport) => void;
  /** At most one request per this many ms: 250 keeps it at 4 requests per second. */
  readonly minIntervalMs?: number;
  readonly requestTimeoutMs?: number;
}

export const DEFAULT_INTERVAL_MS = 250;
const DEFAULT_TIMEOUT_MS = 10_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function report(target: ProbeTarget, planned: number, sent: readonly ProbeExchange[], state: ProbeReport['state'], error?: string): ProbeReport {
  const { origins, findings, classification } = classifyProbe(sent);
  return { target, state, planned, sent: [...sent], origins, findings, classification, ...(error !== undefined ? { error } : {}) };
}

async function sendOne(transport: ProbeTransport, request: ProbeRequest, signal: AbortSignal, timeoutMs: number): Promise<ProbeExchange> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const onAbort = (): void => timeout.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return { request, response: await transport.send(request, timeout.signal) };
  } catch (error) {
    return { request, error: signal.aborted ? 'cancelled' : timeout.signal.aborted ? `no answer within ${timeoutMs} ms` : String(error) };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

export async function runProbe(target: ProbeTarget, transport: ProbeTransport, options: RunProbeOptions): Promise<ProbeReport> {
  const { signal, onUpdate } = options;
  const interval = options.minIntervalMs ?? DEFAULT_INTERVAL_MS;
  const plan = planProbe(target, options.token);
  const sent: ProbeExchange[] = [];
  onUpdate?.(report(target, plan.length, sent, 'running'));
  let last = -Infinity;
  for (const request of plan) {
    // A timer may fire a millisecond or two early against Date.now() (Node's cached loop time,
    // browsers' timer coalescing): wait again until the interval has really passed.
    while (!signal.aborted && Date.now() < last + interval) await sleep(last + interval - Date.now(), signal);
    if (signal.aborted) break;
    last = Date.now();
    sent.push(await sendOne(transport, request, signal, options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS));
    if (!signal.aborted) onUpdate?.(report(target, plan.length, sent, 'running'));
  }
  const final = report(target, plan.length, sent, signal.aborted ? 'cancelled' : 'done');
  onUpdate?.(final);
  return final;
}
