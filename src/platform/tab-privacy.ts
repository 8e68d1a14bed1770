// Whether a tab belongs to a private window (Chrome incognito, Firefox private browsing). Both
// browsers report it as `Tab.incognito` without the "tabs" permission. A tab that cannot be read
// (closed meanwhile) counts as private: its log is then kept in memory only, the safe side.
//
// The manifest's `"incognito": "spanning"` is on purpose: Firefox supports only spanning, so this
// check is needed anyway, and Chrome's `split` would run a second worker in the off-the-record
// profile with its own settings and scope: a second mode to test for no gain.
import { browser } from './browser';

export async function isPrivateTab(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId)).incognito;
  } catch {
    return true;
  }
}
