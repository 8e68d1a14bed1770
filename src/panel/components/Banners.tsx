// One-line notices above the list: missing host access (Firefox lets users withhold it),
// the imported-file mode, a lost connection, and import errors.
import type { ActiveOverride } from '../../core/override/override-command';
import type { TabLogSummary } from '../../core/protocol';
import type { ConnectionStatus, ImportedLog } from '../state/panel-state';
import type { ImportProgress } from '../import/import-har-file';

/** Like the Network panel's hint: recording began after this page loaded, so its load is missing. */
export function RecordingBanner({ summary, inDevtools, onReload }: { summary: TabLogSummary; inDevtools: boolean; onReload: () => void }) {
  if (summary.recordingSince === null || summary.pageLoadCaptured) return null;
  // Without "Record all tabs", what started the recording is what shows this banner.
  const started = summary.recordAllTabs ? 'after this page loaded' : inDevtools ? 'when DevTools opened' : 'when this view opened';
  return (
    <div class="banner banner-info" role="status" data-testid="recording-banner">
      Recording started {started}. Reload to capture the page load.{' '}
      <button type="button" onClick={onReload}>
        Reload
      </button>
    </div>
  );
}

/** Where this tab's log is kept, when it is not the usual place (PRIVACY.md). */
export function StorageBanner({ summary }: { summary: TabLogSummary }) {
  if (summary.storageFault !== undefined) {
    return (
      <div class="banner banner-warn" role="alert" data-testid="storage-banner">
        Could not save the log ({summary.storageFault}). Recording goes on in memory only: if the browser stops CORS Lens's background, what was
        recorded since is lost.
      </div>
    );
  }
  if (summary.privateWindow) {
    return (
      <div class="banner banner-info" role="status" data-testid="storage-banner">
        Private window: kept in memory only. Nothing of this tab is written to disk; its log goes when the window closes.
      </div>
    );
  }
  return null;
}

export function HostAccessBanner({ onGrant }: { onGrant: () => void }) {
  return (
    <div class="banner banner-warn" role="alert">
      CORS Lens cannot see this site's requests: access to websites was withheld.{' '}
      <button type="button" onClick={onGrant}>
        Grant access
      </button>
    </div>
  );
}

export function ImportedBanner({ imported, onBack }: { imported: ImportedLog; onBack: () => void }) {
  const { skipped = 0, skippedEntries = [] } = imported.log.summary;
  return (
    <div class="banner banner-info" data-testid="imported-banner">
      Imported file <strong>{imported.fileName}</strong> ({imported.log.order.length} exchanges), analysed here; live recording continues in the
      background.{' '}
      <button type="button" onClick={onBack}>
        Back to live
      </button>
      {skipped > 0 && (
        <details data-testid="skipped-entries">
          <summary>
            {skipped} unreadable {skipped === 1 ? 'entry' : 'entries'} skipped
          </summary>
          <ul>
            {skippedEntries.map((s) => (
              <li key={s.entry}>
                entry {s.entry}: {s.reason}
              </li>
            ))}
            {skipped > skippedEntries.length && <li>and {skipped - skippedEntries.length} more</li>}
          </ul>
        </details>
      )}
    </div>
  );
}

export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  if (status === 'connected') return null;
  return (
    <div class="banner banner-info" role="status">
      {status === 'connecting' ? 'Connecting to the recorder…' : 'Recorder restarted; reconnecting…'}
    </div>
  );
}

/** While the import worker reads a file: how far it is. */
export function ImportingBanner({ progress }: { progress: ImportProgress }) {
  const percent = progress.totalBytes > 0 ? Math.min(100, Math.floor((progress.bytesRead / progress.totalBytes) * 100)) : 0;
  return (
    <div class="banner banner-info" role="status" data-testid="importing-banner">
      Importing <strong>{progress.fileName}</strong>: {percent}% read{' '}
      <progress max={100} value={percent} />
    </div>
  );
}

export function ErrorBanner({ error, onDismiss }: { error: string; onDismiss: () => void }) {
  return (
    <div class="banner banner-error" role="alert">
      {error}{' '}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** While any *Try this fix* override is active, responses in this tab are not what the server sent. */
export function OverridesBanner({ overrides, onRemove, onRemoveAll }: { overrides: readonly ActiveOverride[]; onRemove: (id: number) => void; onRemoveAll: () => void }) {
  if (overrides.length === 0) return null;
  return (
    <div class="banner banner-warn" role="status" data-testid="overrides-banner">
      CORS Lens is changing response headers in this tab ({overrides.length === 1 ? 'one override' : `${overrides.length} overrides`}):{' '}
      {overrides.map((o) => (
        <span key={o.id} class="override">
          <code>
            {o.plan.method} {o.plan.url}
          </code>{' '}
          <button type="button" onClick={() => onRemove(o.id)}>
            Remove
          </button>{' '}
        </span>
      ))}
      <button type="button" onClick={onRemoveAll}>
        Remove all
      </button>
    </div>
  );
}
