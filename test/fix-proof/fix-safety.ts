// What "minimal" means for a fix, as checks that return the broken rule, so a test can
// show every violation at once: one exact origin (never `null`, never `*` with credentials),
// `Vary: Origin` with a named origin, only the method and header names this request used on top
// of what the server already listed, and a status only when the preflight's was wrong.

import type { Fix } from '../../src/core/analysis';
import type { Header } from '../../src/core/model';

export interface SafetyFacts {
  readonly pageOrigin: string;
  readonly credentialed: boolean;
  /** The request's method and non-safelisted header names (lower case). */
  readonly method: string;
  readonly requestHeaders: readonly string[];
  /** What the server already listed before the fix (kept, so allowed). */
  readonly existingMethods: readonly string[];
  readonly existingHeaders: readonly string[];
}

const list = (v: string | undefined): string[] => (v ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
const get = (set: readonly Header[], name: string): Header[] => set.filter((h) => h.name.toLowerCase() === name.toLowerCase());

function checkSet(set: readonly Header[], facts: SafetyFacts, where: string): string[] {
  const problems: string[] = [];
  const acao = get(set, 'Access-Control-Allow-Origin');
  if (acao.length !== 1) problems.push(`${where}: ${acao.length} Access-Control-Allow-Origin lines`);
  const origin = acao[0]?.value;
  const credentials = get(set, 'Access-Control-Allow-Credentials').map((h) => h.value);
  if (origin === 'null') problems.push(`${where}: allows the null origin`);
  if (origin !== undefined && origin !== '*' && origin !== facts.pageOrigin) problems.push(`${where}: allows ${origin}, not the page origin`);
  if (origin === '*' && (facts.credentialed || credentials.length > 0)) problems.push(`${where}: '*' with credentials`);
  if (facts.credentialed && origin !== facts.pageOrigin) problems.push(`${where}: credentialed but origin is ${origin}`);
  if (credentials.some((v) => v !== 'true') || (credentials.length > 0) !== facts.credentialed) problems.push(`${where}: Allow-Credentials ${JSON.stringify(credentials)} for credentialed=${facts.credentialed}`);
  if (origin === facts.pageOrigin && !get(set, 'Vary').some((h) => list(h.value).some((v) => v.toLowerCase() === 'origin'))) problems.push(`${where}: names an origin without Vary: Origin`);
  for (const h of get(set, 'Access-Control-Allow-Methods')) {
    for (const m of list(h.value)) if (m !== facts.method && !facts.existingMethods.includes(m)) problems.push(`${where}: adds method ${m}`);
    if (facts.credentialed && list(h.value).includes('*')) problems.push(`${where}: Allow-Methods * with credentials`);
  }
  for (const h of get(set, 'Access-Control-Allow-Headers')) {
    const allowed = new Set([...facts.requestHeaders, ...facts.existingHeaders].map((x) => x.toLowerCase()));
    for (const n of list(h.value)) if (!allowed.has(n.toLowerCase())) problems.push(`${where}: adds header ${n}`);
    if (facts.credentialed && list(h.value).includes('*')) problems.push(`${where}: Allow-Headers * with credentials`);
  }
  return problems;
}

/** Every way `fix` is wider than this exchange needs; empty when it is minimal. */
export function fixProblems(fix: Fix, facts: SafetyFacts): string[] {
  const problems: string[] = [];
  if (fix.preflight) problems.push(...checkSet(fix.preflight, facts, 'preflight'));
  if (fix.response) problems.push(...checkSet(fix.response, facts, 'response'));
  if (fix.preflightStatus !== null && (fix.preflightStatus < 200 || fix.preflightStatus > 299)) problems.push(`preflight status ${fix.preflightStatus} is not 2xx`);
  return problems;
}

/** A generated server configuration must not reflect or wildcard the origin. */
export function configProblems(config: string): string[] {
  const patterns: [RegExp, string][] = [
    [/origin:\s*(true|['"]\*['"])/i, 'JS cors options reflect or wildcard the origin'],
    [/\$http_origin/, 'nginx reflects $http_origin'],
    [/%\{HTTP:Origin\}|%\{HTTP_ORIGIN\}/i, 'Apache reflects the Origin header'],
    [/Access-Control-Allow-Origin"?\s+"?\*/i, 'Allow-Origin *'],
    [/["']null["']/, 'allows the null origin'],
  ];
  return patterns.filter(([re]) => re.test(config)).map(([, why]) => why);
}
