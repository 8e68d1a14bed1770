// HAR text → exchanges. Reads HAR 1.2 as Chrome DevTools, Firefox DevTools and our own
// export write it. Pure and total: hostile input gives `{ok: false}`, never an exception.

import { withRecordingEvidence } from '../recording-evidence';
import type { Exchange, Hop } from '../model';
import { buildExchange, preflightOf, recordingFields, type Recording } from './build-exchange';
import { withDocumentSpaces } from './document-spaces';
import type { HarEntryView, HarPageView } from './har-entry-view';
import { headerValue } from '../headers';
import { isPreflightEntry } from './har-entry-view';
import { groupRedirects } from './group-redirects';
import { initiatorOriginOf } from './initiator-origin';
import { hopKey, linkPreflights } from './link-preflights';
import { pageDocuments } from './page-documents';
import { parseJson } from './parse-json';
import { readTaggedExchanges } from './read-tagged';
import { recordingBrowser } from './recording-browser';
import { validateHar, type SkippedEntry, type ValidatedHar } from './validate-har';

export interface HarRead {
  readonly ok: true;
  /** In log order of each exchange's first entry. */
  readonly exchanges: readonly Exchange[];
  readonly pages: readonly HarPageView[];
  readonly entryCount: number;
  /** Entries that could not be read, with why (every other entry is analysed). */
  readonly skipped: readonly SkippedEntry[];
  /** `_cors` of each exchange's first entry in our own export, by exchange id (unvalidated). */
  readonly embeddedAnalyses: ReadonlyMap<string, unknown>;
}

export type HarReadResult = HarRead | { readonly ok: false; readonly error: string };

/**
 * A preflight whose request is missing from the log still tells what was asked for:
 * its request is represented by a hop with no response and no HAR entry.
 */
function orphanExchange(preflight: HarEntryView, initiatorOrigin: string | null, recording: Recording): Exchange {
  const method = headerValue(preflight.requestHeaders, 'access-control-request-method')?.trim() || 'GET';
  const origin = headerValue(preflight.requestHeaders, 'origin');
  const hop: Hop = {
    request: { method, url: preflight.url, headers: origin === undefined ? [] : [{ name: 'Origin', value: origin }] },
  };
  return {
    id: `har:${preflight.index}`,
    initiatorOrigin,
    hops: [hop],
    preflights: [preflightOf(preflight)],
    startedAt: Number.isFinite(preflight.startedAt) ? preflight.startedAt : 0,
    ...recordingFields(recording),
  };
}

/**
 * Evidence from the rest of the log, as the recorder gathers it live: the cookie jar (same-origin
 * entries included), the browser's cached copies and the documents' address spaces. Our own
 * export already carries the recorder's evidence, so its exchanges stay exactly as written.
 */
function withEvidence(exchanges: Exchange[], asWritten: ReadonlySet<Exchange>, entries: readonly HarEntryView[]): Exchange[] {
  const annotated = withDocumentSpaces(withRecordingEvidence(exchanges), entries);
  return exchanges.map((e, i) => (asWritten.has(e) ? e : (annotated[i] as Exchange)));
}

/** Read an already-parsed HAR (the panel's import hands us JSON it parsed itself). */
export function readHarJson(json: unknown): HarReadResult {
  return readValidatedHar(validateHar(json));
}

/** Group validated entries into exchanges (the CLI's stream reader validates as it reads). */
export function readValidatedHar(valid: ValidatedHar): HarReadResult {
  if (!valid.ok) return valid;
  const documents = pageDocuments(valid.pages, valid.entries);
  const tagged = readTaggedExchanges(valid.entries, documents);
  const rest = valid.entries.filter((e) => !tagged.claimed.has(e.index));
  const preflights = rest.filter(isPreflightEntry);
  const chains = groupRedirects(rest.filter((e) => !isPreflightEntry(e)));
  const links = linkPreflights(preflights, chains, documents);
  const recording: Recording = { browser: recordingBrowser(valid.browser, valid.entries, valid.browserVersion), recorder: valid.recorder };

  const ordered: { at: number; exchange: Exchange }[] = tagged.exchanges.map((exchange) => ({
    at: exchange.hops[0]?.harIndex ?? exchange.preflights[0]?.harIndex ?? 0,
    exchange,
  }));
  chains.forEach((hops, c) => {
    const own = hops.flatMap((_, h) => {
      const p = links.byHop.get(hopKey(c, h));
      return p ? [p] : [];
    });
    const first = hops[0] as HarEntryView;
    const initiatorOrigin = initiatorOriginOf(first, documents) ?? (own[0] ? initiatorOriginOf(own[0], documents) : null);
    ordered.push({ at: first.index, exchange: buildExchange({ hops, preflights: own, initiatorOrigin, ...recording }) });
  });
  for (const p of links.orphans) ordered.push({ at: p.index, exchange: orphanExchange(p, initiatorOriginOf(p, documents), recording) });
  ordered.sort((a, b) => a.at - b.at);

  const embeddedAnalyses = new Map<string, unknown>();
  for (const { exchange } of ordered) {
    const first = exchange.hops[0]?.harIndex;
    const cors = first === undefined ? undefined : valid.entries[first]?.cors;
    if (cors !== undefined) embeddedAnalyses.set(exchange.id, cors);
  }
  return {
    ok: true,
    exchanges: withEvidence(ordered.map((o) => o.exchange), new Set(tagged.exchanges), valid.entries),
    pages: valid.pages,
    entryCount: valid.entries.length + valid.skipped.length,
    skipped: valid.skipped,
    embeddedAnalyses,
  };
}

export function readHar(text: string): HarReadResult {
  const parsed = parseJson(text);
  return parsed.ok ? readHarJson(parsed.value) : parsed;
}
