// The CORS panel: toolbar, summary, the virtualised list and the detail view of the selection.
// Live rows and an imported HAR are separate modes, never mixed.
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { PanelMessage } from '../../core/protocol';
import { downloadText } from '../download';
import { exportFileName, exportHarText, importHarText, type ImportResult } from '../har-io';
import type { ImportProgress, OnImportProgress } from '../import/import-har-file';
import { panelMessage } from '../../core/protocol';
import { exportReportHtml, reportFileName } from '../report-io';
import type { ProbeController } from '../probe-store';
import { countRows } from '../state/counts';
import { NO_FILTER, filterRows } from '../state/filter';
import { detailCause } from '../state/cause-view';
import { entriesOf } from '../state/panel-state';
import { logProblems } from '../state/problems-view';
import { rowView } from '../state/row-view';
import type { Store } from '../state/store';
import { useStoreState } from '../use-store';
import { ConnectionBanner, ErrorBanner, HostAccessBanner, ImportedBanner, ImportingBanner, OverridesBanner, RecordingBanner, StorageBanner } from './Banners';
import type { OverrideController } from '../override-store';
import { useOverrides } from './use-overrides';
import { DetailView } from './DetailView';
import { ExchangeList } from './ExchangeList';
import { FilterBar } from './FilterBar';
import { ProblemDetail } from './ProblemDetail';
import { ProblemList } from './ProblemList';
import type { Rerun } from './RerunSection';
import { SummaryBar } from './SummaryBar';
import { type PanelView, ViewTabs } from './ViewTabs';

export interface AppProps {
  readonly store: Store;
  readonly tabId: number;
  readonly send: (msg: PanelMessage) => void;
  readonly requestHostAccess?: () => Promise<boolean>;
  /** Reloads the inspected tab (the recording banner's Reload). */
  readonly reload?: () => void;
  /** The panel is in DevTools (not the standalone tab view). */
  readonly inDevtools?: boolean;
  /** The security audit and the opt-in probe in the detail view (absent in tests that do not need it). */
  readonly probe?: ProbeController;
  /** Re-run in the inspected page; absent when the panel is not in DevTools on that tab. */
  readonly rerun?: Rerun;
  /** *Try this fix* overrides of this tab; absent when DNR is not available. */
  readonly overrides?: OverrideController;
  /** Reads and analyses an imported file: the panel entry passes the import worker's. */
  readonly importFile?: (file: File, onProgress: OnImportProgress) => Promise<ImportResult>;
}

/** On the calling thread: for tests without workers. */
const importOnThisThread = async (file: File): Promise<ImportResult> => importHarText(file.name, await file.text());

