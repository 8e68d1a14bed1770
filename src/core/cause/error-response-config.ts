// Server configuration for the `error-response` and `rate-limited` causes: make the CORS headers
// go out on error responses too. When the endpoint already sends them on success (the recording
// shows it), the configuration repeats exactly those values and nothing else; otherwise it uses
// the analyzer's fix. Values come from recorded traffic and end up in config files: only exact
// origins, `*`, `true` and header-name tokens get through (as in snippets/cors-policy.ts).

import type { Header } from '../model';
import { corsPolicy, exactOrigin, isToken } from '../snippets/cors-policy';
import type { SnippetInput } from '../snippets/snippet-input';
import { dq, sq } from '../snippets/snippet-text';
import type { Cause } from './cause';

export interface CorsValues {
  readonly origin: string;
  readonly credentials: boolean;
  readonly expose: readonly string[];
}

function value(headers: readonly Header[], name: string): string | null {
  return headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value ?? null;
}

const tokens = (v: string | null): string[] => (v ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== '*' && isToken(s));

/** The headers to send on errors: the endpoint's own on success, else the analyzer's fix. */
export function errorCorsValues(cause: Cause, input: SnippetInput): CorsValues | null {
  if (cause.corroborated) {
    const acao = value(cause.headersOnSuccess, 'Access-Control-Allow-Origin')?.trim() ?? null;
    const origin = acao === '*' ? '*' : exactOrigin(acao);
    if (!origin) return null;
    const credentials = value(cause.headersOnSuccess, 'Access-Control-Allow-Credentials') === 'true';
    return { origin, credentials, expose: tokens(value(cause.headersOnSuccess, 'Access-Control-Expose-Headers')) };
  }
  const p = corsPolicy(input);
  return p.origin ? { origin: p.origin, credentials: p.credentials, expose: [...p.exposeHeaders] } : null;
}

function pairs(v: CorsValues): [string, string][] {
  const out: [string, string][] = [['Access-Control-Allow-Origin', v.origin]];
  if (v.credentials) out.push(['Access-Control-Allow-Credentials', 'true']);
  if (v.expose.length) out.push(['Access-Control-Expose-Headers', v.expose.join(', ')]);
  if (v.origin !== '*') out.push(['Vary', 'Origin']);
  return out;
}

const jsOptions = (v: CorsValues): string =>
  `{ origin: ${sq(v.origin)}${v.credentials ? ', credentials: true' : ''}${v.expose.length ? `, exposedHeaders: [${v.expose.map(sq).join(', ')}]` : ''} }`;

type Render = (v: CorsValues, path: string) => string[];

