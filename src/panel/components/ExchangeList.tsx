// The virtualised list: a fixed row height and a scroll container, so only the rows in view
// (plus a small overscan) are in the DOM whatever the log size. Keyboard: Up/Down/Home/End/
// PageUp/PageDown move the selection, Enter opens the details, Escape closes them.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RowView } from '../state/row-view';
import { ExchangeRow, ROW_HEIGHT } from './ExchangeRow';

const OVERSCAN = 8;
/** Used until the container has been measured (and in DOMs without layout, like happy-dom). */
const FALLBACK_HEIGHT = 600;

export interface ExchangeListProps {
  readonly rows: readonly RowView[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly onOpen: (id: string) => void;
  readonly onClose: () => void;
  /** Escape closes the details only when they are open; otherwise DevTools gets it (drawer toggle). */
  readonly detailOpen: boolean;
  readonly emptyText: string;
}

export function ExchangeList({ rows, selectedId, onSelect, onOpen, onClose, detailOpen, emptyText }: ExchangeListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const measure = (): void => setHeight(el.clientHeight || FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const selectedIndex = useMemo(() => (selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)), [rows, selectedId]);
  const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  const moveTo = (index: number): void => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    const row = rows[clamped];
    if (!row) return;
    onSelect(row.id);
    const el = scroller.current;
    if (!el) return;
    const top = clamped * ROW_HEIGHT;
    let next = el.scrollTop;
    if (top < next) next = top;
    else if (top + ROW_HEIGHT > next + height) next = top + ROW_HEIGHT - height;
    if (next !== el.scrollTop) {
      el.scrollTop = next;
      setScrollTop(next);
    }
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: pageRows, PageUp: -pageRows };
    const step = moves[e.key];
    if (step !== undefined) moveTo(selectedIndex < 0 ? 0 : selectedIndex + step);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(rows.length - 1);
    else if (e.key === 'Enter' && selectedId !== null) onOpen(selectedId);
    else if (e.key === 'Escape' && detailOpen) onClose();
    else return;
    e.preventDefault();
    // DevTools' extension API forwards Escape from panels to DevTools (it toggles the console
    // drawer); a key we used must not do both.
    e.stopPropagation();
  };

  return (
    <div class="list" role="grid" aria-rowcount={rows.length} aria-label="Cross-origin exchanges">
      <div class="row list-header" role="row">
        <span role="columnheader" class="c-method">Method</span>
        <span role="columnheader" class="c-url">URL</span>
        <span role="columnheader" class="c-origin">Initiator</span>
        <span role="columnheader" class="c-type">Type</span>
        <span role="columnheader" class="c-verdict">Verdict</span>
        <span role="columnheader" class="c-status">Status</span>
        <span role="columnheader" class="c-reason">Reason</span>
      </div>
      <div
        ref={scroller}
        class="list-scroll"
        tabIndex={0}
        data-testid="list-scroll"
        aria-activedescendant={selectedIndex >= 0 ? `row-${selectedIndex}` : undefined}
        onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
        onKeyDown={onKeyDown}
      >
        {rows.length === 0 ? (
          <div class="empty">{emptyText}</div>
        ) : (
          <div class="list-spacer" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
            {rows.slice(first, last).map((row, i) => (
              <ExchangeRow
                key={row.id}
                row={row}
                index={first + i}
                selected={row.id === selectedId}
                onClick={(id) => {
                  onSelect(id);
                  onOpen(id);
                }}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
