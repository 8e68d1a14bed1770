// The one permission the probe needs: declarativeNetRequestWithHostAccess, which lets a session rule
// set headers only where the extension already has host access (no new access, no install prompt in
// either browser). It is declared in the manifest's `permissions`, not `optional_permissions`:
// - Chromium 156 accepts it as optional and grants it (permissions.request resolves true, no prompt),
//   but after a runtime grant every updateSessionRules call hangs, never settling, and the crafted
//   Origin never goes out; declared as required, the same call takes milliseconds. Seen 5 times out of 5 with a
//   minimal extension (enableExtensions and --load-extension alike), re-checked 2026-12-01;
// - Firefox ESR 153 drops it from optional_permissions on install, and permissions.request throws
//   'Value "declarativeNetRequestWithHostAccess" must either ...' (it is not an optional permission there).
// These functions still check and, where a browser allows it, request it, so moving it to
// optional_permissions later needs no code change.
import type { Manifest } from 'webextension-polyfill';
import { browser } from './browser';

const PROBE_PERMISSIONS = { permissions: ['declarativeNetRequestWithHostAccess' as Manifest.OptionalPermission] };

export async function hasProbePermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains(PROBE_PERMISSIONS);
  } catch {
    return false;
  }
}

/** Call from the click on "Probe this endpoint" (permissions.request needs a user gesture). */
export async function requestProbePermission(): Promise<boolean> {
  if (await hasProbePermission()) return true;
  try {
    return await browser.permissions.request(PROBE_PERMISSIONS);
  } catch {
    return false;
  }
}
