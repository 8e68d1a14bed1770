import { type RowView, verdictLabel } from '../state/row-view';

export const ROW_HEIGHT = 22;

export interface ExchangeRowProps {
  readonly row: RowView;
  readonly index: number;
  readonly selected: boolean;
  readonly onClick: (id: string) => void;
}

export function ExchangeRow({ row, index, selected, onClick }: ExchangeRowProps) {
  return (
    <div
      id={`row-${index}`}
      role="row"
      aria-selected={selected}
      class={`row verdict-${row.verdict}${row.likely ? ` likely-${row.likely}` : ''}${selected ? ' selected' : ''}`}
      style={{ top: `${index * ROW_HEIGHT}px` }}
      onClick={() => onClick(row.id)}
    >
      <span role="gridcell" class="c-method">{row.method}</span>
      <span role="gridcell" class="c-url" title={row.url}>{row.url}</span>
      <span role="gridcell" class="c-origin" title={row.origin}>{row.origin}</span>
      <span role="gridcell" class="c-type">{row.type}</span>
      <span role="gridcell" class="c-verdict" title={row.likely ? 'Undecided from the record; the likely answer under the assumption in Reason' : undefined}>{verdictLabel(row)}</span>
      <span role="gridcell" class="c-status" title={row.error || undefined}>{row.status}</span>
      <span role="gridcell" class="c-reason" title={row.reason}>
        {row.cache && (
          <span class="cache-tag" title="A cache answered: the CORS headers are the cached copy's (see the details)">
            {row.cache}
          </span>
        )}
        {row.cause && (
          <span class="cause-tag" title={`The real cause: ${row.cause}`}>
            {row.cause}
          </span>
        )}
        {row.reason}
      </span>
    </div>
  );
}
