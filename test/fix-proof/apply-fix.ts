// Apply the analyzer's fix to a scenario's answers, EXACTLY as the fix says and nothing more:
// each header of `fix.preflight` replaces every line of that name on the OPTIONS answer of the
// hop that failed (or is added), each header of `fix.response` likewise on that hop's answer,
// and `fix.preflightStatus` becomes the OPTIONS status. "Must carry X: v" means one line, v.

import type { Analysis, Fix } from '../../src/core/analysis';
import type { Exchange, Header } from '../../src/core/model';
import type { Answer, HeaderLine, Scenario, Step } from '../scenarios/types';
import { pickAnswer } from '../server/api-handler';

/** The step (`/api/<id>/<step>`) a hop's URL addresses; null when it is not a scenario URL. */
export function stepOfUrl(url: string, scenarioId: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const [, api, id, step] = path.split('/');
  return api === 'api' && id === scenarioId && step ? step : null;
}

export function withHeaders(answer: Answer, headers: readonly Header[]): Answer {
  let lines: HeaderLine[] = [...answer.headers];
  for (const h of headers) {
    lines = lines.filter(([name]) => name.toLowerCase() !== h.name.toLowerCase());
    lines.push([h.name, h.value]);
  }
  return { ...answer, headers: lines };
}

/** True when the fix changes the server at all (headers or the preflight status). */
export function fixChangesServer(fix: Fix): boolean {
  return fix.preflight !== null || fix.response !== null || fix.preflightStatus !== null;
}

export type Patched = { readonly ok: true; readonly steps: Readonly<Record<string, Step>> } | { readonly ok: false; readonly error: string };

/** The scenario's steps with the fix of `analysis` applied to the hop its first reason names. */
export function applyFix(scenario: Scenario, exchange: Exchange, analysis: Analysis): Patched {
  const reason = analysis.reasons[0];
  if (!reason) return { ok: false, error: 'the analysis has no reason' };
  const hop = exchange.hops[reason.hop];
  const step = hop ? stepOfUrl(hop.request.url, scenario.id) : null;
  if (step === null) return { ok: false, error: `hop ${reason.hop} is not a step of ${scenario.id}` };
  const original = scenario.steps[step];
  if (!original) return { ok: false, error: `${scenario.id} has no step ${step}` };
  const { fix } = analysis;
  let preflight = original.preflight;
  if (fix.preflight !== null || fix.preflightStatus !== null) {
    // No preflight answer in the catalogue means the server's 405 without CORS headers.
    const base = pickAnswer(scenario, step, 'OPTIONS') as Answer;
    preflight = withHeaders({ ...base, status: fix.preflightStatus ?? base.status }, fix.preflight ?? []);
  }
  const response = fix.response !== null ? withHeaders(original.response, fix.response) : original.response;
  const patched: Step = preflight ? { preflight, response } : { response };
  return { ok: true, steps: { ...scenario.steps, [step]: patched } };
}

/** An answer that allows every origin (`*`, or the echo placeholder): a widening check cannot apply. */
export function allowsAnyOrigin(steps: Readonly<Record<string, Step>>): boolean {
  const answers = Object.values(steps).flatMap((s) => (s.preflight ? [s.preflight, s.response] : [s.response]));
  return answers.some((a) => a.headers.some(([n, v]) => n.toLowerCase() === 'access-control-allow-origin' && (v.trim() === '*' || v.includes('{origin}'))));
}
