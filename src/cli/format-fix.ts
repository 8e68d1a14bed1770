// The fix under a blocked exchange, as lines a server owner can act on.

import type { Fix } from '../core/analysis';
import type { Header } from '../core/model';

const headerLines = (headers: readonly Header[]): string[] => headers.map((h) => `    ${h.name}: ${h.value}`);

export function fixLines(fix: Fix): string[] {
  const lines: string[] = [];
  if (fix.preflightStatus !== null) lines.push(`  preflight (OPTIONS) response status: ${fix.preflightStatus} (any 2xx passes)`);
  if (fix.preflight && fix.preflight.length > 0) lines.push('  preflight (OPTIONS) response must carry:', ...headerLines(fix.preflight));
  if (fix.response && fix.response.length > 0) lines.push('  response must carry:', ...headerLines(fix.response));
  if (fix.note) lines.push(`  note: ${fix.note}`);
  return lines.length ? ['fix:', ...lines] : [];
}
