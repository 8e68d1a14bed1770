// The *Try this fix* session rules the extension holds, read from one of its pages (either browser).
import type { Page } from 'puppeteer-core';
import { OVERRIDE_RULE_IDS } from '../../src/core/override/override-rules';

type Api = typeof chrome;

/** Ids of our override rules among the extension's session rules. */
export const ourRuleIds = (ext: Page): Promise<number[]> =>
  ext.evaluate(async (first: number, last: number) => {
    const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
    return (await api.declarativeNetRequest.getSessionRules()).map((r) => r.id).filter((id) => id >= first && id <= last);
  }, OVERRIDE_RULE_IDS.first, OVERRIDE_RULE_IDS.last);
