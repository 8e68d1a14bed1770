// The scenario catalogue: every CORS case the scenario server can stage, as one table.
// Used by the runner page, the fixture recorder, the fixture regression suite and the e2e tests.

import { credentialScenarios } from './credentials';
import { harEvidenceScenarios } from './har-evidence';
import { noCorsScenarios } from './no-cors';
import { preflightScenarios } from './preflight';
import { redirectScenarios } from './redirect';
import { safelistScenarios } from './safelist';
import { simpleScenarios } from './simple';
import type { Scenario } from './types';
import { wptScenarios } from './wpt';

export type { Scenario, RunResult, PageOutcome } from './types';

export const catalogue: readonly Scenario[] = [
  ...simpleScenarios,
  ...credentialScenarios,
  ...preflightScenarios,
  ...safelistScenarios,
  ...redirectScenarios,
  ...noCorsScenarios,
  ...harEvidenceScenarios,
  ...wptScenarios,
];

const byId = new Map(catalogue.map((s) => [s.id, s]));

export function scenarioById(id: string): Scenario | undefined {
  return byId.get(id);
}

/** The request mode the page uses: element loads without `crossorigin` and `no-cors` fetches are opaque. */
export function isNoCors(s: Scenario): boolean {
  if (s.page.initiator === 'img' || s.page.initiator === 'script') return s.page.crossOrigin === undefined;
  return s.page.mode === 'no-cors';
}
