// The runner page and its data, served on the page origin.

import { readFileSync } from 'node:fs';
import type { Scenario } from '../scenarios/types';
import type { Origins } from './placeholders';

const runnerScript = readFileSync(new URL('./runner.js', import.meta.url), 'utf8');

export function runnerScriptText(): string {
  return runnerScript;
}

export function runnerHtml(isPublic: boolean): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>CORS Lens scenario runner</title></head>
<body><h1>CORS Lens scenario runner</h1>
<p>Call <code>runScenario(id)</code> or <code>runAll()</code> from the console or a test driver.</p>
<script>window.isPublicDocument = ${isPublic ? 'true' : 'false'};</script>
<script src="/runner.js"></script>
</body></html>
`;
}

/** The catalogue with each scenario's first URL resolved for this run's ports. */
export function scenariosJson(scenarios: readonly Scenario[], origins: Origins): string {
  const resolved = scenarios.map((s) => {
    const base = origins[s.page.target ?? 'api'];
    const then = s.page.then;
    const thenUrl = then ? `${origins[then.target ?? 'api']}/api/${s.id}/${then.step ?? 'main'}` : undefined;
    return { id: s.id, page: s.page, url: `${base}/api/${s.id}/${s.page.step ?? 'main'}`, ...(thenUrl ? { thenUrl } : {}) };
  });
  return JSON.stringify(resolved);
}
