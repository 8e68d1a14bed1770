// `cors-lens analyze <file.har> --fix <server>`: the ready-to-paste server configuration for
// every blocked exchange, from the snippet registry the panel uses too (same text in both).

import type { Fix } from '../core/analysis';
import { causeConfig } from '../core/cause/cause-config';
import type { AnalyzedExchange } from '../core/har/analyze-har';
import type { Problem } from '../core/problems/problems';
import { NOT_PROVEN, SNIPPETS, snippetById, type Snippet } from '../core/snippets/registry';
import { snippetInputFor } from '../core/snippets/snippet-input-for';
import type { AuditLookup } from './audit-lines';
import { exchangeJson } from './format-json';
import { printable } from './format-table';
import { problemLabel } from './problem-lines';

export const FIX_LIST = 'list';

export type ServerLookup = { readonly ok: true; readonly snippet: Snippet } | { readonly ok: false; readonly error: string };

export function lookupServer(id: string): ServerLookup {
  const snippet = snippetById(id);
  if (snippet) return { ok: true, snippet };
  return { ok: false, error: `unknown server '${id}' for --fix (one of: ${SNIPPETS.map((s) => s.id).join(', ')}; --fix list describes them)` };
}

/** `--fix list`: one server per line, id then label. */
export function serverList(): string {
  const width = Math.max(...SNIPPETS.map((s) => s.id.length));
  return `${SNIPPETS.map((s) => `${s.id.padEnd(width)}  ${s.label}${s.provenOnServer ? '' : ' (not proven on a running server)'}`).join('\n')}\n`;
}

/** The snippet's caveat for this exchange (what the configuration cannot do), as a line before it. */
function caveatLines(x: AnalyzedExchange, snippet: Snippet): string[] {
  const caveat = snippet.caveat?.(snippetInputFor(x.exchange, x.analysis)) ?? null;
  return caveat === null ? [] : [`  Note: ${caveat}`];
}

/** The heading of the configuration section, with the warning for a server no test runs. */
function sectionHead(snippet: Snippet): string[] {
  return ['', `Server configuration for ${snippet.label} (--fix ${snippet.id}):`, ...(snippet.provenOnServer ? [] : [`  ${NOT_PROVEN}`])];
}

/** True when the fix changes something on the server (headers or the preflight status). */
function changesServer(fix: Fix): boolean {
  return fix.preflight !== null || fix.response !== null || fix.preflightStatus !== null;
}

/**
 * The configuration for one exchange, or null when there is nothing to configure: it is not
 * blocked, or no header change can fix it (the note says what to change instead, and a snippet
 * allowing the page's origin would only mislead, e.g. after a redirect made the Origin `null`).
 */
export function fixConfig(x: AnalyzedExchange, snippet: Snippet): string | null {
  // The configuration follows the real cause when there is one (src/core/cause); a cause fixed in
  // words (no response, a blocker, a login redirect) gets no configuration at all.
  if (x.cause) return causeConfig(x.cause, snippet.id, snippetInputFor(x.exchange, x.analysis));
  if (x.analysis.verdict !== 'blocked' || !changesServer(x.analysis.fix)) return null;
  return snippet.render(snippetInputFor(x.exchange, x.analysis));
}

/** One exchange of `--json --fix <server>`: the usual JSON plus `fixConfig`. */
export function exchangeJsonWithFix(x: AnalyzedExchange, snippet: Snippet, audit?: AuditLookup): Record<string, unknown> {
  return { ...exchangeJson(x, audit?.get(x.exchange.id)), fixConfig: fixConfig(x, snippet) };
}

/** `--json --fix <server>`: the usual JSON plus `fixConfig` on each exchange. */
export function formatJsonWithFix(rows: readonly AnalyzedExchange[], snippet: Snippet, audit?: AuditLookup): string {
  const exchanges = rows.map((x) => exchangeJsonWithFix(x, snippet, audit));
  return `${JSON.stringify({ exchanges }, null, 2)}\n`;
}

/** After the table: each blocked exchange's configuration, headed by its row's number. */
export function fixConfigSection(rows: readonly AnalyzedExchange[], snippet: Snippet): string {
  // A cause (a refused connection is `unknown`, not blocked) deserves its answer here too.
  const blocked = rows.filter((x) => x.analysis.verdict === 'blocked' || x.cause);
  const lines = sectionHead(snippet);
  if (blocked.length === 0) lines.push('  (nothing is blocked)');
  for (const x of blocked) {
    const first = x.exchange.hops[0];
    lines.push('', `#${x.entry ?? '-'} ${first?.request.method ?? ''} ${first?.request.url ?? ''}`);
    const config = fixConfig(x, snippet);
    if (config === null) lines.push(`  No server configuration can fix this. ${x.cause?.fix ?? x.analysis.fix.note ?? ''}`.trimEnd());
    else lines.push(...caveatLines(x, snippet), ...config.split('\n').map((l) => `  ${l}`));
  }
  // Values come from the HAR (servers, pages): never let them send terminal escapes.
  return `${lines.map(printable).join('\n')}\n`;
}

/**
 * After the compact table: the configuration of each blocked (or failed) problem once, from its
 * first exchange (the exchanges of a problem share their fix, src/core/problems).
 */
export function problemFixSection(problems: readonly Problem[], rows: readonly AnalyzedExchange[], snippet: Snippet): string {
  const lines = sectionHead(snippet);
  const failing = problems.map((p, i) => [p, problemLabel(i)] as const).filter(([p]) => p.kind === 'blocked' || p.kind === 'failed');
  if (failing.length === 0) lines.push('  (nothing is blocked)');
  for (const [p, label] of failing) {
    const x = rows[p.exchanges[0] ?? -1];
    if (!x) continue;
    lines.push('', `${label} ${p.method} ${p.endpoint}`);
    const config = fixConfig(x, snippet);
    if (config === null) lines.push(`  No server configuration can fix this. ${x.cause?.fix ?? x.analysis.fix.note ?? ''}`.trimEnd());
    else lines.push(...caveatLines(x, snippet), ...config.split('\n').map((l) => `  ${l}`));
  }
  return `${lines.map(printable).join('\n')}\n`;
}
