// What Chromium itself charges a page load for webRequest listeners, whatever the extension does
// in them: the page-load bench's page, in rotated rounds, under extensions that hold CORS Lens's
// permissions and register listeners that do nothing, varying which events and whether they ask
// for 'extraHeaders' (without it Chromium hides `Origin`, `Cookie` and every preflight, so a CORS
// recorder cannot do without it). Chromium only: Firefox has no 'extraHeaders' and no proxy floor.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/support/browsers';
import { type Config, type ConfigResult, measureRotated, newTab } from './page-load.bench';

const EVENTS = {
  onSendHeaders: ['requestHeaders'],
  onHeadersReceived: ['responseHeaders'],
  onBeforeRedirect: [],
  onCompleted: [],
  onErrorOccurred: [],
} as const;

type EventName = keyof typeof EVENTS;

interface Variant {
  readonly label: string;
  readonly events: readonly EventName[];
  readonly extraHeaders: boolean;
}

const ALL = Object.keys(EVENTS) as EventName[];

const VARIANTS: readonly Variant[] = [
  { label: "CORS Lens's five events, with extraHeaders (what it registers for a recorded tab)", events: ALL, extraHeaders: true },
  { label: 'the five events, without extraHeaders', events: ALL, extraHeaders: false },
  { label: 'onSendHeaders + onHeadersReceived, with extraHeaders', events: ['onSendHeaders', 'onHeadersReceived'], extraHeaders: true },
  { label: 'onCompleted alone, with extraHeaders', events: ['onCompleted'], extraHeaders: true },
  { label: 'onCompleted alone, without extraHeaders', events: ['onCompleted'], extraHeaders: false },
];

function writeExtension(variant: Variant): string {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-listener-cost-'));
  const manifest = {
    manifest_version: 3,
    name: 'CORS Lens bench: listener cost',
    version: '1.0.0',
    permissions: ['webRequest', 'declarativeNetRequestWithHostAccess'],
    host_permissions: ['<all_urls>'],
    background: { service_worker: 'worker.js' },
  };
  const lines = variant.events.map((event) => {
    const spec = [...EVENTS[event], ...(variant.extraHeaders ? ['extraHeaders'] : [])];
    return `chrome.webRequest.${event}.addListener(nothing, { urls }${spec.length > 0 ? `, ${JSON.stringify(spec)}` : ''});`;
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'worker.js'), ["const nothing = () => undefined;", "const urls = ['http://*/*', 'https://*/*'];", ...lines].join('\n'));
  return dir;
}

export async function runListenerCostBench(rounds = 11): Promise<ConfigResult[]> {
  const configs: Config[] = [
    { key: 'none', label: 'no extension', setup: async () => newTab(await launchChromium()) },
    {
      key: 'permissionsOnly',
      label: 'the permissions, no listener',
      setup: async () => newTab(await launchChromium({ extensionDir: fileURLToPath(new URL('./permissions-only', import.meta.url)) })),
    },
    ...VARIANTS.map((variant, i): Config => ({
      key: `listeners:${i}`,
      label: variant.label,
      setup: async () => newTab(await launchChromium({ extensionDir: writeExtension(variant) })),
    })),
  ];
  return measureRotated('chromium', configs, rounds);
}
