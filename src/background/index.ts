// Background entry (a service worker in Chromium, an event page in Firefox). Every listener is
// registered synchronously in the first turn: a worker woken by an event only delivers it to
// listeners that exist by then. The webRequest ones are removed again as soon as the runtime
// knows that no tab is inspected and "Record all tabs" is off (background-runtime.ts).

import { onHostAccessChanged, hasHostAccess } from '../platform/host-access';
import { onBrowserStartup, onInstalled, onTabRemoved, openExtensionTab } from '../platform/lifecycle';
import { onPortConnect } from '../platform/ports';
import { readSessionValue, writeSessionValue } from '../platform/session-storage';
import { browserFamily, webRequestListeners } from '../platform/web-request';
import { scopeStorage } from '../platform/scope-storage';
import { isPrivateTab } from '../platform/tab-privacy';
import { hasProbePermission } from '../platform/probe-permission';
import { dnrProbeTransport } from '../platform/probe-dnr';
import { sessionOverrideRules } from '../platform/override-dnr';
import { OverrideService } from './override/override-service';
import { BackgroundRuntime, SYSTEM_CLOCK } from './background-runtime';
import { RecorderStore } from './persistence';
import { ProbeService } from './probe/probe-service';

const SESSION_MARKER = 'corsLensSessionStarted';

const probes = new ProbeService({ transport: dnrProbeTransport, hasPermission: hasProbePermission });

// First turn: rules of ours left by a previous background are removed before any new one is added.
const overrides = new OverrideService(sessionOverrideRules, (tabId, update) => runtime.sendOverrides(tabId, update));

const listeners = webRequestListeners((phase, details) => runtime.onWebRequest(phase, details));
listeners.listenTo('all-tabs');

const runtime: BackgroundRuntime = new BackgroundRuntime({
  browser: browserFamily(),
  clock: SYSTEM_CLOCK,
  openStore: (freshSession) => RecorderStore.open(freshSession),
  listeners,
  scopeStorage,
  hasHostAccess,
  isPrivateTab,
  onProbe: (command, reply) => probes.handle(command, reply),
  overrides,
  // storage.session is emptied when the browser stops: no marker means a new browser session.
  isFreshSession: async () => {
    if ((await readSessionValue(SESSION_MARKER)) !== undefined) return false;
    await writeSessionValue(SESSION_MARKER, Date.now());
    return true;
  },
});

onPortConnect((port) => runtime.acceptPort(port));
onTabRemoved((tabId) => runtime.onTabRemoved(tabId));
// Woken at browser start, the background wipes what the last session left on disk (restore(), a
// fresh session) right away rather than at first use: PRIVACY.md promises it is erased at start.
onBrowserStartup(() => void runtime.ready);
onHostAccessChanged(() => void runtime.refreshHostAccess());
onInstalled((info) => {
  // A temporary install (web-ext run, about:debugging, WebDriver BiDi) is a developer's: open the log as
  // a tab. It is also the page end-to-end tests in Firefox evaluate in, since BiDi cannot open moz-extension: URLs.
  if (info.temporary) void openExtensionTab('src/panel/panel.html?standalone=1');
});

// For tests and `npm run bench` (read with CDP in the worker): time spent per event, and a way to
// write the log out before the test stops the worker.
// `recording()` says what is recorded, which of our webRequest listeners the browser has registered, and for which tabs.
Object.assign(globalThis, {
  corsLens: {
    stats: runtime.stats,
    flush: () => runtime.flush(),
    ready: runtime.ready,
    bootedAt: Date.now(),
    recording: () => ({ ...runtime.recording, registered: listeners.registered(), listenScope: listeners.scope() }),
  },
});
