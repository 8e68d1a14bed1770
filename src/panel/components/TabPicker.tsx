// Standalone view without a tab id (`?standalone=1`): choose the tab to inspect.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TabInfo } from '../../platform/devtools-context';

export function TabPicker({ listTabs, onPick }: { listTabs: () => Promise<TabInfo[]>; onPick: (tabId: number) => void }) {
  const [tabs, setTabs] = useState<TabInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    // Extension pages (this panel's own tab among them) and empty tabs have no web traffic to inspect.
    // Without host access the browser hides every web tab's URL: list those too, or the user can
    // never reach the log whose banner offers to grant access.
    listTabs().then((all) => setTabs(all.filter((t) => t.hidden === true || /^https?:/.test(t.url))), (e: unknown) => setError(String(e)));
  }, [listTabs]);
  useEffect(() => {
    refresh();
    // Tabs opened or navigated meanwhile: list them again whenever the user comes back here.
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);
  return (
    <div class="tab-picker">
      <h2>Choose a tab to inspect</h2>
      <button type="button" onClick={refresh}>Refresh</button>
      {error && <p class="error">{error}</p>}
      {tabs === null && !error && <p class="muted">Loading tabs…</p>}
      <ul>
        {tabs?.map((t) => (
          <li key={t.id}>
            <button type="button" onClick={() => onPick(t.id)}>
              <span class="tab-title">{t.title || '(untitled)'}</span> <span class="muted">{t.hidden ? `tab ${t.id}, address hidden (no access to websites)` : t.url}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
