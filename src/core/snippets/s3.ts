// Amazon S3 bucket CORS configuration, as `aws s3api put-bucket-cors --cors-configuration file://cors.json`
// takes it. S3 adds `Vary: Origin` and `Access-Control-Allow-Credentials: true` for a specific origin.
// JSON has no comments: notes go in the panel and the CLI, not here.
import { corsPolicy } from './cors-policy';
import type { SnippetInput } from './snippet-input';

// S3 accepts only these in AllowedMethods.
const S3_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

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
