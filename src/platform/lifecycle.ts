// Extension lifecycle events and tabs, for the background.
import { browser } from './browser';

export interface InstallInfo {
  readonly reason: string;
  /** Firefox only: a temporary install (web-ext run, about:debugging, WebDriver BiDi installExtension). */
  readonly temporary: boolean;
}

export function onInstalled(listener: (info: InstallInfo) => void): void {
  browser.runtime.onInstalled.addListener((details) => listener({ reason: details.reason, temporary: details.temporary === true }));
}

/** The browser started: a listener makes it start the background then, not at first use. */
export function onBrowserStartup(listener: () => void): void {
  browser.runtime.onStartup.addListener(() => listener());
}

export function onTabRemoved(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

export async function openExtensionTab(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}
