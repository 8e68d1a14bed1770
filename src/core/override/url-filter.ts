// The declarativeNetRequest condition that matches one exact URL and nothing else. Shared by the
// probe (src/platform/probe-rule.ts) and Try this fix (override-rules.ts). In a urlFilter `*` is a
// wildcard, `^` a separator and `|` an anchor (`||` a domain anchor), so a URL holding any of them
// is matched by an anchored, escaped regexFilter instead; a plain one by `|url|`, anchored at both
// ends. Matching is case-sensitive: paths and queries are, and Chrome's default is not (118+).

export interface UrlCondition {
  readonly urlFilter?: string;
  readonly regexFilter?: string;
  readonly isUrlFilterCaseSensitive: true;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The URL a request goes to on the wire: the fragment never leaves the browser. */
export function wireUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export function exactUrlCondition(url: string): UrlCondition {
  const wire = wireUrl(url);
  return /[*^|]/.test(wire) ? { regexFilter: `^${escapeRegex(wire)}$`, isUrlFilterCaseSensitive: true } : { urlFilter: `|${wire}|`, isUrlFilterCaseSensitive: true };
}
