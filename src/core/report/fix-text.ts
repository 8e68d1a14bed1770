// The fix as plain lines, for formats that carry text (JUnit failure bodies, SARIF messages).
// Same wording as the CLI table's fix lines (src/cli/format-fix.ts), without its indentation.

import type { Fix, Reason } from '../analysis';

export function fixText(fix: Fix): string[] {
  const lines: string[] = [];
  if (fix.preflightStatus !== null) lines.push(`Preflight (OPTIONS) response status: ${fix.preflightStatus} (any 2xx passes)`);
  if (fix.preflight?.length) lines.push('Preflight (OPTIONS) response must carry:', ...fix.preflight.map((h) => `  ${h.name}: ${h.value}`));
  if (fix.response?.length) lines.push('Response must carry:', ...fix.response.map((h) => `  ${h.name}: ${h.value}`));
  if (fix.note) lines.push(`Note: ${fix.note}`);
  return lines;
}

/** "message (Chrome: X, Firefox: Y)": both browsers' names, as the panel shows them. */
export function reasonText(reason: Reason): string {
  const names = [reason.chromeCorsError && `Chrome: ${reason.chromeCorsError}`, reason.firefoxError && `Firefox: ${reason.firefoxError}`].filter(Boolean);
  return `${reason.message}${names.length ? ` (${names.join(', ')})` : ''}`;
}
