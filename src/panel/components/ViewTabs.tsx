// Exchanges or Problems: the list of every exchange, or each problem once (src/core/problems).
export type PanelView = 'exchanges' | 'problems';

export interface ViewTabsProps {
  readonly view: PanelView;
  readonly onView: (view: PanelView) => void;
  readonly exchanges: number;
  /** Known only while the Problems view is open (it is grouped then only). */
  readonly problems: number | null;
}

export function ViewTabs({ view, onView, exchanges, problems }: ViewTabsProps) {
  const tab = (id: PanelView, label: string) => (
    <button type="button" role="tab" id={`view-${id}`} aria-selected={view === id} class={`view-tab${view === id ? ' on' : ''}`} onClick={() => onView(id)}>
      {label}
    </button>
  );
  return (
    <div class="view-tabs" role="tablist" aria-label="View">
      {tab('exchanges', `Exchanges (${exchanges})`)}
      {tab('problems', problems === null ? 'Problems' : `Problems (${problems})`)}
    </div>
  );
}
