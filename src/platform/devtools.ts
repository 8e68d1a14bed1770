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
