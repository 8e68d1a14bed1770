// The active probe's data: what it plans to send, what came back, and the report the panel shows.
// Plain data only: it crosses the panel <-> background port (src/core/protocol.ts).

import type { Header } from '../model';
import type { AuditFinding } from './finding';

/** The crafted origins, after CORScanner's and Corsy's checks. */
export type ProbeOriginKind =
  | 'page' // the page's own origin: the baseline
  | 'random' // an unrelated origin: accepted means the server reflects any origin
  | 'null' // sandboxed iframes, data: URLs, cross-origin redirects
  | 'prefixed' // attacker text before the page's host (evilapp.example): catches suffix matching
  | 'suffixed' // the page's host followed by an attacker domain (app.example.evil.example): catches prefix matching
  | 'http' // the page's host over plain http
  | 'subdomain'; // a subdomain of the page's host

export interface ProbeTarget {
  readonly url: string;
  /** The method the page used; the preflight asks for it. */
  readonly method: string;
  readonly pageOrigin: string;
}

export interface ProbeRequest {
  readonly index: number;
  readonly kind: ProbeOriginKind;
  readonly origin: string;
  readonly stage: 'preflight' | 'simple';
  readonly method: string;
  readonly url: string;
  /** Exactly the headers the probe adds; nothing else is sent (no cookies: credentials 'omit'). */
  readonly headers: readonly Header[];
}

export interface ProbeResponse {
  readonly status: number;
  readonly headers: readonly Header[];
  /** The endpoint redirected; the probe never follows (the Location may be off the endpoint's origin). */
  readonly redirected: boolean;
}

export interface ProbeExchange {
  readonly request: ProbeRequest;
  readonly response?: ProbeResponse;
  readonly error?: string;
}

/** What the server did with one crafted origin, over its preflight and simple request. */
export interface OriginVerdict {
  readonly kind: ProbeOriginKind;
  readonly origin: string;
  /** Access-Control-Allow-Origin named this origin exactly. */
  readonly accepted: boolean;
  /** Access-Control-Allow-Origin was `*` (readable without credentials only). */
  readonly wildcard: boolean;
  /** Access-Control-Allow-Credentials: true came with the acceptance. */
  readonly credentials: boolean;
}

export type ProbeState = 'running' | 'done' | 'cancelled' | 'failed';

export interface ProbeReport {
  readonly target: ProbeTarget;
  readonly state: ProbeState;
  /** Planned request count; `sent` grows to it. */
  readonly planned: number;
  readonly sent: readonly ProbeExchange[];
  readonly origins: readonly OriginVerdict[];
  readonly findings: readonly AuditFinding[];
  /** `correct` when no crafted origin was trusted; otherwise the finding codes, worst first. */
  readonly classification: readonly string[];
  readonly error?: string;
}
