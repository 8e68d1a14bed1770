// Whether a tab belongs to a private window (Chrome incognito, Firefox private browsing). Both
// browsers report it as `Tab.incognito` without the "tabs" permission. A tab that cannot be read
// (closed meanwhile) counts as private: its log is then kept in memory only, the safe side.
import { browser } from './browser';

export async function isPrivateTab(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId)).incognito;
  } catch {
    return true;
  }
}
