// Programs some tests need that a machine may lack (nginx, Apache httpd, python3). A test that
// needs one passes `needs(...)` as its options: when the program is missing the test is skipped
// and declares why and how to get it in its metadata, which `npm test` (scripts/test.mjs) reads
// from Vitest's JSON report and prints, grouped, above its closing line. The reason therefore
// comes from the test itself, never from a list kept in the runner.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestOptions } from 'vitest';
import { APACHE, apacheAvailable } from '../fix-proof/apache';
import { NGINX, nginxAvailable } from '../fix-proof/nginx';

declare module 'vitest' {
  interface TaskMeta {
    /** Set on a skipped test: what is missing and how to install it. */
    skipReason?: string;
  }
}

export interface Requirement {
  readonly available: () => boolean;
  /** One line: what is missing and the fix, e.g. `nginx not found at /usr/sbin/nginx (apt-get install nginx-light)`. */
  readonly missing: string;
}

export const NGINX_REQUIRED: Requirement = {
  available: nginxAvailable,
  missing: `nginx not found at ${NGINX} (apt-get install nginx-light, or set NGINX_PATH)`,
};

export const APACHE_REQUIRED: Requirement = {
  available: apacheAvailable,
  missing: `Apache httpd with mod_headers not found at ${APACHE} (apt-get install apache2, or set APACHE_PATH)`,
};

export const PYTHON_REQUIRED: Requirement = {
  available: () => spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0,
  missing: 'python3 not found on PATH (apt-get install python3)',
};

/** The real recordings other tools wrote, kept beside the project (never copied into it). */
export const REALWORLD_HARS = new URL('../../../shared/realworld-hars/', import.meta.url);

export const REALWORLD_HARS_REQUIRED: Requirement = {
  available: () => existsSync(REALWORLD_HARS),
  missing: `the shared real-world HAR recordings are not at ${REALWORLD_HARS.pathname} (they sit beside the project, in ../shared/realworld-hars)`,
};

/** Test options: run when every requirement is met, else skip with their reasons as `meta.skipReason`. */
export function needs(...requirements: readonly Requirement[]): TestOptions {
  const missing = requirements.filter((r) => !r.available()).map((r) => r.missing);
  return missing.length === 0 ? {} : { skip: true, meta: { skipReason: missing.join('; ') } };
}
