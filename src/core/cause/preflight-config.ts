// Server configuration for `preflight-auth` (answer OPTIONS before authentication) and
// `preflight-unhandled` (answer OPTIONS at all): where the CORS handling goes, then the server's
// usual snippet for the headers the preflight needs (src/core/snippets, the analyzer's fix).

import type { SnippetInput } from '../snippets/snippet-input';
import { snippetById } from '../snippets/registry';

type Placement = Record<string, readonly string[]>;

// Fetch §4.8: a preflight never carries credentials, so whatever authenticates must let it past.
const BEFORE_AUTH: Placement = {
  express: ['Your auth middleware answered the preflight. cors() answers OPTIONS itself (204): register it BEFORE the auth middleware:', 'app.use(cors(corsOptions)); app.use(requireAuth);'],
  fastify: ['@fastify/cors answers preflights in its onRequest hook: register it before any auth hook, or skip OPTIONS there:', "fastify.addHook('onRequest', async (req) => { if (req.method === 'OPTIONS') return; /* auth */ });"],
  koa: ['@koa/cors answers OPTIONS itself: app.use(cors(...)) before the auth middleware (koa-jwt, passport).'],
  nginx: ['The OPTIONS branch below returns in the rewrite phase, before auth_basic / auth_request (access phase):', 'keep it in the same location {} as the authentication. For auth_request, the subrequest must not run for OPTIONS.'],
  // Proven with Basic auth on a <Location> (test/e2e/cause-fix-proof.e2e.test.ts).
  apache: [
    'At server or <VirtualHost> level the RewriteRule below answers OPTIONS while the URL is translated, before authentication runs.',
    'In a <Directory> or .htaccess it runs after authentication: there, exempt OPTIONS instead of a bare "Require valid-user":',
    '<LimitExcept OPTIONS>', '    Require valid-user', '</LimitExcept>',
  ],
  caddy: ['basic_auth and forward_auth run before handle: scope them to requests that are not preflights:', '@authed not method OPTIONS', 'basic_auth @authed { ... }'],
  django: ['CorsMiddleware answers preflights itself: put it first in MIDDLEWARE, above AuthenticationMiddleware and anything that can answer.'],
  fastapi: ['Add CORSMiddleware last (the middleware added last runs first) so it answers OPTIONS before any auth middleware;', 'better, authenticate in a dependency (Depends), which never runs for the preflight CORSMiddleware answers.'],
  flask: ['In a before_request auth hook, let preflights through (Flask-CORS answers them):', "if request.method == 'OPTIONS': return None"],
  spring: ['Spring Security: http.cors(Customizer.withDefaults()) puts the CorsFilter before authentication and it answers preflights;', 'or .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll().'],
  aspnet: ['app.UseCors() must come before app.UseAuthentication() and app.UseAuthorization(): the CORS middleware answers the preflight.'],
  go: ['Wrap auth inside cors, never the other way round (rs/cors answers OPTIONS itself):', 'handler := c.Handler(requireAuth(mux))'],
};

const ANSWER_OPTIONS: Placement = {
  express: ['app.use(cors(corsOptions)) answers OPTIONS for every path; for one path: app.options(\'/path\', cors(corsOptions)).'],
  fastify: ['@fastify/cors adds an OPTIONS route for every path: register it at the root, not inside a prefixed plugin, before the routes.'],
  koa: ['@koa/cors answers OPTIONS before the router; with @koa/router also app.use(router.allowedMethods()).'],
  nginx: ['The OPTIONS branch below answers the preflight itself, before proxy_pass or the application sees it.'],
  apache: ['The RewriteRule below answers OPTIONS with 204 itself, before the application (which had no route for it).'],
  caddy: ['The @corsPreflight handle below answers OPTIONS itself, before reverse_proxy.'],
  django: ['CorsMiddleware answers the preflight before URL routing (no OPTIONS route needed): put it first in MIDDLEWARE.'],
  fastapi: ['Without CORSMiddleware, FastAPI answers 405 to OPTIONS on a route that only declares GET/POST: add it.'],
  flask: ['CORS(app) covers every route; routes answer OPTIONS unless provide_automatic_options=False.'],
  spring: ['With the CorsRegistry mapping below, Spring MVC answers preflights (OPTIONS) for the mapped paths itself.'],
  aspnet: ['app.UseCors() between UseRouting() and the endpoints answers the preflight (OPTIONS); a minimal API route needs .RequireCors(...) with an endpoint policy.'],
  go: ['Go 1.22 method patterns ("GET /items/{id}") answer 405 to OPTIONS: wrap the mux in rs/cors, which answers OPTIONS first.'],
};

const COMMENT: Record<string, string> = { python: '#', nginx: '#', apache: '#', caddyfile: '#' };

export function preflightConfig(code: 'preflight-auth' | 'preflight-unhandled', serverId: string, input: SnippetInput): string | null {
  const snippet = snippetById(serverId);
  if (!snippet) return null;
  const body = snippet.render(input);
  const placement = (code === 'preflight-auth' ? BEFORE_AUTH : ANSWER_OPTIONS)[serverId];
  // S3 answers preflights itself; a 403 there means no CORS rule matches, so the rule is the fix (JSON: no comments).
  if (!placement) return body;
  const comment = COMMENT[snippet.language] ?? '//';
  return [...placement.map((l) => `${comment} ${l}`), body].join('\n');
}
