// The cause under a row of `cors-lens analyze` (src/core/cause): it leads, the browser's own CORS
// reason stays in the REASON column, and the analyzer's header fix is shown only where adding
// headers is the fix (never headers the endpoint already sends on success).

import type { Cause } from '../core/cause/cause';
import { causeHasConfig } from '../core/cause/cause-config';

export function causeLines(cause: Cause | null | undefined): string[] {
  if (!cause) return [];
  return [`cause: ${cause.tag}: ${cause.message}`, ...cause.evidence.map((e) => `  evidence: ${e}`), `  fix: ${cause.fix}`];
}

/** Whether the analyzer's header list still helps once the cause is known. */
export function showHeaderFix(cause: Cause | null | undefined): boolean {
  if (!cause) return true;
  return causeHasConfig(cause) && !cause.corroborated;
}
