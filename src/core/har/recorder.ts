// Recording tools whose HAR leaves out what CORS analysis needs, so a verdict can say what the
// record cannot show instead of reading a gap as evidence.
//
// Playwright's `recordHar` (seen with Playwright 1.65 and Chromium 156, fixtures in
// test/fixtures/playwright): no preflight entries at all; a request Chromium failed (a CORS block
// among them) is written with `response.status: -1`, no response headers, `_failureText:
// "net::ERR_FAILED"` and the provisional request headers (no `Origin`, no `Sec-Fetch-*`); its
// pages' `title` is the document's title, not its URL.

import type { Recorder } from '../model';

export type { Recorder };

export function recorderNamed(name: string): Recorder | undefined {
  return name.trim().toLowerCase() === 'playwright' ? 'playwright' : undefined;
}
