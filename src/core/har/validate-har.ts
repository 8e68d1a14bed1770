// Turns parsed JSON into validated entry views. HAR files come from anywhere (and from
// attackers: a HAR is a natural thing to send someone "please look at this"), so every
// field is checked for its type before use and nothing here throws.
// HAR 1.2: http://www.softwareishard.com/blog/har-12-spec/

import type { Header } from '../model';
import { readCorsLensTag } from './cors-lens-tag';
import type { HarEntryView, HarPageView, InitiatorView } from './har-entry-view';
import { originOf } from './har-entry-view';
import { recorderNamed, type Recorder } from './recorder';
import { StringPool } from './string-pool';

/** An entry that could not be read, and why; every other entry is analysed. */
export interface SkippedEntry {
  /** Index in `log.entries`. */
  readonly entry: number;
  readonly reason: string;
}

export type ValidatedHar =
  | {
      readonly ok: true;
      readonly entries: readonly HarEntryView[];
      readonly skipped: readonly SkippedEntry[];
      readonly pages: readonly HarPageView[];
      readonly browser: 'chromium' | 'firefox' | undefined;
      readonly recorder?: Recorder | undefined;
      /** `log.browser.version`, when the log names its browser. */
      readonly browserVersion?: string | undefined;
    }
  | { readonly ok: false; readonly error: string };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class HarError extends Error {}

function fail(message: string): never {
  throw new HarError(message);
}

/** A field's type, as a reader of the error message would say it. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function requireString(obj: Json, key: string, where: string): string {
  const value = obj[key];
  if (typeof value !== 'string') fail(`${where}.${key} is ${describe(value)}, expected a string`);
  return value;
}

/** A header value as real tools write it: a string, a number, or (Polly.JS) an array of them. */
function headerValues(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' && Number.isFinite(value)) return [String(value)];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) return value.map(String);
  return null;
}

/**
 * Header lists. HTTP/2 pseudo-headers (`:authority`, `:path`, ...) that Chrome puts in
 * request headers are not headers the Fetch standard sees, so they are dropped. A value written
 * as an array (Polly.JS) is one header line per item for `Set-Cookie`, which browsers never
 * combine, and otherwise one line joined with ", " as the browser combines repeated headers
 * (Fetch §2.2.1 "combine").
 */
function readHeaders(obj: Json, where: string, pool: StringPool): Header[] {
  const list = obj.headers;
  if (list === undefined) return [];
  if (!Array.isArray(list)) fail(`${where}.headers is ${describe(list)}, expected an array`);
  const headers: Header[] = [];
  list.forEach((item: unknown, i: number) => {
    const values = isObject(item) && typeof item.name === 'string' ? headerValues(item.value) : null;
    if (!isObject(item) || typeof item.name !== 'string' || values === null) fail(`${where}.headers[${i}] is not a {name, value} pair of strings`);
    if (item.name.startsWith(':')) return;
    if (values.length === 1 || item.name.toLowerCase() === 'set-cookie') for (const v of values) headers.push(pool.header(item.name, v));
    else headers.push(pool.header(item.name, values.join(', ')));
  });
  return headers;
}

/** `url:line:column` of the first call frame of a CDP `Runtime.StackTrace` (or of its async parents). */
function firstFrame(stack: unknown): string | undefined {
  for (let s = stack, depth = 0; isObject(s) && depth < 8; s = s.parent, depth++) {
    const frames = s.callFrames;
    const f: unknown = Array.isArray(frames) ? frames[0] : undefined;
    if (isObject(f) && typeof f.url === 'string' && typeof f.lineNumber === 'number') return `${f.url}:${f.lineNumber}:${typeof f.columnNumber === 'number' ? f.columnNumber : ''}`;
  }
  return undefined;
}

