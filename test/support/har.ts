// The HAR 1.2 shapes our fixture recorders write (a subset of the spec plus the non-standard
// fields Chrome DevTools exports: `_initiator`, `_resourceType`, `response._error`), and the
// helpers both recorders share.

export interface HarHeader {
  readonly name: string;
  readonly value: string;
}

export interface HarInitiator {
  readonly type: string;
  readonly url?: string;
  readonly lineNumber?: number;
  /** For `type: "preflight"`: the requestId of the request it was made for (Chrome). */
  readonly requestId?: string;
}

export interface HarEntry {
  readonly pageref?: string;
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly httpVersion: string;
    readonly headers: readonly HarHeader[];
    readonly queryString: readonly HarHeader[];
    readonly cookies: readonly never[];
    readonly headersSize: number;
    readonly bodySize: number;
    readonly postData?: { readonly mimeType: string; readonly text: string };
  };
  readonly response: {
    readonly status: number;
    readonly statusText: string;
    readonly httpVersion: string;
    readonly headers: readonly HarHeader[];
    readonly cookies: readonly never[];
    readonly content: { readonly size: number; readonly mimeType: string };
    readonly redirectURL: string;
    readonly headersSize: number;
    readonly bodySize: number;
    /** The browser's error for this request (Chrome DevTools writes `net::ERR_FAILED` here). */
    readonly _error?: string;
  };
  readonly cache: Record<string, never>;
  readonly timings: { readonly send: number; readonly wait: number; readonly receive: number };
  readonly _initiator?: HarInitiator;
  readonly _resourceType?: string;
  /** Chrome's requestId, so preflight `_initiator.requestId` can be followed. */
  readonly _requestId?: string;
}

export interface CorsErrorStatus {
  readonly corsError: string;
  readonly failedParameter: string;
}

export interface FixtureTag {
  readonly scenario: string;
  readonly browser: 'chromium' | 'firefox';
  readonly browserVersion: string;
  readonly pageOutcome: 'resolved' | 'threw';
  readonly corsErrorStatus?: CorsErrorStatus;
  /** How the entries were obtained (see test/fixtures/README.md). */
  readonly source: string;
  /** What the page itself reported (status, error text, response type, readable headers). */
  readonly pageResult: unknown;
}

export interface HarFile {
  readonly log: {
    readonly version: '1.2';
    readonly creator: { readonly name: string; readonly version: string };
    readonly browser: { readonly name: string; readonly version: string };
    readonly pages: readonly { readonly id: string; readonly startedDateTime: string; readonly title: string; readonly pageTimings: Record<string, number> }[];
    readonly entries: readonly HarEntry[];
    readonly _corsLensFixture: FixtureTag;
  };
}

/** Parse an HTTP/1.1 header block (`headersText`) into lines, keeping duplicates and order. */
export function parseHeadersText(text: string): { statusText: string; headers: HarHeader[] } {
  const lines = text.split('\r\n');
  const statusLine = lines.shift() ?? '';
  const statusText = statusLine.split(' ').slice(2).join(' ');
  const headers: HarHeader[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim() });
  }
  return { statusText, headers };
}

export function objectToHeaders(obj: Readonly<Record<string, string>>): HarHeader[] {
  // CDP joins repeated request headers with "\n"; split them back into lines.
  return Object.entries(obj).flatMap(([name, value]) => value.split('\n').map((v) => ({ name, value: v })));
}

export function queryStringOf(url: string): HarHeader[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

export function headerValue(headers: readonly HarHeader[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

/** Wrap entries into a HAR 1.2 document with our fixture tag. */
export function harFile(browser: { name: string; version: string }, pageUrl: string, startedAt: number, entries: readonly HarEntry[], tag: FixtureTag): HarFile {
  return {
    log: {
      version: '1.2',
      creator: { name: 'cors-lens fixture recorder', version: '1' },
      browser,
      pages: [{ id: 'page_1', startedDateTime: new Date(startedAt).toISOString(), title: pageUrl, pageTimings: {} }],
      entries,
      _corsLensFixture: tag,
    },
  };
}
