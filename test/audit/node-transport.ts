// The probe's transport for Node tests: Node's fetch (undici) has no forbidden request headers,
// so the crafted Origin and Access-Control-Request-Method are passed directly. Same contract as
// the extension's transport: no cookies, never follow a redirect.

import type { ProbeRequest, ProbeResponse } from '../../src/core/audit/probe-types';
import type { ProbeTransport } from '../../src/platform/probe-dnr';

export const nodeTransport: ProbeTransport = {
  async send(request: ProbeRequest, signal: AbortSignal): Promise<ProbeResponse> {
    const headers = new Headers();
    for (const h of request.headers) headers.append(h.name, h.value);
    const response = await fetch(request.url, { method: request.method, headers, redirect: 'manual', signal });
    await response.arrayBuffer();
    return {
      status: response.status,
      headers: [...response.headers].map(([name, value]) => ({ name, value })),
      redirected: response.status >= 300 && response.status < 400,
    };
  },
};
