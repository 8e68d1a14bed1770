// Running real servers (nginx, Apache httpd, Caddy, Python and Go programs, Node programs) as child
// processes on free loopback ports, for the fix proofs: start, wait until every port answers, and
// stop and clean up whatever happens. A group is one process serving a generated configuration per
// scenario, each on its own port (127.0.0.1; the programs also listen on [::1] at the same port),
// so a group of tests starts its server once, not once per test.

import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { RunningServer } from './node-app';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Until something answers HTTP on 127.0.0.1:port, or the child died, or `ms` (10 s) passed. */
export async function waitForPort(port: number, child: ChildProcess, log: () => string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${log()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`server did not listen on ${port}: ${log()}`);
}

export interface ServerGroup {
  /** `http://localhost:<port>` of the server running scenario `id`'s configuration. */
  origin(id: string): string;
  close(): Promise<void>;
}

/** A free port per scenario id. */
export async function portsFor(ids: readonly string[]): Promise<Map<string, number>> {
  const ports = new Map<string, number>();
  for (const id of ids) {
    let port = await freePort();
    while ([...ports.values()].includes(port)) port = await freePort();
    ports.set(id, port);
  }
  return ports;
}

export interface GroupOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Removed when the group closes. */
  readonly dir: string;
  /** How long the program may take until every port answers (interpreters importing a framework). */
  readonly startMs?: number;
}

export async function runServerGroup(command: string, args: readonly string[], ports: ReadonlyMap<string, number>, options: GroupOptions): Promise<ServerGroup> {
  const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.cwd, env: options.env ?? process.env });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => { log += String(d); });
  child.stderr?.on('data', (d: Buffer) => { log += String(d); });
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    rmSync(options.dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports.values()) await waitForPort(port, child, () => log, options.startMs);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    origin: (id) => {
      const port = ports.get(id);
      if (port === undefined) throw new Error(`no server runs ${id}`);
      return `http://localhost:${port}`;
    },
    close,
  };
}

/** Spawn `command` (its config and scratch files under `dir`, removed on close) and wait for `port`. */
export async function runServerProcess(command: string, args: readonly string[], dir: string, port: number): Promise<RunningServer> {
  const group = await runServerGroup(command, args, new Map([['', port]]), { dir });
  return { origin: group.origin(''), close: group.close };
}
