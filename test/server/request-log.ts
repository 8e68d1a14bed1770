// Every request the scenario server receives, as it arrived on the wire (raw header lines, in
// order and original case), and what it answered. Tests assert on it; the Firefox fixtures are
// cross-checked against it.

import type { HeaderLine } from '../scenarios/types';

export type HostRole = 'page' | 'api' | 'site' | 'unknown';

export interface LoggedRequest {
  /** Scenario id from `/api/<id>/...`, or '' for other paths. */
  readonly scenario: string;
  readonly step: string;
  readonly host: HostRole;
  readonly method: string;
  /** Absolute URL as the browser addressed it. */
  readonly url: string;
  readonly headers: readonly HeaderLine[];
  readonly receivedAt: number;
  /** Filled in when the server answers. */
  answer?: { readonly status: number; readonly headers: readonly HeaderLine[] };
}

export class RequestLog {
  readonly #entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): LoggedRequest {
    this.#entries.push(entry);
    return entry;
  }

  /** All requests, or those of one scenario, in arrival order. */
  requests(scenario?: string): readonly LoggedRequest[] {
    return scenario === undefined ? [...this.#entries] : this.#entries.filter((e) => e.scenario === scenario);
  }

  clear(): void {
    this.#entries.length = 0;
  }
}

/** Node gives raw headers as a flat list [name, value, name, value, ...]. */
export function pairHeaders(raw: readonly string[]): HeaderLine[] {
  const out: HeaderLine[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return out;
}