/** Chrome writes an object; WebPageTest and older tools a URL string with `_initiator_type` beside it. */
function readInitiator(value: unknown, typeBeside: unknown): InitiatorView | undefined {
  if (typeof value === 'string' && value !== '') return { type: typeof typeBeside === 'string' ? typeBeside : 'other', url: value, fromString: true };
  if (!isObject(value) || typeof value.type !== 'string') return undefined;
  return {
    type: value.type,
    ...(typeof value.url === 'string' ? { url: value.url } : {}),
    ...(typeof value.requestId === 'string' ? { requestId: value.requestId } : {}),
    ...(firstFrame(value.stack) !== undefined ? { frame: firstFrame(value.stack) as string } : {}),
  };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readEntry(raw: unknown, index: number, pool: StringPool): HarEntryView {
  const where = `entry ${index}`;
  if (!isObject(raw)) fail(`${where} is ${describe(raw)}, expected an object`);
  const request = raw.request;
  if (!isObject(request)) fail(`${where}: request is ${describe(request)}, expected an object`);
  const response = raw.response;
  if (!isObject(response)) fail(`${where}: response is ${describe(response)}, expected an object`);
  const method = requireString(request, 'method', `${where}: request`);
  if (method === '') fail(`${where}: request.method is empty`);
  const url = requireString(request, 'url', `${where}: request`);
  const status = response.status;
  if (typeof status !== 'number' || !Number.isFinite(status)) {
    fail(`${where}: response.status is ${describe(status)}, expected a number`);
  }
  // Playwright names Chromium's net error `_failureText` (and writes status -1 beside it).
  const error = nonEmptyString(response._error) ?? nonEmptyString(raw._error) ?? nonEmptyString(response._failureText) ?? nonEmptyString(raw._failureText);
  const initiator = readInitiator(raw._initiator, raw._initiator_type);
  const resourceType = nonEmptyString(raw._resourceType);
  const corsLens = readCorsLensTag(raw._corsLens);
  return {
    index,
    ...(typeof raw.pageref === 'string' ? { pageref: pool.get(raw.pageref) } : {}),
    ...(typeof raw._frameref === 'string' ? { frameref: pool.get(raw._frameref) } : {}),
    startedAt: typeof raw.startedDateTime === 'string' ? Date.parse(raw.startedDateTime) : Number.NaN,
    method: pool.get(method),
    url: pool.get(url),
    requestHeaders: readHeaders(request, `${where}: request`, pool),
    status,
    statusText: typeof response.statusText === 'string' ? pool.get(response.statusText) : '',
    responseHeaders: readHeaders(response, `${where}: response`, pool),
    redirectURL: typeof response.redirectURL === 'string' ? response.redirectURL : '',
    ...(error !== undefined ? { error } : {}),
    ...(initiator ? { initiator } : {}),
    ...(nonEmptyString(raw._requestId) !== undefined ? { requestId: nonEmptyString(raw._requestId) as string } : {}),
    ...(resourceType !== undefined ? { resourceType } : {}),
    ...(nonEmptyString(raw.serverIPAddress) !== undefined ? { serverIp: nonEmptyString(raw.serverIPAddress) as string } : {}),
    ...(corsLens ? { corsLens } : {}),
    ...(raw._cors !== undefined ? { cors: raw._cors } : {}),
  };
}

/**
 * Pages, with the page's URL where the recorder wrote one: WebPageTest's `_URL`, or the title,
 * which Chrome DevTools sets to the page URL (Playwright's is the document's title: its page URL
 * is the page's first document entry, page-documents.ts).
 */
export function readPages(value: unknown): HarPageView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p: unknown) => {
    if (!isObject(p) || typeof p.id !== 'string' || typeof p.title !== 'string') return [];
    const url = [p._URL, p.title].find((u) => typeof u === 'string' && /^https?:\/\//i.test(u) && originOf(u) !== null) as string | undefined;
    return [url !== undefined ? { id: p.id, title: p.title, url } : { id: p.id, title: p.title }];
  });
}

export function browserVersionOf(log: Json): string | undefined {
  return isObject(log.browser) && typeof log.browser.version === 'string' ? log.browser.version : undefined;
}

/** The tool that wrote the log, where it matters: Playwright's HAR leaves out what others keep (recorder.ts). */
export function recorderOf(log: Json): Recorder | undefined {
  return isObject(log.creator) && typeof log.creator.name === 'string' ? recorderNamed(log.creator.name) : undefined;
}

/**
 * Which browser wrote the log: Chrome DevTools names itself "WebInspector", Firefox
 * "Firefox". It matters to the analyzer (model.ts `browser`): only Chromium reports every
 * CORS block as an error.
 */
export function browserOf(log: Json): 'chromium' | 'firefox' | undefined {
  const names = [log.creator, log.browser].map((x) => (isObject(x) && typeof x.name === 'string' ? x.name.toLowerCase() : ''));
  if (names.some((n) => n === 'webinspector' || n.includes('chrom'))) return 'chromium';
  if (names.some((n) => n.includes('firefox'))) return 'firefox';
  return undefined;
}

/** One entry on its own, for the stream reader (har-stream-reader.ts): a view or the error. */
export function readEntryView(
  raw: unknown,
  index: number,
  pool: StringPool,
): { readonly ok: true; readonly view: HarEntryView } | { readonly ok: false; readonly error: string } {
  try {
    return { ok: true, view: readEntry(raw, index, pool) };
  } catch (e) {
    return { ok: false, error: e instanceof HarError ? e.message : `unreadable HAR (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** `entry 3: request.url is missing` → `request.url is missing`: the skipped list names the entry itself. */
export function skippedEntry(index: number, error: string): SkippedEntry {
  return { entry: index, reason: error.replace(/^entry \d+:? /, '') };
}

/**
 * The log's entries that can be read, the others skipped with their reason. A log none of whose
 * entries can be read is no HAR one can analyse: the first entry's error, as before.
 */
export function entriesOrError(views: HarEntryView[], skipped: SkippedEntry[], firstError: string | undefined): { readonly ok: true; readonly views: HarEntryView[]; readonly skipped: SkippedEntry[] } | { readonly ok: false; readonly error: string } {
  return views.length === 0 && firstError !== undefined ? { ok: false, error: firstError } : { ok: true, views, skipped };
}

export function validateHar(json: unknown): ValidatedHar {
  if (!isObject(json) || !isObject(json.log)) return { ok: false, error: 'not a HAR file (no "log" object)' };
  const entries = json.log.entries;
  if (!Array.isArray(entries)) return { ok: false, error: 'not a HAR file (no log.entries array)' };
  // An index loop, not `map`: a sparse array (from a caller, never from JSON.parse) has holes `map` skips.
  const views: HarEntryView[] = [];
  const skipped: SkippedEntry[] = [];
  let firstError: string | undefined;
  const pool = new StringPool();
  for (let i = 0; i < entries.length; i++) {
    const read = readEntryView(entries[i], i, pool);
    if (read.ok) views.push(read.view);
    else {
      firstError ??= read.error;
      skipped.push(skippedEntry(i, read.error));
    }
  }
  const result = entriesOrError(views, skipped, firstError);
  if (!result.ok) return result;
  return { ok: true, entries: views, skipped, pages: readPages(json.log.pages), browser: browserOf(json.log), recorder: recorderOf(json.log), browserVersion: browserVersionOf(json.log) };
}
