import type { HeaderList } from '../core/model';

/** The first value of a header, names compared case-insensitively (Fetch §2.2.2: header names are case-insensitive). */
export function headerValue(headers: HeaderList, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}