export function App({ store, tabId, send, requestHostAccess, reload, inDevtools = true, probe, rerun, overrides, importFile = importOnThisThread }: AppProps) {
  const state = useStoreState(store);
  const activeOverrides = useOverrides(overrides);
  const [filter, setFilter] = useState(NO_FILTER);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<PanelView>('exchanges');
  const [problemId, setProblemId] = useState<string | null>(null);
  const [importing, setImporting] = useState<ImportProgress | null>(null);

  const imported = state.imported;
  const log = imported?.log ?? state.live;
  const allEntries = useMemo(() => entriesOf(log), [log]);
  const allRows = useMemo(() => allEntries.map(rowView), [allEntries]);
  const counts = useMemo(() => countRows(allRows), [allRows]);
  const rows = useMemo(() => filterRows(allRows, filter), [allRows, filter]);
  const selected = selectedId === null ? undefined : log.byId.get(selectedId);
  // Only while a detail view is open: the cause against what the whole log shows (cause-view.ts).
  const cause = useMemo(() => (open && selected ? detailCause(selected, log) : null), [open, selected, log]);
  // Grouped only while the Problems view shows (memoized per log state: problems-view.ts), so the
  // exchange list's first render and filtering pay nothing for it.
  const grouped = useMemo(() => (view === 'problems' ? logProblems(log) : null), [view, log]);
  // The selection is by id, which survives new traffic; until one is chosen, the first problem.
  const problem = grouped ? (grouped.problems.find((p) => p.id === problemId) ?? grouped.problems[0]) : undefined;
  const example = problem && grouped ? grouped.entries[problem.exchanges[0] ?? -1] : undefined;
  const problemCause = useMemo(() => (example && view === 'problems' ? detailCause(example, log) : null), [example, view, log]);

  const switchMode = useCallback(
    (next: typeof imported) => {
      store.update((s) => ({ ...s, imported: next }));
      setSelectedId(null);
      setOpen(false);
    },
    [store],
  );

  const openExchange = (id: string): void => {
    setSelectedId(id);
    setOpen(true);
  };

  const onImport = async (file: File): Promise<void> => {
    setImporting({ fileName: file.name, bytesRead: 0, totalBytes: file.size });
    const result = await importFile(file, (bytesRead, totalBytes) => setImporting({ fileName: file.name, bytesRead, totalBytes }));
    setImporting(null);
    if (result.ok) switchMode(result.imported);
    else setError(`Could not import ${file.name}: ${result.error}`);
  };

  const onGrant = async (): Promise<void> => {
    if (requestHostAccess && (await requestHostAccess())) send(panelMessage('hostAccessChanged', { tabId }));
  };

  return (
    <div class={`app${(open && selected) || view === 'problems' ? ' with-detail' : ''}`}>
      <FilterBar
        filter={filter}
        onFilter={setFilter}
        live={imported === null}
        preserveLog={state.live.summary.preserveLog}
        onPreserveLog={(preserveLog) => send(panelMessage('setPreserveLog', { tabId, preserveLog }))}
        recordAllTabs={state.live.summary.recordAllTabs}
        onRecordAllTabs={(recordAllTabs) => send(panelMessage('setRecordAllTabs', { tabId, recordAllTabs }))}
        onClear={() => {
          send(panelMessage('clear', { tabId }));
          setSelectedId(null);
          setOpen(false);
        }}
        includeSecrets={includeSecrets}
        restoredWithoutSecrets={includeSecrets ? allEntries.filter((e) => e.redactedAtRest).length : 0}
        onIncludeSecrets={setIncludeSecrets}
        onExport={() => downloadText(exportFileName(), exportHarText(log, { redact: !includeSecrets }))}
        onExportReport={() => downloadText(reportFileName(), exportReportHtml(log, { redact: !includeSecrets, fileName: imported?.fileName ?? null }), 'text/html')}
        onImport={(file) => void onImport(file)}
      />
      {importing && <ImportingBanner progress={importing} />}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {imported ? <ImportedBanner imported={imported} onBack={() => switchMode(null)} /> : <ConnectionBanner status={state.connection} />}
      {overrides && <OverridesBanner overrides={activeOverrides} onRemove={(id) => overrides.remove(id)} onRemoveAll={() => overrides.removeAll()} />}
      {!imported && <StorageBanner summary={state.live.summary} />}
      {!imported && state.live.summary.hostAccess === 'missing' && <HostAccessBanner onGrant={() => void onGrant()} />}
      {!imported && state.connection === 'connected' && reload && <RecordingBanner summary={state.live.summary} inDevtools={inDevtools} onReload={reload} />}
      <SummaryBar counts={counts} summary={log.summary} shown={rows.length} />
      <ViewTabs
        view={view}
        onView={(next) => {
          // The other view's list is a different context: its detail pane starts with its own selection.
          setView(next);
          setOpen(false);
        }}
        exchanges={counts.total} problems={grouped?.problems.length ?? null} />
      <div class="main">
        {view === 'problems' && grouped ? (
          <ProblemList
            problems={grouped.problems}
            selectedId={problem?.id ?? null}
            onSelect={(id) => {
              setProblemId(id);
              setOpen(false);
            }}
          />
        ) : (
          <ExchangeList
            rows={rows}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onOpen={openExchange}
            onClose={() => setOpen(false)}
            detailOpen={open && selected !== undefined}
            emptyText={allRows.length === 0 ? (imported ? 'The file holds no cross-origin exchanges.' : 'No cross-origin requests yet. Reload the page to record them.') : 'No exchange matches the filter.'}
          />
        )}
        {open && selected ? (
          <DetailView entry={selected} cause={cause} redact={!includeSecrets} onClose={() => setOpen(false)} probe={probe} rerun={imported ? undefined : rerun} overrides={imported ? undefined : overrides} entries={allEntries} />
        ) : (
          // In the Problems view the selected problem takes the detail pane; an exchange opened from it replaces it until closed.
          grouped && problem && <ProblemDetail problem={problem} entries={grouped.entries} cause={problemCause} onOpenExchange={openExchange} />
        )}
      </div>
    </div>
  );
}
