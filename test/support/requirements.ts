// Programs some tests need that a machine may lack (nginx, Apache httpd, Caddy, Go, python3 and
// Debian's Python web frameworks). A test that
// needs one passes `needs(...)` as its options: when the program is missing the test is skipped
// and declares why and how to get it in its metadata, which `npm test` (scripts/test.mjs) reads
// from Vitest's JSON report and prints, grouped, above its closing line. The reason therefore
// comes from the test itself, never from a list kept in the runner.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestOptions } from 'vitest';
import { APACHE, apacheAvailable } from '../fix-proof/apache';
import { CADDY, caddyAvailable } from '../fix-proof/caddy';
import { GO, GOPATH, goAvailable } from '../fix-proof/go-app';
import { NGINX, nginxAvailable } from '../fix-proof/nginx';
import { PYTHON, pythonImports } from '../fix-proof/python-app';

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

export const CADDY_REQUIRED: Requirement = {
  available: caddyAvailable,
  missing: `caddy not found at ${CADDY} (apt-get install caddy, or set CADDY_PATH)`,
};

export const GO_REQUIRED: Requirement = {
  available: goAvailable,
  missing: `go or github.com/rs/cors not found at ${GO}, ${GOPATH}/src (apt-get install golang-go golang-github-rs-cors-dev, or set GO_BIN)`,
};

/** Debian's python3 with these modules importable (the frameworks come from Debian's packages). */
function pythonWith(modules: readonly string[], packages: string): Requirement {
  return {
    available: () => pythonImports(...modules),
    missing: `${PYTHON} cannot import ${modules.join(', ')} (apt-get install ${packages})`,
  };
}

export const DJANGO_REQUIRED = pythonWith(['django', 'corsheaders'], 'python3-django python3-django-cors-headers');
export const FLASK_REQUIRED = pythonWith(['flask', 'flask_cors'], 'python3-flask python3-flask-cors');
export const FASTAPI_REQUIRED = pythonWith(['fastapi', 'uvicorn'], 'python3-fastapi python3-uvicorn');
