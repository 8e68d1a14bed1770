// S3 bucket CORS on s3rver, an S3 emulator from npm (not Amazon S3): it matches a request to the
// first CORS rule whose AllowedOrigin and AllowedMethod match, then checks every requested header
// against AllowedHeader, as S3 documents. One process runs one emulator per scenario (its own
// port, 127.0.0.1 and ::1), each with a bucket `api`, the generated rule applied with the S3 API
// itself (PUT Bucket cors, the XML `aws s3api put-bucket-cors` sends for the JSON), and the object
// `<scenario>/main`, so `/api/<scenario>/main` is a path-style object URL.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ServerGroup, portsFor, runServerGroup } from './server-process';

const CACHE = new URL('../../node_modules/.cache/cors-lens-fix-proof/', import.meta.url).pathname;

interface CorsRule {
  readonly AllowedOrigins?: readonly string[];
  readonly AllowedMethods?: readonly string[];
  readonly AllowedHeaders?: readonly string[];
  readonly ExposeHeaders?: readonly string[];
  readonly MaxAgeSeconds?: number;
}

const xmlText = (v: string | number): string => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The PUT Bucket cors body for `put-bucket-cors` JSON: each list becomes repeated singular elements. */
export function corsXml(json: string): string {
  const { CORSRules } = JSON.parse(json) as { CORSRules: readonly CorsRule[] };
  const many = (name: string, values: readonly string[] | undefined): string => (values ?? []).map((v) => `<${name}>${xmlText(v)}</${name}>`).join('');
  const rules = CORSRules.map((r) => `<CORSRule>${many('AllowedOrigin', r.AllowedOrigins)}${many('AllowedMethod', r.AllowedMethods)}${many('AllowedHeader', r.AllowedHeaders)}${many('ExposeHeader', r.ExposeHeaders)}${r.MaxAgeSeconds !== undefined ? `<MaxAgeSeconds>${r.MaxAgeSeconds}</MaxAgeSeconds>` : ''}</CORSRule>`);
  return `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${rules.join('')}</CORSConfiguration>`;
}

const MAIN = `import http from 'node:http';
import S3rver from 's3rver';
const { dir, buckets } = JSON.parse(process.argv[2]);
for (const { id, port, cors } of buckets) {
  // The bucket and object are made before the emulator listens: the test waits for the port.
  const s3 = new S3rver({ silent: true, directory: dir + '/' + id, configureBuckets: [{ name: 'api' }] });
  const server = http.createServer(s3.callback()).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const setup = 'http://127.0.0.1:' + server.address().port;
  await s3.configureBuckets();
  const put = await fetch(setup + '/api?cors', { method: 'PUT', body: cors, headers: { 'Content-Type': 'application/xml' } });
  if (!put.ok) throw new Error('PUT Bucket cors: ' + put.status + ' ' + await put.text());
  const object = await fetch(setup + '/api/' + id + '/main', { method: 'PUT', body: '{"ok":true}', headers: { 'Content-Type': 'application/json' } });
  if (!object.ok) throw new Error('PUT Object: ' + object.status);
  server.close();
  for (const host of ['127.0.0.1', '::1']) http.createServer(s3.callback()).listen(port, host);
}
`;

/** `configs`: scenario id → the generated bucket CORS JSON. */
export async function startS3Group(configs: ReadonlyMap<string, string>): Promise<ServerGroup> {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, 's3-'));
  const ports = await portsFor([...configs.keys()]);
  const buckets = [...configs].map(([id, json]) => ({ id, port: ports.get(id), cors: corsXml(json) }));
  writeFileSync(join(dir, 'main.mjs'), MAIN);
  return runServerGroup(process.execPath, [join(dir, 'main.mjs'), JSON.stringify({ dir, buckets })], ports, { dir, startMs: 30_000 });
}
