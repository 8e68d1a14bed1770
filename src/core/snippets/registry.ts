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
import { s3Snippet } from './s3';
import type { SnippetInput } from './snippet-input';
import { springSnippet } from './spring';

export type SnippetLanguage = 'javascript' | 'nginx' | 'apache' | 'caddyfile' | 'python' | 'java' | 'csharp' | 'go' | 'json';

export interface Snippet {
  /** Stable id, used by `--fix <id>`. */
  readonly id: string;
  readonly label: string;
  readonly language: SnippetLanguage;
  readonly render: (input: SnippetInput) => string;
}

export const SNIPPETS: readonly Snippet[] = [
  { id: 'express', label: 'Express (cors)', language: 'javascript', render: expressSnippet },
  { id: 'fastify', label: 'Fastify (@fastify/cors)', language: 'javascript', render: fastifySnippet },
  { id: 'koa', label: 'Koa (@koa/cors)', language: 'javascript', render: koaSnippet },
  { id: 'nginx', label: 'nginx', language: 'nginx', render: nginxSnippet },
  { id: 'apache', label: 'Apache httpd', language: 'apache', render: apacheSnippet },
  { id: 'caddy', label: 'Caddy', language: 'caddyfile', render: caddySnippet },
  { id: 'django', label: 'Django (django-cors-headers)', language: 'python', render: djangoSnippet },
  { id: 'fastapi', label: 'FastAPI / Starlette', language: 'python', render: fastapiSnippet },
  { id: 'flask', label: 'Flask-CORS', language: 'python', render: flaskSnippet },
  { id: 'spring', label: 'Spring (CorsRegistry)', language: 'java', render: springSnippet },
  { id: 'aspnet', label: 'ASP.NET Core', language: 'csharp', render: aspnetSnippet },
  { id: 'go', label: 'Go (rs/cors)', language: 'go', render: goSnippet },
  { id: 's3', label: 'S3 bucket CORS (JSON)', language: 'json', render: s3Snippet },
];

export function snippetById(id: string): Snippet | undefined {
  return SNIPPETS.find((s) => s.id === id);
}
