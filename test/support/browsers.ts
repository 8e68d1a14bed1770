// Launch Debian's Chromium and Firefox ESR with puppeteer-core (/usr/bin/chromium,
// /usr/bin/firefox-esr; no downloaded browsers). Callers must close the
// browser; `withBrowser` does it for them even when the body throws.

import puppeteer, { type Browser } from 'puppeteer-core';
import { browserPath, missingBrowser } from './browser-executables.mjs';

export type BrowserName = 'chromium' | 'firefox';

export const CHROMIUM_PATH = browserPath('chromium');
export const FIREFOX_PATH = browserPath('firefox');

/** Before launching: one line naming the Debian package, not puppeteer's spawn ENOENT stack. */
function assertInstalled(name: BrowserName): void {
  const missing = missingBrowser(name);
  if (missing !== undefined) throw new Error(missing);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface LaunchOptions {
  /** Unpacked extension directory to load (Chromium: enableExtensions; Firefox: temporary install). */
  readonly extensionDir?: string;
  /** Chromium only: further unpacked extensions loaded beside it (a second test extension). */
  readonly extraExtensionDirs?: readonly string[];
  /** Chromium only: open DevTools for each tab (the extension's devtools_page then loads). */
  readonly devtools?: boolean;
  /** Default true; `npm start` with a display passes false. */
  readonly headless?: boolean;
  readonly extraArgs?: readonly string[];
  /** Firefox only: preferences for the new profile (puppeteer's `extraPrefsFirefox`). */
  readonly firefoxPrefs?: Readonly<Record<string, unknown>>;
  /** The profile directory, prepared by the test (Firefox: add-ons in its `extensions/`) or read after close: puppeteer then leaves it in place. */
  readonly userDataDir?: string;
  /** The extension is allowed in private windows (Chromium: "Allow in Incognito"; Firefox: "Run in Private Windows"). */
  readonly incognito?: boolean;
}

export interface LaunchedBrowser {
  readonly browser: Browser;
  readonly name: BrowserName;
  /** Firefox: the id returned by installExtension. Chromium: undefined (find the worker target). */
  readonly extensionId?: string;
  close(): Promise<void>;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  assertInstalled('chromium');
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    pipe: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    devtools: options.devtools ?? false,
    ...(options.extensionDir !== undefined ? { enableExtensions: [options.extensionDir, ...(options.extraExtensionDirs ?? [])] } : {}),
    ...(options.incognito === true && options.extensionDir !== undefined ? { extensionsEnabledInIncognito: [options.extensionDir] } : {}),
    ...(options.userDataDir !== undefined ? { userDataDir: options.userDataDir } : {}),
  });
  return { browser, name: 'chromium', close: () => closeQuietly(browser) };
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  assertInstalled('firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    ...(options.extraArgs !== undefined ? { args: [...options.extraArgs] } : {}),
    ...(options.firefoxPrefs !== undefined ? { extraPrefsFirefox: { ...options.firefoxPrefs } } : {}),
    ...(options.userDataDir !== undefined ? { userDataDir: options.userDataDir } : {}),
  });
  try {
    const extensionId = options.extensionDir !== undefined ? await installFirefoxExtension(browser, options.extensionDir, options.incognito === true) : undefined;
    return { browser, name: 'firefox', ...(extensionId !== undefined ? { extensionId } : {}), close: () => closeQuietly(browser) };
  } catch (error) {
    await closeQuietly(browser);
    throw error;
  }
}

/** A temporary install; `allowPrivate` ticks "Run in Private Windows" (BiDi's `moz:allowPrivateBrowsing`, which puppeteer does not pass). */
async function installFirefoxExtension(browser: Browser, path: string, allowPrivate: boolean): Promise<string> {
  if (!allowPrivate) return browser.installExtension(path);
  const { connection } = browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: { extension: string } }> } };
  const { result } = await connection.send('webExtension.install', { extensionData: { type: 'path', path }, 'moz:allowPrivateBrowsing': true });
  return result.extension;
}

export function launch(name: BrowserName, options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

/** Launch, run `body`, always close. */
export async function withBrowser<T>(name: BrowserName, options: LaunchOptions, body: (b: LaunchedBrowser) => Promise<T>): Promise<T> {
  const launched = await launch(name, options);
  try {
    return await body(launched);
  } finally {
    await launched.close();
  }
}

async function closeQuietly(browser: Browser): Promise<void> {
  // A browser that already died must not mask the test's own error; kill the process as a last resort.
  try {
    await browser.close();
  } catch {
    browser.process()?.kill('SIGKILL');
  }
}
