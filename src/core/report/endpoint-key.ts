// "Each failing endpoint once": requests to /users/17 and /users/42 are one endpoint for the
// server team. Path segments that look like ids or hashes fold into `:id`; the query is dropped.

/** Decimal ids, UUIDs, hex hashes (≥ 16 digits) and long opaque tokens that hold a digit. */
const ID_SEGMENT = [/^\d+$/, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, /^[0-9a-f]{16,}$/i, /^(?=.*\d)[A-Za-z0-9_-]{24,}$/];

export function foldPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (ID_SEGMENT.some((re) => re.test(segment)) ? ':id' : segment))
    .join('/');
}

/** `https://api.example/users/:id` for a URL; the URL itself (without query) when it does not parse. */
export function endpointOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${foldPath(parsed.pathname)}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}
