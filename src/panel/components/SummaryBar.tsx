// "3 blocked · 12 preflighted · 40 simple", plus same-origin and dropped counts when present.
import type { TabLogSummary } from '../../core/protocol';
import type { Counts } from '../state/counts';

export function summaryParts(counts: Counts, summary: TabLogSummary | null): string[] {
  const parts = [`${counts.blocked} blocked`, `${counts.preflighted} preflighted`, `${counts.simple} simple`];
  if (counts.noCors > 0) parts.push(`${counts.noCors} no-cors`);
  if (counts.warning > 0) parts.push(`${counts.warning} with warnings`);
  if (summary && summary.sameOrigin > 0) parts.push(`${summary.sameOrigin} same-origin`);
  if (summary && summary.dropped > 0) parts.push(`${summary.dropped} dropped (cap ${summary.cap.toLocaleString('en-US')})`);
  if (summary?.skipped) parts.push(`${summary.skipped} unreadable ${summary.skipped === 1 ? 'entry' : 'entries'} skipped`);
  return parts;
}

export function SummaryBar({ counts, summary, shown }: { counts: Counts; summary: TabLogSummary | null; shown: number }) {
  const parts = summaryParts(counts, summary);
  return (
    <div class="summary" role="status" data-testid="summary">
      <span class={counts.blocked > 0 ? 'summary-blocked' : undefined}>{parts[0]}</span>
      {parts.slice(1).map((p) => (
        <span key={p}> · {p}</span>
      ))}
      {shown !== counts.total && <span class="muted"> — showing {shown} of {counts.total}</span>}
    </div>
  );
}
