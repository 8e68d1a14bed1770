// Where the recording scope outlives a background instance: the "Record all tabs" setting in
// storage.local (kept across browser restarts, as users expect of a setting), the tabs inspected
// right now in storage.session (they mean nothing after the browser stops).
import { browser } from './browser';
import { readSessionValue, writeSessionValue } from './session-storage';

/** What must outlive a background instance: the setting (for good) and the inspected tabs (for the browser session). */
export interface ScopeStorage {
  readRecordAllTabs(): Promise<boolean>;
  writeRecordAllTabs(on: boolean): Promise<void>;
  readInspectedTabs(): Promise<readonly number[]>;
  writeInspectedTabs(tabIds: readonly number[]): Promise<void>;
}

const RECORD_ALL_TABS = 'recordAllTabs';
const INSPECTED_TABS = 'inspectedTabs';

export const scopeStorage: ScopeStorage = {
  async readRecordAllTabs() {
    const items = await browser.storage.local.get(RECORD_ALL_TABS);
    return items[RECORD_ALL_TABS] === true;
  },
  async writeRecordAllTabs(on) {
    await browser.storage.local.set({ [RECORD_ALL_TABS]: on });
  },
  async readInspectedTabs() {
    const value = await readSessionValue(INSPECTED_TABS);
    return Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id)) : [];
  },
  async writeInspectedTabs(tabIds) {
    await writeSessionValue(INSPECTED_TABS, [...tabIds]);
  },
};
