// What the CORS panel needs from the browser besides its port (ports.ts) and host access
// (host-access.ts): the DevTools theme and, for the standalone view, the list of tabs.
import { browser } from './browser';

export type DevtoolsTheme = 'dark' | 'light';

/** DevTools' own theme (`devtools.panels.themeName`: 'dark' or 'default'); null outside DevTools. */
export function devtoolsTheme(): DevtoolsTheme | null {
  try {
    const name = browser.devtools?.panels?.themeName;
    if (name === 'dark') return 'dark';
    return typeof name === 'string' ? 'light' : null;
  } catch {
    return null;
  }
}

interface ThemeEvents {
  /** Firefox. */
  onThemeChanged?: { addListener(listener: (name: string) => void): void };
  /** Chrome 99+ (chrome.devtools.panels.setThemeChangeHandler). */
  setThemeChangeHandler?: (handler: (name: string) => void) => void;
}

/** The user switched the DevTools theme: each browser has its own way of saying so. */
export function onDevtoolsThemeChanged(listener: (theme: DevtoolsTheme) => void): void {
  const toTheme = (name: string): DevtoolsTheme => (name === 'dark' ? 'dark' : 'light');
  try {
    const panels = browser.devtools?.panels as ThemeEvents | undefined;
    if (panels?.onThemeChanged) panels.onThemeChanged.addListener((name) => listener(toTheme(name)));
    else if (typeof chrome !== 'undefined') (chrome.devtools?.panels as ThemeEvents | undefined)?.setThemeChangeHandler?.((name) => listener(toTheme(name)));
  } catch {
    /* not in DevTools */
  }
}

export interface TabInfo {
  readonly id: number;
  readonly title: string;
  readonly url: string;
  /** The browser withheld the tab's URL and title: CORS Lens has no host access (the user revoked it). */
  readonly hidden?: boolean;
}

/** Tabs the standalone panel can attach to (`?standalone=1`). Titles/URLs need the `tabs` permission or host access. */
export async function listTabs(): Promise<TabInfo[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((t) => (t.id === undefined ? [] : [{ id: t.id, title: t.title ?? '', url: t.url ?? '', ...(t.url === undefined ? { hidden: true } : {}) }]));
}
