// The DevTools page: its only job is to add the "CORS" panel. The panel itself learns the inspected
// tab from `devtools.inspectedWindow.tabId` and talks to the background over its own port.
import { createDevtoolsPanel } from '../platform/devtools';

void createDevtoolsPanel('CORS', '/icons/icon-32.png', '/src/panel/panel.html');
