// Every server snippet, in the order the panel and `cors-lens analyze --fix <id>` offer them.
import { apacheSnippet } from './apache';
import { aspnetSnippet } from './aspnet';
import { caddySnippet } from './caddy';
import { djangoSnippet } from './django';
import { expressSnippet } from './express';
import { fastapiSnippet } from './fastapi';
import { fastifySnippet } from './fastify';
import { flaskSnippet } from './flask';
import { goSnippet } from './go';
import { koaSnippet } from './koa';
import { nginxSnippet } from './nginx';
import { s3Caveat, s3Snippet } from './s3';
import type { SnippetInput } from './snippet-input';
import { springSnippet } from './spring';

export type SnippetLanguage = 'javascript' | 'nginx' | 'apache' | 'caddyfile' | 'python' | 'java' | 'csharp' | 'go' | 'json';

export interface Snippet {
  /** Stable id, used by `--fix <id>`. */
  readonly id: string;
  readonly label: string;
  readonly language: SnippetLanguage;
  readonly render: (input: SnippetInput) => string;
  /**
   * False where the project's tests cannot run the configuration on the real server (Spring Boot
   * needs Maven Central, .NET has no Debian package): the panel and `--fix` say so.
   */
  readonly provenOnServer: boolean;
  /** What the configuration cannot do for this exchange, said beside it; null when nothing. */
  readonly caveat?: (input: SnippetInput) => string | null;
}

/** What the panel and `--fix` say under a configuration no test has run on its server. */
export const NOT_PROVEN = "Not proven on a running server: CORS Lens's tests run the other servers' configuration on the real server, not this one. Check it on yours before you rely on it.";

export const SNIPPETS: readonly Snippet[] = [
  { id: 'express', label: 'Express (cors)', language: 'javascript', render: expressSnippet, provenOnServer: true },
  { id: 'fastify', label: 'Fastify (@fastify/cors)', language: 'javascript', render: fastifySnippet, provenOnServer: true },
  { id: 'koa', label: 'Koa (@koa/cors)', language: 'javascript', render: koaSnippet, provenOnServer: true },
  { id: 'nginx', label: 'nginx', language: 'nginx', render: nginxSnippet, provenOnServer: true },
  { id: 'apache', label: 'Apache httpd', language: 'apache', render: apacheSnippet, provenOnServer: true },
  { id: 'caddy', label: 'Caddy', language: 'caddyfile', render: caddySnippet, provenOnServer: true },
  { id: 'django', label: 'Django (django-cors-headers)', language: 'python', render: djangoSnippet, provenOnServer: true },
  { id: 'fastapi', label: 'FastAPI / Starlette', language: 'python', render: fastapiSnippet, provenOnServer: true },
  { id: 'flask', label: 'Flask-CORS', language: 'python', render: flaskSnippet, provenOnServer: true },
  { id: 'spring', label: 'Spring (CorsRegistry)', language: 'java', render: springSnippet, provenOnServer: false },
  { id: 'aspnet', label: 'ASP.NET Core', language: 'csharp', render: aspnetSnippet, provenOnServer: false },
  { id: 'go', label: 'Go (rs/cors)', language: 'go', render: goSnippet, provenOnServer: true },
  { id: 's3', label: 'S3 bucket CORS (JSON)', language: 'json', render: s3Snippet, provenOnServer: true, caveat: s3Caveat },
];

export function snippetById(id: string): Snippet | undefined {
  return SNIPPETS.find((s) => s.id === id);
}
