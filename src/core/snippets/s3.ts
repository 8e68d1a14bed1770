// Amazon S3 bucket CORS configuration, as `aws s3api put-bucket-cors --cors-configuration file://cors.json`
// takes it. S3 adds `Vary: Origin` and `Access-Control-Allow-Credentials: true` for a specific origin.
// JSON has no comments: notes go in the panel and the CLI, not here.
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';

// S3 accepts only these in AllowedMethods.
const S3_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

/** What no bucket rule can allow (PATCH, a custom method): said beside the JSON, which has no comments. */
export function s3Caveat(input: SnippetInput): string | null {
  const p = corsPolicy(input);
  const refused = p.origin ? p.methods.filter((m) => !S3_METHODS.has(m)) : [];
  if (refused.length === 0) return null;
  return `S3 accepts only GET, PUT, POST, DELETE and HEAD in AllowedMethods: no bucket CORS rule can allow ${refused.join(', ')}, so this request stays blocked by S3 whatever the rule says. Use one of those methods.`;
}

export function s3Snippet(input: SnippetInput): string {
  const p = corsPolicy(input);
  const rule: Record<string, unknown> = {
    AllowedOrigins: p.origin ? [p.origin] : [],
    AllowedMethods: p.methods.filter((m) => S3_METHODS.has(m)),
  };
  if (p.allowHeaders.length) rule['AllowedHeaders'] = p.allowHeaders;
  if (p.exposeHeaders.length) rule['ExposeHeaders'] = p.exposeHeaders;
  if (p.maxAge !== null) rule['MaxAgeSeconds'] = p.maxAge;
  return JSON.stringify({ CORSRules: p.origin ? [rule] : [] }, null, 2);
}
