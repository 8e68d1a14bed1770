// Counts for the summary bar ("3 blocked · 12 preflighted · 40 simple").
import type { RowView } from './row-view';

export interface Counts {
  readonly blocked: number;
  readonly warning: number;
  readonly preflighted: number;
  readonly simple: number;
  readonly noCors: number;
  readonly total: number;
}

export function countRows(rows: readonly RowView[]): Counts {
  let blocked = 0;
  let warning = 0;
  let preflighted = 0;
  let simple = 0;
  let noCors = 0;
  for (const row of rows) {
    if (row.verdict === 'blocked') blocked++;
    else if (row.verdict === 'warning') warning++;
    if (row.type === 'preflighted') preflighted++;
    else if (row.type === 'simple') simple++;
    else if (row.type === 'no-cors') noCors++;
  }
  return { blocked, warning, preflighted, simple, noCors, total: rows.length };
}
