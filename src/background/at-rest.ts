// What of the recorder's log may reach disk. The log is kept in IndexedDB so that a worker restart
// loses nothing, but IndexedDB is a file in the browser profile: backups, sync tools and other users
// of the machine read it. So every row is written without secret values (header values named in
// src/core/secret-names.ts, secret URL parameters, URL user names and passwords), and a private
// window's tab is not written at all. The live log keeps the values in memory, where the panel,
// Copy as cURL and Re-run use them; a row restored after a restart says `redactedAtRest`.
//
// What the analyzer reads survives: header names, an Authorization scheme, cookie names and
// Set-Cookie attributes (SameSite, Secure), the URLs' origins and paths.
//
// Not encrypted instead (AES-GCM, the key only in storage.session): that would keep secrets across
// a worker restart, which is rare while someone looks (with DevTools open the worker is kept alive);
// every batch would pay an asynchronous Web Crypto call before put() (so rows would have to be
// copied first: persistence's write() relies on copying live rows before its first await); and the
// ciphertext would still be a secret on disk whose key sits in the same browser's memory.
// storage.session for the values was ruled out by its 10 MB quota (one tab's cookies can exceed
// it). Memory only is what the browsers' Network panels do too.

import type { Analysis } from '../core/analysis';
import type { Header, Hop, Preflight } from '../core/model';
import type { PageGroup, RecordedExchange } from '../core/protocol';
import { REDACTED, isSecretHeader, mapSame, redactUrl } from '../core/redact';
import { redactAnalysis, redactExchangeWith, redactHopWith } from '../core/report/redact-exchange';
import type { PendingHop, PendingPreflight, PendingRequest } from './assembler-state';
import type { PersistBatch } from './persist-queue';
import type { TabLogMeta } from './tab-log';

/** `Bearer abc` → `Bearer [redacted]`: the scheme is a fact (RFC 9110 §11.6.2), the rest is the secret. */
function keepScheme(value: string): string {
  const scheme = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s+\S/.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

/** `a=1; b=2` → `a=[redacted]; b=[redacted]`: which cookies were sent is a fact, not their values. */
function keepCookieNames(value: string): string {
  return value.split(';').map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? REDACTED : `${pair.slice(0, eq).trim()}=${REDACTED}`;
  }).join('; ');
}

/** `id=abc; Path=/; SameSite=None` → `id=[redacted]; Path=/; SameSite=None` (RFC 6265 §4.1: attributes after the first `;`). */
function keepCookieAttributes(value: string): string {
  const semi = value.indexOf(';');
  return keepCookieNames(semi < 0 ? value : value.slice(0, semi)) + (semi < 0 ? '' : value.slice(semi));
}

function valueAtRest(name: string, value: string): string {
  switch (name.toLowerCase()) {
    case 'authorization':
    case 'proxy-authorization':
      return keepScheme(value);
    case 'cookie':
      return keepCookieNames(value);
    case 'set-cookie':
      return keepCookieAttributes(value);
    default:
      return isSecretHeader(name) ? REDACTED : redactUrl(value);
  }
}

/**
 * Per header object: the recorder shares one frozen object per distinct header
 * (`recorderHeaderPool`), so each distinct header is looked at once, not once per row.
 */
const atRest = new WeakMap<Header, Header>();

function headerAtRest(header: Header): Header {
  let stored = atRest.get(header);
  if (!stored) {
    const value = valueAtRest(header.name, header.value);
    stored = value === header.value ? header : { ...header, value };
    atRest.set(header, stored);
  }
  return stored;
}

const hopAtRest = <T extends Hop | Preflight | PendingHop>(hop: T): T => redactHopWith(hop, headerAtRest);

/** The row as it is written: secrets out, marked so the panel can say why a value reads `[redacted]`. */
export function entryAtRest(entry: RecordedExchange): RecordedExchange {
  const exchange = redactExchangeWith(entry.exchange, headerAtRest);
  if (exchange === entry.exchange) return entry;
  // The analysis quotes only what the exchange holds (URLs, CORS header values), so one without a
  // secret has none to quote.
  const analysis: Analysis = redactAnalysis(entry.analysis);
  return { ...entry, exchange, analysis, redactedAtRest: true };
}

function requestAtRest(row: PendingRequest): PendingRequest {
  const hops = mapSame(row.hops, hopAtRest) as PendingHop[];
  const documentUrl = row.documentUrl === undefined ? undefined : redactUrl(row.documentUrl);
  if (hops === row.hops && documentUrl === row.documentUrl) return row;
  return { ...row, hops, ...(documentUrl !== undefined ? { documentUrl } : {}) };
}

function preflightAtRest(row: PendingPreflight): PendingPreflight {
  const record = hopAtRest(row.record);
  return record === row.record ? row : { ...row, record };
}

function pageAtRest(page: PageGroup): PageGroup {
  const url = redactUrl(page.url);
  return url === page.url ? page : { ...page, url };
}

function metaAtRest(meta: TabLogMeta): TabLogMeta {
  const pages = mapSame(meta.pages, pageAtRest);
  return pages === meta.pages ? meta : { ...meta, pages: [...pages] };
}

/**
 * The batch as it may be written: rows of tabs that must stay in memory (`persisted` false: a
 * private window's) left out, every other row without its secrets. Rows are copied only where
 * something changes; the rest stay the live rows (see RecorderStore.write on why that is safe).
 */
export function batchAtRest(batch: PersistBatch, persisted: (tabId: number) => boolean): PersistBatch {
  const { assembler } = batch;
  return {
    put: batch.put.filter((row) => persisted(row.tabId)).map((row) => {
      const entry = entryAtRest(row.entry);
      return entry === row.entry ? row : { ...row, entry };
    }),
    remove: batch.remove.filter(([tabId]) => persisted(tabId)),
    metas: batch.metas.filter((meta) => persisted(meta.tabId)).map(metaAtRest),
    removedTabs: batch.removedTabs,
    assembler: {
      requests: assembler.requests.filter((row) => persisted(row.tabId)).map(requestAtRest),
      preflights: assembler.preflights.filter((row) => persisted(row.tabId)).map(preflightAtRest),
      removed: assembler.removed,
    },
  };
}
