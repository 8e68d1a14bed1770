// "Each failing endpoint once": requests to /users/17 and /users/42 are one endpoint for the
// server team. Path segments that look like ids or hashes fold into `:id` (path-pattern.ts); the query is dropped.
import { foldPath } from '../path-pattern';

/** `https://api.example/users/:id` for a URL; the URL itself (without query) when it does not parse. */
export function endpointOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${foldPath(parsed.pathname, ':id')}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}
