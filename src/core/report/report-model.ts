// What every report format says, built once: counts, and each failing endpoint once (grouped by
// page origin, method and endpoint) with its reason, what was sent and answered, the fix and the
// server configuration. Formats (markdown, html, junit, sarif) only lay this out.

import type { Analysis, Fix, Reason } from '../analysis';
import type { Exchange, Header } from '../model';
import type { Snippet } from '../snippets/registry';
import { snippetInputFor } from '../snippets/snippet-input-for';
import { foldedEndpointOf } from '../endpoint';
import { redactAnalysis, redactExchange } from './redact-exchange';
import { serverWideSettings, type ServerWideSetting } from './server-wide';
import { announcedHeaders, relevantRequestHeaders, relevantResponseHeaders } from './relevant-headers';

/** An analysed exchange: `AnalyzedExchange` (CLI) and `RecordedExchange` (panel) are both one. */
export interface ReportItem {
  readonly exchange: Exchange;
  readonly analysis: Analysis;
}

export interface ReportOptions {
  /** Replace cookies, credentials and URL userinfo (redact.ts). Default true. */
  readonly redact?: boolean;
  /** Server whose configuration to include under each failing endpoint. */
  readonly snippet?: Snippet | null;
  /** What was analysed (a file name, a page URL). */
  readonly source?: string;
  /** ISO time the report was made; left out when not given (so reports are reproducible). */
  readonly generatedAt?: string;
}

/** One request/response pair as the browser saw it. */
export interface ReportMessage {
  readonly label: string;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: readonly Header[];
  readonly status: number | null;
  readonly responseHeaders: readonly Header[];
}

export interface FailingEndpoint {
  readonly initiatorOrigin: string;
  readonly method: string;
  /** Origin and path, ids folded (`https://api.example/users/:id`). */
  readonly endpoint: string;
  readonly count: number;
  /** Distinct URLs seen (redacted), at most five. */
  readonly urls: readonly string[];
  readonly reasons: readonly Reason[];
  /** First-reason codes of the other exchanges in the group, when they differ. */
  readonly otherReasonCodes: readonly string[];
  readonly messages: readonly ReportMessage[];
  readonly fix: Fix;
  /** True when a header or status change on the server fixes it (else `fix.note` says what). */
  readonly serverFixable: boolean;
  /** Ready-to-paste configuration for the chosen server; null without one or when not fixable. */
  readonly config: string | null;
}

export interface Report {
  readonly source: string | null;
  readonly generatedAt: string | null;
  readonly redacted: boolean;
  readonly server: { readonly id: string; readonly label: string; readonly language: string } | null;
  readonly counts: { readonly crossOrigin: number; readonly allowed: number; readonly blocked: number; readonly unknown: number };
  readonly endpoints: readonly FailingEndpoint[];
  /** Settings of a whole server, once per server and page origin (server-wide.ts). */
  readonly serverWide: readonly ServerWideSetting[];
}

export const changesServer = (fix: Fix): boolean => fix.preflight !== null || fix.response !== null || fix.preflightStatus !== null;

/** Redacted (unless asked otherwise) copies: everything a format prints comes from these. */
export function prepareItems(items: readonly ReportItem[], redact: boolean): ReportItem[] {
  const cross = items.filter((x) => x.analysis.type !== 'same-origin');
  return redact ? cross.map((x) => ({ exchange: redactExchange(x.exchange), analysis: redactAnalysis(x.analysis) })) : cross;
}

function messagesOf({ exchange, analysis }: ReportItem): ReportMessage[] {
  const faulted = analysis.reasons.map((r) => r.header).filter((n) => n !== '');
  const out: ReportMessage[] = [];
  const preflight = exchange.preflights[0];
  if (preflight) {
    out.push({
      label: 'Preflight (OPTIONS)',
      method: preflight.request.method,
      url: preflight.request.url,
      requestHeaders: relevantRequestHeaders(preflight.request.headers, faulted),
      status: preflight.response?.status ?? null,
      responseHeaders: relevantResponseHeaders(preflight.response?.headers ?? [], faulted),
    });
  }
  const announced = announcedHeaders(preflight?.request.headers ?? []);
  exchange.hops.forEach((hop, i) => {
    out.push({
      label: i === 0 ? 'Request' : `Redirected request ${i}`,
      method: hop.request.method,
      url: hop.request.url,
      requestHeaders: relevantRequestHeaders(hop.request.headers, [...faulted, ...announced]),
      status: hop.response?.status ?? null,
      responseHeaders: relevantResponseHeaders(hop.response?.headers ?? [], faulted),
    });
  });
  return out;
}

function groupKey({ exchange }: ReportItem): string {
  const first = exchange.hops[0];
  return JSON.stringify([exchange.initiatorOrigin ?? '', first?.request.method ?? '', foldedEndpointOf(first?.request.url ?? '')]);
}

function endpointOfGroup(group: readonly ReportItem[], snippet: Snippet | null): FailingEndpoint {
  const example = group[0] as ReportItem;
  const { exchange, analysis } = example;
  const first = exchange.hops[0];
  const firstCode = analysis.reasons[0]?.code;
  const others = new Set(group.map((x) => x.analysis.reasons[0]?.code).filter((c): c is NonNullable<typeof c> => c !== undefined && c !== firstCode));
  const serverFixable = changesServer(analysis.fix);
  return {
    initiatorOrigin: exchange.initiatorOrigin ?? '(unknown)',
    method: first?.request.method ?? '',
    endpoint: foldedEndpointOf(first?.request.url ?? ''),
    count: group.length,
    urls: [...new Set(group.map((x) => x.exchange.hops[0]?.request.url ?? ''))].slice(0, 5),
    reasons: analysis.reasons,
    otherReasonCodes: [...others],
    messages: messagesOf(example),
    fix: analysis.fix,
    serverFixable,
    config: snippet && serverFixable ? snippet.render(snippetInputFor(exchange, analysis)) : null,
  };
}

export function buildReport(items: readonly ReportItem[], options: ReportOptions = {}): Report {
  const redacted = options.redact ?? true;
  const prepared = prepareItems(items, redacted);
  const groups = new Map<string, ReportItem[]>();
  for (const item of prepared) {
    if (item.analysis.verdict !== 'blocked') continue;
    const key = groupKey(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const snippet = options.snippet ?? null;
  const endpoints = [...groups.values()].map((g) => endpointOfGroup(g, snippet));
  endpoints.sort((a, b) => b.count - a.count || a.endpoint.localeCompare(b.endpoint) || a.method.localeCompare(b.method));
  const count = (verdict: string): number => prepared.filter((x) => x.analysis.verdict === verdict).length;
  return {
    source: options.source ?? null,
    generatedAt: options.generatedAt ?? null,
    redacted,
    server: snippet ? { id: snippet.id, label: snippet.label, language: snippet.language } : null,
    counts: { crossOrigin: prepared.length, allowed: count('allowed'), blocked: count('blocked'), unknown: count('unknown') },
    endpoints,
    serverWide: serverWideSettings(prepared),
  };
}