const RENDER: Record<string, Render> = {
  nginx: (v, path) => [
    '# nginx sends add_header only with 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308 unless the line ends in',
    "# `always`: a 4xx/5xx, nginx's own 502/504 for a dead upstream included, goes out without them.",
    `# In the location {} that serves ${path}, end every CORS add_header with \`always\` (and drop the backend's copies):`,
    ...pairs(v).filter(([n]) => n !== 'Vary').map(([n]) => `proxy_hide_header ${n};`),
    ...pairs(v).map(([n, val]) => `add_header ${n} "${val}" always;`),
    '# An error_page that sends errors to another location loses these: repeat them there, with always.',
  ],
  apache: (_v, path) => [
    '# `Header set` writes the "onsuccess" table, used for 2xx answers only; `Header always set` also covers',
    `# 4xx/5xx and mod_proxy's own 502/503. In the <VirtualHost>/<Location> that serves ${path}:`,
    ...pairs(_v).flatMap(([n, val]) => (n === 'Vary' ? [`Header always merge Vary "${val}"`] : [`Header onsuccess unset ${n}`, `Header always set ${n} "${val}"`])),
  ],
  caddy: (v) => [
    '# A reverse_proxy failure or an error route skips the headers of the normal route: repeat them for errors.',
    'handle_errors {',
    '    header {',
    ...pairs(v).map(([n, val]) => `        ${n === 'Vary' ? '+Vary' : n} "${val}"`),
    '    }',
    '    respond "{err.status_code} {err.status_text}" {err.status_code}',
    '}',
  ],
  express: (v) => [
    '// Express runs middleware in order: a response sent, or an error raised, before cors() ran goes out without',
    '// the headers (body parser, auth, rate limiter, an error thrown in an earlier middleware).',
    `const corsOptions = ${jsOptions(v)};`,
    'app.use(cors(corsOptions)); // first, right after const app = express()',
    '// ... parsers, auth, routes ...',
    'app.use((err, req, res, next) => { // the error handler, last: keeps the CORS headers on error answers',
    '  cors(corsOptions)(req, res, () => res.status(err.status ?? 500).json({ error: err.message }));',
    '});',
  ],
  fastify: (v) => [
    "// @fastify/cors sets the headers in an onRequest hook: registered at the root (not inside an encapsulated",
    '// plugin) and before the routes, its headers stay on 404s and on replies from the error handler.',
    `await fastify.register(cors, ${jsOptions(v)});`,
    '// A setErrorHandler that calls reply.headers({...}) or removeHeader must keep Access-Control-Allow-Origin.',
  ],
  koa: (v) => [
    '// @koa/cors copies its headers onto thrown errors with keepHeadersOnError; use it before every other middleware.',
    `app.use(cors({ origin: ${sq(v.origin)}${v.credentials ? ', credentials: true' : ''}, keepHeadersOnError: true }));`,
  ],
  django: (v) => [
    "# CorsMiddleware adds the headers to every response that passes through it, 500s included: put it first, so",
    '# responses from middleware below it (auth, CSRF, CommonMiddleware) and error pages pass through it.',
    "MIDDLEWARE.insert(0, 'corsheaders.middleware.CorsMiddleware')",
    v.origin === '*' ? 'CORS_ALLOW_ALL_ORIGINS = True' : `CORS_ALLOWED_ORIGINS = [${sq(v.origin)}]`,
    ...(v.credentials ? ['CORS_ALLOW_CREDENTIALS = True'] : []),
    '# A 502/504 from gunicorn, uwsgi or a proxy in front never reaches Django: add the headers there.',
  ],
  fastapi: (v) => [
    "# Starlette answers an unhandled exception's 500 from ServerErrorMiddleware, which sits outside CORSMiddleware",
    '# (encode/starlette#1175): wrap the whole app so the CORS headers cover those 500s too.',
    'from starlette.middleware.cors import CORSMiddleware',
    `app = CORSMiddleware(app, allow_origins=[${sq(v.origin)}]${v.credentials ? ', allow_credentials=True' : ''}${v.expose.length ? `, expose_headers=[${v.expose.map(sq).join(', ')}]` : ''})  # serve this object`,
  ],
  flask: (v) => [
    '# Flask-CORS adds the headers to error handlers too when intercept_exceptions is on (the default): keep it on,',
    '# and apply CORS to the app, not only to a blueprint (errors outside it would miss the headers).',
    `CORS(app, origins=[${sq(v.origin)}]${v.credentials ? ', supports_credentials=True' : ''}, intercept_exceptions=True)`,
    '# A 502/504 from gunicorn, uwsgi or a proxy in front never reaches Flask: add the headers there.',
  ],
  spring: (v) => [
    '// CorsRegistry only applies to handled requests: errors dispatched to /error go out without the headers.',
    '// A CorsFilter at the highest precedence sets them before anything can fail.',
    '@Bean',
    'FilterRegistrationBean<CorsFilter> corsFilter() {',
    '    CorsConfiguration config = new CorsConfiguration();',
    `    config.addAllowedOrigin(${dq(v.origin)});`,
    ...(v.credentials ? ['    config.setAllowCredentials(true);'] : []),
    ...v.expose.map((h) => `    config.addExposedHeader(${dq(h)});`),
    '    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();',
    '    source.registerCorsConfiguration("/**", config);',
    '    FilterRegistrationBean<CorsFilter> bean = new FilterRegistrationBean<>(new CorsFilter(source));',
    '    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);',
    '    return bean;',
    '}',
  ],
  aspnet: (v) => [
    '// UseExceptionHandler clears the response headers before it writes the error; CORS must run again after it:',
    '// keep UseExceptionHandler first and UseCors after UseRouting, so the re-executed error path passes UseCors.',
    'app.UseExceptionHandler("/error");',
    'app.UseRouting();',
    `app.UseCors(p => p.WithOrigins(${dq(v.origin)})${v.credentials ? '.AllowCredentials()' : ''}${v.expose.length ? `.WithExposedHeaders(${v.expose.map(dq).join(', ')})` : ''});`,
    'app.UseAuthentication();',
    'app.UseAuthorization();',
  ],
  // Proven with Go 1.19 and rs/cors 1.7 (test/e2e/cause-fix-servers.e2e.test.ts): a recovery middleware outside
  // cors still sends the headers cors already set, a middleware outside it that answers by itself sends none.
  go: (v) => [
    '// rs/cors sets the headers before it calls the handler it wraps, so every answer from inside it has them (a recovered',
    "// panic's 500 too); a middleware outside it that answers by itself (auth, rate limit, timeout) sends none: put them inside.",
    `c := cors.New(cors.Options{AllowedOrigins: []string{${dq(v.origin)}}${v.credentials ? ', AllowCredentials: true' : ''}})`,
    'handler := c.Handler(rateLimit(mux)) // every middleware that can answer goes inside cors',
  ],
};

/** Configuration that adds the CORS headers to error responses, or null when there is none to give. */
export function errorResponseConfig(cause: Cause, serverId: string, input: SnippetInput, path: string): string | null {
  const render = RENDER[serverId];
  const v = errorCorsValues(cause, input);
  if (!render || !v) return null;
  return render(v, path).join('\n');
}
