// Network-panel-style toolbar: text filter, verdict and type toggles, only-blocked, and the
// log actions (Clear, Preserve log, Export/Import HAR, Export report).
import type { ExchangeType } from '../../core/analysis';
import { type Filter, toggle } from '../state/filter';
import type { RowVerdict } from '../state/row-view';

const VERDICTS: readonly RowVerdict[] = ['allowed', 'blocked', 'warning'];
const TYPES: readonly ExchangeType[] = ['simple', 'preflighted', 'no-cors'];

export interface FilterBarProps {
  readonly filter: Filter;
  readonly onFilter: (filter: Filter) => void;
  readonly live: boolean;
  readonly preserveLog: boolean;
  readonly onPreserveLog: (on: boolean) => void;
  readonly recordAllTabs: boolean;
  readonly onRecordAllTabs: (on: boolean) => void;
  readonly onClear: () => void;
  readonly includeSecrets: boolean;
  /** With "Include cookies and credentials": exchanges restored after a restart, whose secrets were never written and so are gone. */
  readonly restoredWithoutSecrets?: number;
  readonly onIncludeSecrets: (on: boolean) => void;
  readonly onExport: () => void;
  /** Export report: the HTML report for the server team. */
  readonly onExportReport: () => void;
  readonly onImport: (file: File) => void;
}

function Toggle<T extends string>({ value, set, onChange }: { value: T; set: ReadonlySet<T>; onChange: (next: ReadonlySet<T>) => void }) {
  const on = set.has(value);
  return (
    <button type="button" class={`toggle${on ? ' on' : ''}`} aria-pressed={on} onClick={() => onChange(toggle(set, value))}>
      {value}
    </button>
  );
}

export function FilterBar(props: FilterBarProps) {
  const { filter, onFilter } = props;
  return (
    <div class="toolbar" role="toolbar" aria-label="Filter and actions">
      <input
        type="search"
        class="filter-text"
        placeholder="Filter (URL, method, origin, reason)"
        aria-label="Filter"
        value={filter.text}
        onInput={(e) => onFilter({ ...filter, text: (e.currentTarget as HTMLInputElement).value })}
      />
      <span class="group" aria-label="Verdict">
        {VERDICTS.map((v) => (
          <Toggle key={v} value={v} set={filter.verdicts} onChange={(verdicts) => onFilter({ ...filter, verdicts })} />
        ))}
      </span>
      <span class="group" aria-label="Type">
        {TYPES.map((t) => (
          <Toggle key={t} value={t} set={filter.types} onChange={(types) => onFilter({ ...filter, types })} />
        ))}
      </span>
      <label>
        <input type="checkbox" checked={filter.onlyBlocked} onChange={(e) => onFilter({ ...filter, onlyBlocked: (e.currentTarget as HTMLInputElement).checked })} />
        Only blocked
      </label>
      <span class="spacer" />
      {props.live && (
        <>
          <button type="button" onClick={props.onClear} title="Clear the log">
            Clear
          </button>
          <label>
            <input type="checkbox" checked={props.preserveLog} onChange={(e) => props.onPreserveLog((e.currentTarget as HTMLInputElement).checked)} />
            Preserve log
          </label>
          <details class="settings">
            <summary>Settings</summary>
            <div class="settings-menu">
              <label>
                <input
                  type="checkbox"
                  checked={props.recordAllTabs}
                  aria-describedby="record-all-tabs-note"
                  onChange={(e) => props.onRecordAllTabs((e.currentTarget as HTMLInputElement).checked)}
                />
                Record all tabs, even with DevTools closed
              </label>
              <p id="record-all-tabs-note" class="muted">
                Off: a tab is recorded only while DevTools is open on it, at no cost to other page loads. On: every tab, from the moment it loads; page
                loads in every tab get slower.
              </p>
            </div>
          </details>
        </>
      )}
      <button type="button" onClick={props.onExport}>
        Export HAR
      </button>
      <button type="button" onClick={props.onExportReport} title="An HTML page for the server team: each failing endpoint, why, and the fix">
        Export report
      </button>
      <label title="Export HAR, Export report and cURL keep Cookie, Set-Cookie and Authorization values">
        <input type="checkbox" checked={props.includeSecrets} onChange={(e) => props.onIncludeSecrets((e.currentTarget as HTMLInputElement).checked)} />
        Include cookies and credentials
      </label>
      {(props.restoredWithoutSecrets ?? 0) > 0 && (
        <span class="muted" role="note">
          {props.restoredWithoutSecrets} restored after a restart without their secrets (never written to disk)
        </span>
      )}
      <label class="file-button">
        Import HAR
        <input
          type="file"
          accept=".har,application/json"
          aria-label="Import HAR"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) props.onImport(file);
            input.value = '';
          }}
        />
      </label>
    </div>
  );
}
