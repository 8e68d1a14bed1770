// Address spaces for Chromium's Local Network Access (the successor of Private Network Access,
// WICG local-network-access): a document in a more public space that fetches a more local one
// needs the user's permission, and without it the request fails before it is sent.

import { getHeader, splitList } from './headers';
import type { HeaderList } from './model';

export type AddressSpace = 'public' | 'private' | 'local';

const RANK: Record<AddressSpace, number> = { local: 0, private: 1, public: 2 };

/** Classify an IP literal (v4 or v6, brackets allowed) or a host name; null when unknowable. */
export function addressSpaceOfHost(host: string): AddressSpace | null {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\./.test(h) || h === '0.0.0.0') return 'local';
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(h);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return 'private';
    return 'public';
  }
  if (h.includes(':')) return /^f[cd]/.test(h) || /^fe[89ab]/.test(h) ? 'private' : 'public';
  return null; // a DNS name: its space is the address it resolved to, which the URL does not tell
}

export function addressSpaceOfUrl(url: string): AddressSpace | null {
  try {
    return addressSpaceOfHost(new URL(url).hostname);
  } catch {
    return null;
  }
}

/**
 * A document's space: `Content-Security-Policy: treat-as-public-address` makes it public;
 * otherwise the address it was served from, when known.
 */
export function addressSpaceOfDocument(responseHeaders: HeaderList, serverIp: string | undefined): AddressSpace | null {
  const csp = getHeader(responseHeaders, 'Content-Security-Policy');
  if (csp !== null && csp.split(/[;,]/).some((d) => splitList(d.replace(/\s+/g, ',')).includes('treat-as-public-address'))) return 'public';
  return serverIp ? addressSpaceOfHost(serverIp) : null;
}

/** True when a request from `from` to `to` needs Local Network Access permission. */
export function needsLocalNetworkAccess(from: AddressSpace, to: AddressSpace): boolean {
  return RANK[to] < RANK[from];
}
