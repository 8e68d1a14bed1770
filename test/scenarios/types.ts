// The shape of one CORS scenario: what the page does, how the API answers, and what we expect the
// browser to decide. The catalogue is data; the scenario server (test/server) and the runner page
// interpret it. Placeholders in header values and paths are filled in per run because the ports are
// ephemeral: `{page}` the page origin, `{api}` the API origin, `{site}` the cross-site origin
// (127.0.0.1 instead of localhost), `{origin}` the request's own `Origin` header (echo),
// `{self}` the path prefix of this scenario (`/api/<id>`), `{PAGE}` the page origin upper-cased,
// `{apiHost}` the API's host:port (to build URLs with user:pass@).

/** Which loopback origin a URL points at. `page` is same-origin with the runner page. */
export type OriginRole = 'page' | 'api' | 'site';

/** One header line as the server writes it; duplicates are written as separate lines. */
export type HeaderLine = readonly [name: string, value: string];

export interface Answer {
  readonly status: number;
  readonly headers: readonly HeaderLine[];
  /**
   * Body text; `gif` sends a 1x1 GIF (for <img>), `js` a tiny script, `slow` the headers and a first
   * chunk at once and the rest after a few seconds (so the page can abort mid-body). Default: a short JSON.
   */
  readonly body?: string | 'gif' | 'js' | 'slow';
}

/** How the API answers requests to `{self}/<step>`. Step `main` is what the page requests first. */
export interface Step {
  /** Answer to an OPTIONS request (the CORS preflight). Absent: 405 with no CORS headers. */
  readonly preflight?: Answer;
  /** Answer to every other method. */
  readonly response: Answer;
}

export type Initiator = 'fetch' | 'xhr' | 'img' | 'script';

export interface PageAction {
  readonly initiator: Initiator;
  /** Exactly as passed to fetch()/XHR; fetch upper-cases only the six standard methods. */
  readonly method?: string;
  readonly headers?: readonly HeaderLine[];
  readonly credentials?: 'omit' | 'same-origin' | 'include';
  readonly mode?: 'cors' | 'no-cors';
  readonly body?: string;
  /** img/script: the `crossorigin` attribute; absent means a no-cors load. */
  readonly crossOrigin?: 'anonymous' | 'use-credentials';
  /** Origin the first request goes to (default `api`). */
  readonly target?: OriginRole;
  /** Step to request first (default `main`). */
  readonly step?: string;
  /** How many times to make the identical request, one after another (preflight cache). */
  readonly repeat?: number;
  /** Response headers the page tries to read (Expose-Headers): the runner reports what it saw. */
  readonly readHeaders?: readonly string[];
  /** Run in a document marked `Content-Security-Policy: treat-as-public-address` (private network access). */
  readonly publicDocument?: boolean;
  /** fetch: abort (AbortController) as soon as fetch resolves, while the body is still arriving. */
  readonly abortAfterHeaders?: boolean;
  /**
   * A second request the page makes after this one settles (to its own `step`, same origin roles):
   * scenarios where two requests of one page meet (two redirects to the same URL). Its outcome is
   * the second entry of `RunResult.runs`.
   */
  readonly then?: Omit<PageAction, 'then' | 'repeat' | 'publicDocument'>;
}

export type PageOutcome = 'resolved' | 'threw';

export interface Scenario {
  /** kebab-case, unique; also the API path segment. */
  readonly id: string;
  readonly description: string;
  readonly page: PageAction;
  /** Answers per step (`main`, and e.g. `final` for the target of a redirect). */
  readonly steps: Readonly<Record<string, Step>>;
  /** What we believe the browser does. The browsers are the truth; disagreements are reported. */
  readonly expected: PageOutcome;
  /** What we believe Chromium reports (CDP `Network.CorsError`), for blocked scenarios. */
  readonly expectedCorsError?: string;
  /** Where this scenario's rule comes from (Fetch standard section, browser behaviour). */
  readonly cite?: string;
}

/** What `window.runScenario(id)` resolves to in the runner page. */
export interface RunResult {
  readonly id: string;
  readonly outcome: PageOutcome;
  readonly status?: number;
  readonly error?: string;
  /** For fetch: the response type (`cors`, `opaque`, `basic`). */
  readonly responseType?: string;
  /** Values of `readHeaders` as the page could read them (null: not exposed). */
  readonly headers?: Readonly<Record<string, string | null>>;
  /** One outcome per repetition when `repeat` > 1. */
  readonly runs?: readonly PageOutcome[];
}
