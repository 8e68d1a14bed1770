// A loopback server (node:http, ephemeral port) serving every policy in policies.ts at
// `/<policy>/data`, and logging each request exactly as it arrived: the probe's tests assert that
// the crafted Origin really reached the server.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { POLICIES, type PolicyAnswer, type PolicyName } from './policies';

export interface LoggedProbeRequest {
  readonly policy: string;
  readonly method: string;
  readonly path: string;
  readonly origin: string | null;
  readonly requestMethod: string | null;
  readonly cookie: string | null;
  readonly at: number;
}

export interface PolicyServer {
  readonly base: string;
  readonly log: LoggedProbeRequest[];
  url(policy: PolicyName): string;
  close(): Promise<void>;
}

function one(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

export async function startPolicyServer(): Promise<PolicyServer> {
  const log: LoggedProbeRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const name = path.split('/')[1] ?? '';
    const origin = one(req, 'origin');
    log.push({ policy: name, method: req.method ?? '', path, origin, requestMethod: one(req, 'access-control-request-method'), cookie: one(req, 'cookie'), at: Date.now() });
    if (name === 'page') {
      // A page for end-to-end tests: it calls the API given in ?api= once, so the extension records it.
      const api = new URL(req.url ?? '/', 'http://x').searchParams.get('api') ?? '';
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>calling</title><script>fetch(${JSON.stringify(api)}).finally(() => { document.title = 'done'; });</script>`);
      return;
    }
    if (name === 'redirect') {
      res.writeHead(302, { Location: 'http://elsewhere.invalid/', 'Access-Control-Allow-Origin': '*' }).end();
      return;
    }
    const policy = Object.hasOwn(POLICIES, name) ? POLICIES[name as PolicyName] : undefined;
    if (!policy) {
      res.writeHead(404).end();
      return;
    }
    const answer: PolicyAnswer = policy(origin ?? undefined);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...answer.common, ...(answer.preflight ?? {}) }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', ...answer.common }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    log,
    url: (policy) => `${base}/${policy}/data`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
