// The project's own record of one cross-origin exchange. Everything downstream of the
// boundary (webRequest recorder, HAR reader) sees only these types, never raw browser
// details or HAR JSON (normalise at the boundary, so browser differences end there).

/** One header line, as seen on the wire. Names keep their original case; order is kept. */
export interface Header {
  readonly name: string;
  readonly value: string;
}

export type HeaderList = readonly Header[];

export interface RequestRecord {
  readonly method: string;
  readonly url: string;
  /** Request headers as the browser sent them. May be empty when the browser never sent the request. */
  readonly headers: HeaderList;
}

export interface ResponseRecord {
  readonly status: number;
  readonly statusText?: string;
  readonly headers: HeaderList;
  /**
   * The browser served it from its own HTTP cache (webRequest `fromCache`, HAR `_fromCache`, a
   * Firefox HAR's `cache` entry, or `_transferSize: 0` with a status): its CORS headers are the
   * cached copy's, not what the server sends now (src/core/cache).
   */
  readonly fromCache?: true;
  /**
   * For a response the browser's cache answered (a 304, or `fromCache`): the copy it had stored, when
   * the recording holds it (src/core/cache/stored-responses.ts). The CORS check read that copy.
   */
  readonly cachedCopy?: StoredCopy;
}

/**
 * A response as the browser's HTTP cache kept it, for the same URL: only what a CORS
 * check reads of it (no URL, no cookies: nothing the at-rest and export redaction must reach).
 */
export interface StoredCopy {
  readonly status: number;
  /** Its Access-Control-* and Vary headers, updated by any 304 since. */
  readonly headers: HeaderList;
}

/**
 * One network hop: a request and the response it got. A redirect is a hop whose response is 3xx
 * with a Location; the next hop is the followed request.
 */
export interface Hop {
  readonly request: RequestRecord;
  /** Absent when nothing came back (the browser stopped before sending, or a network error). */
  readonly response?: ResponseRecord;
  /** Where this hop's entry sits in the HAR it was read from, when read from a HAR. */
  readonly harIndex?: number;
}

/** The CORS-preflight fetch (Fetch §4.8) made for one hop of the actual request. */
export interface Preflight {
  readonly request: RequestRecord;
  readonly response?: ResponseRecord;
  readonly error?: string;
  readonly harIndex?: number;
  /** How long the preflight took, in ms, when recorded (HAR `time`, webRequest send → completed). */
  readonly durationMs?: number;
}

/**
 * Request mode (Fetch §2.2.5), when the browser told us. Chromium and Firefox both send
 * `Sec-Fetch-Mode`; when it is missing we infer and say so.
 */
/**
 * A recording tool that leaves out what others keep (har/recorder.ts): Playwright's HAR has no
 * preflights, and no response or wire headers for a request the browser failed.
 */
export type Recorder = 'playwright';

export type RequestMode = 'cors' | 'no-cors' | 'navigate' | 'same-origin' | 'websocket';

export interface Exchange {
  /** Stable within a recording (webRequest requestId, or `har:<index>`). */
  readonly id: string;
  /**
   * Origin of the document that made the request (`details.initiator` in Chromium, the origin
   * of `originUrl`/`documentUrl` in Firefox, the `Origin` request header as a last resort).
   * `null` when it is not known.
   */
  readonly initiatorOrigin: string | null;
  /** Every hop of the actual request, in order. Never empty. */
  readonly hops: readonly Hop[];
  /** Preflights, in order; one per hop that needed one (a preflight is redone after a redirect). */
  readonly preflights: readonly Preflight[];
  /** The browser's own final error (`net::ERR_FAILED`, `NS_ERROR_DOM_BAD_URI`), if it gave one. */
  readonly error?: string;
  /** Request mode from `Sec-Fetch-Mode` when seen. */
  readonly mode?: RequestMode;
  /** Resource type as the browser named it (`xmlhttprequest`, `fetch`, `script`, `image`, ...). */
  readonly resourceType?: string;
  /** Wall-clock start, ms since the epoch. */
  readonly startedAt: number;
  /**
   * Which browser recorded it, when known. It matters for evidence: Chromium reports every CORS
   * block as an error (`net::ERR_FAILED`), Firefox completes blocked responses without one
   * (fixture `simple-get-missing-allow-origin` in test/fixtures/{chromium,firefox}), so only a
   * Chromium record without `error` proves success.
   */
  readonly browser?: 'chromium' | 'firefox';
  /** The recording tool, when it leaves out what the verdict needs (see `Recorder`). */
  readonly recorder?: Recorder;
  /**
   * An earlier request from the same page origin to this exchange's host sent a Cookie, so the
   * browser holds cookies a credentialed request would carry (see cookie-evidence.ts). Lets the
   * analyzer read a request without Cookie as made without credentials.
   */
  readonly cookiesSeenForHost?: boolean;
  /**
   * Recorded while a *Try this fix* override was active for it: the response headers include the
   * override's, as the browser checked them (src/core/override/apply-override.ts).
   */
  readonly overridden?: true;
  /**
   * Address space of the document that made the request (`public`, `private`, `local`), from its
   * `Content-Security-Policy: treat-as-public-address` or the address it was served from. A more
   * public document calling a more local address needs Chromium's Local Network Access permission.
   */
  readonly initiatorAddressSpace?: 'public' | 'private' | 'local';
  readonly tabId?: number;
  readonly frameId?: number;
  readonly documentUrl?: string;
}
