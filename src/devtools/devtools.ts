// The DevTools page: it lives exactly as long as a DevTools window on the inspected tab, so it is
// what tells the background to record that tab. It adds the "CORS" panel, and holds a port
// `cors-lens:<tabId>` open saying `inspect`: the background records the tab while the port is open
// (reconnecting after a worker restart), and the repeated message keeps Chromium from stopping an
// idle worker in the middle of an inspection (extension messages reset its 30 s idle timer).
import { inspectedTabId, createDevtoolsPanel } from '../platform/devtools';
import { connectPort } from '../platform/ports';
import { openConnection } from '../panel/connection';
import { panelMessage } from '../core/protocol';

const KEEP_ALIVE_MS = 20_000;

void createDevtoolsPanel('CORS', '/icons/icon-32.png', '/src/panel/panel.html');

const tabId = inspectedTabId();
if (tabId !== undefined) {
  const inspect = panelMessage('inspect', { tabId });
  const connection = openConnection({ tabId, connect: connectPort, greeting: inspect, onMessage: () => undefined, onStatus: () => undefined });
  setInterval(() => connection.send(inspect), KEEP_ALIVE_MS);
}
