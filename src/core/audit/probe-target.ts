// Check a probe target before anything is sent: the port carries whatever the panel posted, and the
// probe must only ever reach the one http(s) endpoint of a recorded exchange.

import type { ProbeTarget } from './probe-types';

export function validProbeTarget(value: unknown): ProbeTarget | null {
  if (typeof value !== 'object' || value === null) return null;
  const { url, method, pageOrigin } = value as Record<string, unknown>;
  if (typeof url !== 'string' || typeof method !== 'string' || typeof pageOrigin !== 'string') return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    // Credentials in the URL would be sent: refuse rather than strip, so what is shown is what is sent.
    if (parsed.username || parsed.password) return null;
    const page = new URL(pageOrigin);
    if (page.origin !== pageOrigin) return null;
  } catch {
    return null;
  }
  if (method.length === 0 || method.length > 32) return null;
  return { url, method, pageOrigin };
}
