// The two-origin loopback scenario server. One node:http handler listens on two ephemeral ports
// (each on 127.0.0.1 and ::1, because browsers may resolve `localhost` to either):
//   page origin  http://localhost:<A>   the runner page (and same-origin API paths)
//   API origin   http://localhost:<B>   /api/<scenario-id>/<step>, answered per the catalogue
//   cross-site   http://127.0.0.1:<B>   the same API under another site (redirect targets)
// Every request is logged with its raw header lines; see request-log.ts.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { catalogue } from '../scenarios/catalogue';
import type { Scenario } from '../scenarios/types';
import { answerApi } from './api-handler';
import type { Origins } from './placeholders';
import { pairHeaders, RequestLog, type HostRole, type LoggedRequest } from './request-log';
import { runnerHtml, runnerScriptText, scenariosJson } from './runner-page';

export interface StartOptions {
  /** Scenarios to serve (default: the whole catalogue). */
  readonly scenarios?: readonly Scenario[];
  /**
   * Extra HTML pages on the page origin, by path (`/bulk.html`), for e2e tests and the demo; a
   * function gets this run's origins (ports are only known once the server listens).
   */
  readonly pages?: Readonly<Record<string, string | ((origins: Origins) => string)>>;
}

export interface ScenarioServer {
  readonly pageOrigin: string;
  readonly apiOrigin: string;
  readonly siteOrigin: string;
  /** Requests received, in order; optionally only one scenario's. */
  requests(scenario?: string): readonly LoggedRequest[];
  clearLog(): void;
  close(): Promise<void>;
}

function hostRole(host: string | undefined, ports: { page: number; api: number }): HostRole {
  if (host === `localhost:${ports.page}`) return 'page';
  if (host === `localhost:${ports.api}`) return 'api';
  if (host === `127.0.0.1:${ports.api}`) return 'site';
  return 'unknown';
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Two servers (IPv4 and IPv6 loopback) on one port number; retries if ::1 has that port taken. */
export async function listenBoth(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ port: number; servers: Server[] }> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const v4 = createServer(handler);
    const port = await listen(v4, 0, '127.0.0.1');
    const v6 = createServer(handler);
    try {
      await listen(v6, port, '::1');
      return { port, servers: [v4, v6] };
    } catch {
      v4.close();
    }
  }
  throw new Error('could not bind the same port on 127.0.0.1 and ::1');
}

export async function start(options: StartOptions = {}): Promise<ScenarioServer> {
  const scenarios = options.scenarios ?? catalogue;
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const log = new RequestLog();
  const ports = { page: 0, api: 0 };
  let origins: Origins = { page: '', api: '', site: '' };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const host = hostRole(req.headers.host, ports);
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const [, first, id = '', step = ''] = url.pathname.split('/');
    const entry = log.add({
      scenario: first === 'api' ? id : '',
      step,
      host,
      method: req.method ?? 'GET',
      url: url.href,
      headers: pairHeaders(req.rawHeaders),
      receivedAt: Date.now(),
    });
    req.resume();
    req.on('end', () => {
      if (first === 'api') return answerApi(req, res, entry, byId.get(id), origins);
      servePage(url, res, entry);
    });
  };

  const servePage = (url: URL, res: ServerResponse, entry: LoggedRequest): void => {
    const send = (status: number, type: string, body: string, extra: [string, string][] = []): void => {
      const headers: [string, string][] = [['Content-Type', type], ['Cache-Control', 'no-store'], ...extra];
      entry.answer = { status, headers };
      res.writeHead(status, headers.flat());
      res.end(body);
    };
    const page = options.pages?.[url.pathname];
    const extra = typeof page === 'function' ? page(origins) : page;
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const isPublic = url.searchParams.get('public') === '1';
      // A same-site cookie, so `credentials: 'include'` to the API (another port) sends a real Cookie.
      const headers: [string, string][] = [['Set-Cookie', 'cl_session=demo; SameSite=Lax; Path=/']];
      if (isPublic) headers.push(['Content-Security-Policy', 'treat-as-public-address']);
      send(200, 'text/html; charset=utf-8', runnerHtml(isPublic), headers);
    } else if (url.pathname === '/runner.js') {
      send(200, 'text/javascript', runnerScriptText());
    } else if (url.pathname === '/scenarios.json') {
      send(200, 'application/json', scenariosJson(scenarios, origins));
    } else if (extra !== undefined) {
      send(200, 'text/html; charset=utf-8', extra, [['Set-Cookie', 'cl_session=demo; SameSite=Lax; Path=/']]);
    } else if (url.pathname === '/favicon.ico') {
      send(204, 'image/x-icon', '');
    } else {
      send(404, 'text/plain', 'not found\n');
    }
  };

  const page = await listenBoth(handler);
  const api = await listenBoth(handler);
  ports.page = page.port;
  ports.api = api.port;
  origins = { page: `http://localhost:${page.port}`, api: `http://localhost:${api.port}`, site: `http://127.0.0.1:${api.port}` };
  const servers = [...page.servers, ...api.servers];

  return {
    pageOrigin: origins.page,
    apiOrigin: origins.api,
    siteOrigin: origins.site,
    requests: (scenario) => log.requests(scenario),
    clearLog: () => log.clear(),
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
