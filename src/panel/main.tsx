// Panel entry: finds the inspected tab, opens the port, applies the theme and mounts the app.
// The only panel file that touches platform code; components get what they need as props.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { devtoolsTheme, listTabs, onDevtoolsThemeChanged } from '../platform/devtools-context';
import { inspectedTabId, reloadTab } from '../platform/devtools';
import { requestHostAccess } from '../platform/host-access';
import { canEvalIn, evalInInspectedPage } from '../platform/inspected-eval';
import { connectPort } from '../platform/ports';
import { requestProbePermission } from '../platform/probe-permission';
import { requestOverridePermission } from '../platform/override-dnr';
import { createOverrideController } from './override-store';
import { App } from './components/App';
import { importHarFile } from './import/import-har-file';
import { TabPicker } from './components/TabPicker';
import { openConnection } from './connection';
import { createProbeController } from './probe-store';
import { entriesOf } from './state/panel-state';
import { createStore } from './state/store';
import { tabIdFrom } from './tab-id';
import { followTheme } from './theme';

function LivePanel({ tabId }: { tabId: number }) {
  const [wiring] = useState(() => {
    const store = createStore();
    const probe = createProbeController({
      tabId,
      send: (m) => connection.send(m),
      requestPermission: requestProbePermission,
      entries: () => entriesOf(store.getState().imported?.log ?? store.getState().live),
    });
    const overrides = createOverrideController({ tabId, send: (m) => connection.send(m), requestPermission: requestOverridePermission });
    const connection = openConnection({
      tabId,
      connect: connectPort,
      // Probe reports are not exchanges: they go to the probe controller, the rest to the log.
      onMessage: (m) => {
        if (m.type === 'probeUpdate') probe.receive(m.payload.report);
        else if (m.type === 'overridesChanged') overrides.receive(m.payload);
        else store.receive(m);
      },
      onStatus: (connection) => store.update((s) => ({ ...s, connection })),
    });
    addEventListener('pagehide', () => connection.close());
    return { store, connection, probe, overrides };
  });
  return (
    <App
      store={wiring.store}
      tabId={tabId}
      send={wiring.connection.send}
      requestHostAccess={requestHostAccess}
      reload={() => void reloadTab(tabId)}
      inDevtools={inspectedTabId() === tabId}
      probe={wiring.probe}
      rerun={canEvalIn(tabId) ? evalInInspectedPage : undefined}
      overrides={wiring.overrides}
      importFile={importHarFile}
    />
  );
}

function Root({ initialTabId }: { initialTabId: number | null }) {
  const [tabId, setTabId] = useState(initialTabId);
  if (tabId !== null) return <LivePanel tabId={tabId} />;
  return <TabPicker listTabs={listTabs} onPick={setTabId} />;
}

followTheme(document.documentElement, devtoolsTheme, onDevtoolsThemeChanged);
const root = document.getElementById('app');
if (root) render(<Root initialTabId={tabIdFrom(location.search, inspectedTabId())} />, root);
