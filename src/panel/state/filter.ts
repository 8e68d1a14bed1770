// The filter bar's model and the pure filter it applies (Network-panel semantics: a toggle group
// with nothing selected means "all"; text terms separated by spaces must all match).
import type { ExchangeType } from '../../core/analysis';
import { type RowVerdict, type RowView, searchText } from './row-view';

export interface Filter {
  readonly text: string;
  readonly verdicts: ReadonlySet<RowVerdict>;
  readonly types: ReadonlySet<ExchangeType>;
  readonly onlyBlocked: boolean;
}

export const NO_FILTER: Filter = { text: '', verdicts: new Set(), types: new Set(), onlyBlocked: false };

export function toggle<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}

export function filterRows(rows: readonly RowView[], filter: Filter): RowView[] {
  const terms = filter.text.toLowerCase().split(/\s+/).filter((t) => t !== '');
  const { verdicts, types, onlyBlocked } = filter;
  if (terms.length === 0 && verdicts.size === 0 && types.size === 0 && !onlyBlocked) return rows.slice();
  return rows.filter(
    (row) =>
      (!onlyBlocked || row.verdict === 'blocked') &&
      (verdicts.size === 0 || verdicts.has(row.verdict)) &&
      (types.size === 0 || types.has(row.type)) &&
      (terms.length === 0 || terms.every((t) => searchText(row).includes(t))),
  );
}
