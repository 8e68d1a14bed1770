// Two ways to name the endpoint a URL asks, on purpose different:
// - folded, for reports and the Problems view: "each failing endpoint once", so requests to
//   /users/17 and /users/42 are one endpoint for the server team. Path segments that look like ids
//   or hashes fold into `:id` (path-pattern.ts); the query is dropped.
// - exact, for the passive audit: the same resource echoing several different origins is the
//   evidence, so answers are compared per exact path (only the query is dropped), and a URL that
//   does not parse names no endpoint at all.
import { foldPath } from './path-pattern';

/** `https://api.example/users/:id` for a URL; the URL itself (without query) when it does not parse. */
export function foldedEndpointOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${foldPath(parsed.pathname, ':id')}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}

/** `https://api.example/v1/users?id=1` → `https://api.example/v1/users`; null when the URL does not parse. */
export function exactEndpointOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return null;
  }
}
