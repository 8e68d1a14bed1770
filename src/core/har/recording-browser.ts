// Which browser recorded a HAR, when the log does not name it. It matters to the analyzer (model.ts
// `browser`): Chromium reports every CORS failure as an error (`net::ERR_FAILED`), so in its
// recordings a request without an error was allowed; Firefox completes blocked responses without
// one (fixture `simple-get-missing-allow-origin` in test/fixtures/{chromium,firefox}). Chromium's
// net error names in `_error` show a recorder that passes Chromium's errors on (Chrome DevTools,
// CDP-based exporters), even when the creator is another tool; Firefox's own HAR export writes no
// `_error` at all.
//
// Before Chrome 79, CORS was checked in the renderer, after the network layer had completed the
// request: DevTools and CDP-based recorders logged a blocked response like any other (out-of-renderer
// CORS shipped in Chrome 79). A completed request proves nothing there, so such a recording is not
// counted as Chromium's.

import type { HarEntryView } from './har-entry-view';
import { headerValue } from '../headers';

/** The first Chrome version whose network layer fails a CORS-blocked request (OOR-CORS). */
const FIRST_NETWORK_CORS_CHROME = 79;

function chromeMajor(declaredVersion: string | undefined, entries: readonly HarEntryView[]): number | undefined {
  const declared = declaredVersion !== undefined ? /^(\d+)\./.exec(declaredVersion) : null;
  if (declared) return Number(declared[1]);
  for (const e of entries) {
    const ua = headerValue(e.requestHeaders, 'user-agent');
    const m = ua !== undefined ? / Chrome\/(\d+)\./.exec(ua) : null;
    if (m) return Number(m[1]);
  }
  return undefined;
}

export function recordingBrowser(declared: 'chromium' | 'firefox' | undefined, entries: readonly HarEntryView[], declaredVersion?: string): 'chromium' | 'firefox' | undefined {
  let browser = declared;
  if (!browser) for (const e of entries) if (e.error?.startsWith('net::')) browser = 'chromium';
  if (browser !== 'chromium') return browser;
  const major = chromeMajor(declaredVersion, entries);
  return major !== undefined && major < FIRST_NETWORK_CORS_CHROME ? undefined : 'chromium';
}
