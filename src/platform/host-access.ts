// Host permissions. Firefox lets the user withhold or revoke `<all_urls>` for an MV3 extension, and
// webRequest then reports nothing for those hosts; the panel must say so and offer a grant.
import { browser } from './browser';

const ALL_URLS = { origins: ['<all_urls>'] };

export async function hasHostAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains(ALL_URLS);
  } catch {
    return false;
  }
}

/** Must be called from a user gesture in an extension page (the panel's "Grant access" button). */
export async function requestHostAccess(): Promise<boolean> {
  return browser.permissions.request(ALL_URLS);
}

export function onHostAccessChanged(listener: () => void): void {
  browser.permissions.onAdded.addListener(() => listener());
  browser.permissions.onRemoved.addListener(() => listener());
}
