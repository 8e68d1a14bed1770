// Go with github.com/rs/cors from Debian's source package, built offline: GOPATH mode over
// /usr/share/gocode (GO111MODULE=off, GOPROXY=off: nothing is downloaded). Each generated snippet,
// unchanged, is the body of its own function that wraps the API's ServeMux; one binary serves
// every scenario's handler on its own port (127.0.0.1 and ::1).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerGroup, portsFor, runServerGroup } from './server-process';

export const GO = process.env['GO_BIN'] ?? '/usr/bin/go';
export const GOPATH = '/usr/share/gocode';
const RS_CORS = `${GOPATH}/src/github.com/rs/cors`;
const CACHE = new URL('../../node_modules/.cache/cors-lens-fix-proof/go-build/', import.meta.url).pathname;

export function goAvailable(): boolean {
  return existsSync(GO) && existsSync(join(RS_CORS, 'cors.go'));
}

function goProgram(snippets: readonly string[]): string {
  const handlers = snippets.map((snippet, i) => `func handler${i}(mux http.Handler) http.Handler {
${snippet.split('\n').map((l) => `\t${l}`).join('\n')}
\treturn handler
}
`);
  return `package main

import (
\t"net"
\t"net/http"
\t"os"

\t"github.com/rs/cors"
)

func api(w http.ResponseWriter, r *http.Request) {
\tw.Header().Set("Content-Type", "application/json")
\tw.Write([]byte(\`{"ok":true}\`))
}

${handlers.join('\n')}
func main() {
\twraps := []func(http.Handler) http.Handler{${snippets.map((_, i) => `handler${i}`).join(', ')}}
\tfor i, wrap := range wraps {
\t\tmux := http.NewServeMux()
\t\tmux.HandleFunc("/api/", api)
\t\thandler := wrap(mux)
\t\tfor _, host := range []string{"127.0.0.1", "::1"} {
\t\t\tl, err := net.Listen("tcp", net.JoinHostPort(host, os.Args[i+1]))
\t\t\tif err != nil {
\t\t\t\tpanic(err)
\t\t\t}
\t\t\tgo http.Serve(l, handler)
\t\t}
\t}
\tselect {}
}
`;
}

/** The environment of an offline build against Debian's Go sources. */
function goEnv(): NodeJS.ProcessEnv {
  mkdirSync(CACHE, { recursive: true });
  return { ...process.env, GO111MODULE: 'off', GOPATH, GOPROXY: 'off', GOFLAGS: '', GOCACHE: CACHE, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' };
}

function build(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(GO, ['build', '-o', join(dir, 'server'), join(dir, 'main.go')], { env: goEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => { err += String(d); });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go build failed (${code}): ${err}`))));
  });
}

/** `configs`: scenario id → the generated Go snippet. */
export async function startGoGroup(configs: ReadonlyMap<string, string>): Promise<ServerGroup> {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-go-'));
  const program = goProgram([...configs.values()]);
  writeFileSync(join(dir, 'main.go'), program);
  try {
    await build(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${String(error)}\n--- main.go ---\n${program}`);
  }
  const ports = await portsFor([...configs.keys()]);
  return runServerGroup(join(dir, 'server'), [...ports.values()].map(String), ports, { dir });
}
