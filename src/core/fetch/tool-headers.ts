// Request headers the recording tool added itself, not the page: they never reach the CORS
// checks (Fetch §2.2.2 "CORS-unsafe request-header names" is about the author's headers). Old
// Chrome DevTools (before Chrome 80) sent `X-DevTools-Emulate-Network-Conditions-Client-Id` on
// every request of an inspected page, and some versions `X-DevTools-Request-Id`; a font load
// carrying one is still a simple request.

import { lowerCaseName } from '../headers';

const TOOL_PREFIXES = ['x-devtools-'] as const;

/** For a name already lower-cased. */
export function isToolAddedLower(lower: string): boolean {
  return TOOL_PREFIXES.some((p) => lower.startsWith(p));
}

export function isToolAddedHeader(name: string): boolean {
  return isToolAddedLower(lowerCaseName(name));
}
