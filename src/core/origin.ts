// URL origins (URL standard §origin, HTML "serialization of an origin").

/** Serialized origin of an absolute URL ("null" for opaque origins), or null if it is not a URL. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.origin;
  } catch {
    return null;
  }
}

export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Fetch §4.4 step "locationURL includes credentials". */
export function urlHasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

/** Resolve a Location value against the URL it came from (Fetch §2.2.6 "location URL"). */
export function resolveLocation(location: string, base: string): string | null {
  try {
    return new URL(location, base).href;
  } catch {
    return null;
  }
}
