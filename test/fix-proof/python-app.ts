// Flask (Flask-CORS), FastAPI (Starlette's CORSMiddleware) and Django (django-cors-headers) from
// Debian's packages, running the generated snippet unchanged: each snippet is pasted into its own
// module right after the app (or, for Django, the base settings) is created, in front of an API
// that answers every method under /api/. serve-python.py serves them: Flask through wsgiref
// (threaded), FastAPI through uvicorn, Django through wsgiref with one process per scenario,
// because its settings are global to a process.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerGroup, portsFor, runServerGroup } from './server-process';

/** Debian's interpreter, whose dist-packages hold the frameworks (not a pyenv or venv first on PATH). */
export const PYTHON = process.env['FIX_PROOF_PYTHON'] ?? '/usr/bin/python3';
const SERVE = new URL('./serve-python.py', import.meta.url).pathname;
const METHODS = "['GET', 'POST', 'PUT', 'PATCH', 'DELETE']";

export type PythonServer = 'flask' | 'fastapi' | 'django';

/** True when Debian's python3 imports every module named. */
export function pythonImports(...modules: readonly string[]): boolean {
  return spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore' }).status === 0;
}

/** Code pasted into a module: `before` the API route (the usual place), `after` it (what wraps the finished app). */
export interface AppParts {
  readonly before: string;
  readonly after?: string;
}

const MODULES: Record<PythonServer, (parts: AppParts) => string> = {
  flask: ({ before, after = '' }) => `from flask import Flask
app = Flask(__name__)
${before}

@app.route('/api/<path:rest>', methods=${METHODS})
def api(rest):
    return {'ok': True}
${after}
`,
  fastapi: ({ before, after = '' }) => `from fastapi import FastAPI
app = FastAPI()
${before}

@app.api_route('/api/{rest:path}', methods=${METHODS})
def api(rest: str):
    return {'ok': True}
${after}
`,
  // The settings of a new project (django-admin startproject), trimmed to what an API needs.
  django: ({ before, after = '' }) => `SECRET_KEY = 'fix-proof-only'
DEBUG = False
ALLOWED_HOSTS = ['localhost', '127.0.0.1']
ROOT_URLCONF = 'proof_urls'
INSTALLED_APPS = ['django.contrib.contenttypes', 'django.contrib.auth']
MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
]
DATABASES = {}
USE_TZ = True
${before}
${after}
`,
};

// An API view as Django REST APIs have them: exempt from the CSRF check (token auth, not cookies+forms).
// One endpoint is limited to PUT, as views with require_http_methods are: OPTIONS gets 405 there.
const DJANGO_URLS = `from django.http import JsonResponse
from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods


@csrf_exempt
def api(request, rest=''):
    return JsonResponse({'ok': True})


urlpatterns = [
    re_path(r'^api/cause-preflight-unhandled/', require_http_methods(['PUT'])(api)),
    re_path(r'^api/(?P<rest>.*)$', api),
]
`;

// What answers before the app in the cause proofs (test/e2e/cause-fix-servers.e2e.test.ts): a
// maintenance switch or overload guard (503) and an authentication check (401), as Django middleware.
const DJANGO_MIDDLEWARE = `from django.http import HttpResponse


def unavailable_on_item_7(get_response):
    def middleware(request):
        if request.path.endswith('/7'):
            return HttpResponse('unavailable', status=503)
        return get_response(request)
    return middleware


def require_auth(get_response):
    def middleware(request):
        if 'HTTP_AUTHORIZATION' not in request.META:
            return HttpResponse('unauthorized', status=401)
        return get_response(request)
    return middleware
`;

const START_MS = 30_000;

/** `configs`: scenario id → the generated snippet (pasted before the API route), or both parts. */
export async function startPythonGroup(server: PythonServer, configs: ReadonlyMap<string, string | AppParts>): Promise<ServerGroup> {
  const dir = mkdtempSync(join(tmpdir(), `cors-lens-${server}-`));
  const ports = await portsFor([...configs.keys()]);
  const modules = [...configs].map(([id, snippet], i) => {
    writeFileSync(join(dir, `app${i}.py`), MODULES[server](typeof snippet === 'string' ? { before: snippet } : snippet));
    return [id, `app${i}`] as const;
  });
  const env = { ...process.env, PYTHONPATH: dir, PYTHONDONTWRITEBYTECODE: '1' };
  if (server !== 'django') {
    const arg = Object.fromEntries(modules.map(([id, m]) => [m, ports.get(id)]));
    return runServerGroup(PYTHON, [SERVE, server === 'flask' ? 'wsgi' : 'asgi', JSON.stringify(arg)], ports, { dir, env, startMs: START_MS });
  }
  writeFileSync(join(dir, 'proof_urls.py'), DJANGO_URLS);
  writeFileSync(join(dir, 'proof_middleware.py'), DJANGO_MIDDLEWARE);
  const started = await Promise.allSettled(
    modules.map(([id, m]) => runServerGroup(PYTHON, [SERVE, 'django', JSON.stringify({ [m]: ports.get(id) })], new Map([[id, ports.get(id) ?? 0]]), { dir: join(dir, m), env, startMs: START_MS })),
  );
  const groups = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const close = async (): Promise<void> => {
    await Promise.all(groups.map((g) => g.close()));
    rmSync(dir, { recursive: true, force: true });
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }
  return { origin: (id) => `http://localhost:${ports.get(id) ?? 0}`, close };
}
