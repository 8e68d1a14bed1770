// An expired session or token often makes an API answer a call with a redirect to a login page
// on another origin (an SSO host). The login page answers HTML without CORS headers, so the
// browser reports a CORS failure on the redirect's target, or on the redirect itself.

import type { Analysis } from '../analysis';
import { getHeader } from '../headers';
import type { Exchange, Hop } from '../model';
import { originOf, resolveLocation } from '../origin';
import type { Cause } from './cause';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const LOGIN_PATH = /(^|[/._-])(login|log-in|signin|sign-in|sign_in|sso|oauth2?|openid|saml2?|cas|auth|authorize|authenticate|session\/new)([/._?-]|$)/i;
const LOGIN_HOST = /^(login|logon|signin|sso|auth|accounts?|idp|id)\./i;

function looksLikeLogin(url: string): boolean {
  try {
    const parsed = new URL(url);
    return LOGIN_HOST.test(parsed.hostname) || LOGIN_PATH.test(parsed.pathname);
  } catch {
    return false;
  }
}

function isHtml(hop: Hop | undefined): boolean {
  const type = hop?.response ? getHeader(hop.response.headers, 'Content-Type') : null;
  return type !== null && /^\s*(text\/html|application\/xhtml\+xml)/i.test(type);
}

export function loginRedirectCause(exchange: Exchange, analysis: Analysis): Cause | null {
  const failedAt = analysis.reasons[0]?.hop ?? exchange.hops.length - 1;
  for (let i = 0; i <= failedAt && i < exchange.hops.length; i++) {
    const hop = exchange.hops[i];
    const response = hop?.response;
    if (!hop || !response || !REDIRECTS.has(response.status)) continue;
    const location = getHeader(response.headers, 'Location');
    const next = exchange.hops[i + 1];
    const target = next?.request.url ?? (location !== null ? resolveLocation(location, hop.request.url) : null);
    if (!target || originOf(target) === originOf(hop.request.url)) continue;
    const html = isHtml(next);
    if (!html && !looksLikeLogin(target)) continue;
    if (next?.response && getHeader(next.response.headers, 'Access-Control-Allow-Origin') !== null) continue;
    const evidence = [`${hop.request.method} ${hop.request.url} → ${response.status} to ${target}`];
    if (next?.response) evidence.push(`${target} answered ${next.response.status}${html ? ' with an HTML page' : ''} and no Access-Control-Allow-Origin`);
    else evidence.push('the browser did not follow the redirect (the redirect response itself failed the CORS check)');
    return {
      code: 'login-redirect', tag: `${response.status} → login`,
      message: `The API call was redirected to ${originOf(target) ?? target}, ${html ? 'which answered an HTML page' : 'a login or single sign-on address'}, without CORS headers: the session or token has most likely expired, and the server sent the call to a login page instead of answering it.`,
      evidence,
      fix: 'Have the API answer an unauthenticated call with 401 (and its CORS headers) instead of redirecting it, and let the page send the user to log in; or renew the session or token before calling. Adding CORS headers to the login page is not the fix.',
      stage: 'redirect', hop: i, status: response.status, corroborated: false, headersOnSuccess: [],
    };
  }
  return null;
}
