// "The same endpoint": /users/17 and /users/42 are one route. Path segments that are identifiers,
// not routes, fold into a placeholder: decimal ids, UUIDs, hex hashes (16+ digits) and long opaque
// tokens holding a digit (a 24-letter word is a route). Shared by the cause's recording context
// and the server-team report, so both call the same requests one endpoint.

const ID_SEGMENTS = [/^\d+$/, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, /^[0-9a-f]{16,}$/i, /^(?=.*\d)[A-Za-z0-9_-]{24,}$/];

export function isIdSegment(segment: string): boolean {
  return ID_SEGMENTS.some((re) => re.test(segment));
}

/** `/users/42/orders` → `/users/:id/orders` (with `placeholder` ':id'). */
export function foldPath(path: string, placeholder: string): string {
  return path
    .split('/')
    .map((segment) => (isIdSegment(segment) ? placeholder : segment))
    .join('/');
}
