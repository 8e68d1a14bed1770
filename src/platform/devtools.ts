// DevTools APIs, for the devtools page and the panel.
import { browser } from './browser';

export async function createDevtoolsPanel(title: string, iconPath: string, pagePath: string): Promise<void> {
  await browser.devtools.panels.create(title, iconPath, pagePath);
}

/** The inspected tab, when running inside DevTools; undefined in a standalone tab. */
export function inspectedTabId(): number | undefined {
  try {
    return browser.devtools?.inspectedWindow?.tabId;
  } catch {
    return undefined;
  }
}

/**
 * Reloads the tab the panel shows, to capture its page load: through DevTools when the panel is
 * in DevTools (`inspectedWindow.reload`, as the Network panel's hint does), else through `tabs`.
 */
export async function reloadTab(tabId: number): Promise<void> {
  if (inspectedTabId() === tabId) browser.devtools.inspectedWindow.reload({});
  else await browser.tabs.reload(tabId);
}
