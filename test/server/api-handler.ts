// Answers `/api/<scenario-id>/<step>` exactly as the catalogue says, malformed headers included:
// header lines are written raw and in order, so duplicates stay separate lines on the wire.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer, HeaderLine, Scenario } from '../scenarios/types';
import { fillPlaceholders, type Origins } from './placeholders';
import type { LoggedRequest } from './request-log';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const SCRIPT = 'window.__scriptRuns = (window.__scriptRuns || 0) + 1;\n';
/** `slow` bodies: half at once, the rest after SLOW_BODY_MS (bounded: the socket is ended either way). */
const SLOW_BODY_BYTES = 2048;
const SLOW_BODY_MS = 3000;

/** Answer to a preflight the scenario does not handle: what a server without CORS support says. */
const NO_OPTIONS_HANDLER: Answer = { status: 405, headers: [['Allow', 'GET, HEAD, POST']] };

/** Loopback-only helper endpoints used by e2e tests and the demo: `/api/open/<anything>`. */
const OPEN_ANSWER: Answer = { status: 200, headers: [['Access-Control-Allow-Origin', '*']] };

function bodyOf(answer: Answer, method: string): Buffer {
  if (method === 'HEAD' || answer.status === 204 || answer.status === 304) return Buffer.alloc(0);
  if (answer.body === 'gif') return GIF;
  if (answer.body === 'js') return Buffer.from(SCRIPT);
  if (answer.body === 'slow') return Buffer.alloc(SLOW_BODY_BYTES, 0x20);
  return Buffer.from(answer.body ?? '{"ok":true}\n');
}

export function pickAnswer(scenario: Scenario | undefined, step: string, method: string): Answer | undefined {
  if (scenario === undefined) return undefined;
  const s = scenario.steps[step];
  if (s === undefined) return undefined;
  if (method === 'OPTIONS') return s.preflight ?? NO_OPTIONS_HANDLER;
  return s.response;
}

export function answerApi(
  req: IncomingMessage,
  res: ServerResponse,
  entry: LoggedRequest,
  scenario: Scenario | undefined,
  origins: Origins,
): void {
  const method = req.method ?? 'GET';
  const chosen = entry.scenario === 'open' ? OPEN_ANSWER : pickAnswer(scenario, entry.step, method);
  const answer = chosen ?? { status: 404, headers: [['Content-Type', 'text/plain']] as HeaderLine[], body: 'no such scenario step\n' };
  const origin = req.headers.origin;
  const lines: HeaderLine[] = answer.headers.map(([n, v]) => [n, fillPlaceholders(v, origins, entry.scenario, origin)]);
  // Keep the browser's HTTP cache out of every scenario; the preflight cache is separate (Fetch §4.8).
  if (method !== 'OPTIONS') lines.push(['Cache-Control', 'no-store']);
  const body = bodyOf(answer, method);
  if (answer.status !== 204 && answer.status !== 304) lines.push(['Content-Length', String(body.length)]);
  entry.answer = { status: answer.status, headers: lines };
  res.writeHead(answer.status, lines.flat());
  if (answer.body !== 'slow' || body.length === 0) {
    res.end(body);
    return;
  }
  res.write(body.subarray(0, body.length / 2));
  const timer = setTimeout(() => res.end(body.subarray(body.length / 2)), SLOW_BODY_MS);
  res.on('close', () => clearTimeout(timer));
}
