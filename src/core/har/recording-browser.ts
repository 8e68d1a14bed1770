// Which browser recorded a HAR, when the log does not name it. It matters to the analyzer
// (model.ts `browser`): Chromium reports every CORS failure as an error (`net::ERR_FAILED`), so
// in its recordings a request without an error was allowed; Firefox completes blocked responses
// without one (shared browser-facts). Chromium's net error names in `_error` show a recorder that
// passes Chromium's errors on (Chrome DevTools, CDP-based exporters), even when the creator is
// another tool; Firefox's own HAR export writes no `_error` at all.

import type { HarEntryView } from './har-entry-view';

export function recordingBrowser(declared: 'chromium' | 'firefox' | undefined, entries: readonly HarEntryView[]): 'chromium' | 'firefox' | undefined {
  if (declared) return declared;
  for (const e of entries) if (e.error?.startsWith('net::')) return 'chromium';
  return undefined;
}
