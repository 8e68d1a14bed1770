// Panel entry: finds the inspected tab, opens the port, applies the theme and mounts the app.
// The only panel file that touches platform code; components get what they need as props.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { devtoolsTheme, listTabs, onDevtoolsThemeChanged } from '../platform/devtools-context';
import { inspectedTabId } from '../platform/devtools';
import { requestHostAccess } from '../platform/host-access';
import { connectPort } from '../platform/ports';
import { App } from './components/App';
import { TabPicker } from './components/TabPicker';
import { openConnection } from './connection';
import { createStore } from './state/store';
import { tabIdFrom } from './tab-id';
import { applyTheme } from './theme';

function LivePanel({ tabId }: { tabId: number }) {
  const [wiring] = useState(() => {
    const store = createStore();
    const connection = openConnection({
      tabId,
      connect: connectPort,
      onMessage: store.receive,
      onStatus: (connection) => store.update((s) => ({ ...s, connection })),
    });
    addEventListener('pagehide', () => connection.close());
    return { store, connection };
  });
  return <App store={wiring.store} tabId={tabId} send={wiring.connection.send} requestHostAccess={requestHostAccess} />;
}

function Root({ initialTabId }: { initialTabId: number | null }) {
  const [tabId, setTabId] = useState(initialTabId);
  if (tabId !== null) return <LivePanel tabId={tabId} />;
  return <TabPicker listTabs={listTabs} onPick={setTabId} />;
}

applyTheme(document.documentElement, devtoolsTheme());
onDevtoolsThemeChanged((theme) => applyTheme(document.documentElement, theme));
const root = document.getElementById('app');
if (root) render(<Root initialTabId={tabIdFrom(location.search, inspectedTabId())} />, root);
