// One process serving a generated configuration per scenario, each on its own loopback port (so a
// group of tests starts its server once, not once per test): the program gets the ports, the
// group waits until every one answers HTTP, and closing stops the process and removes its files.

import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { freePort, waitForPort } from './server-process';

export interface ServerGroup {
  /** `http://localhost:<port>` of the server running scenario `id`'s configuration. */
  origin(id: string): string;
  close(): Promise<void>;
}

/** A free port per scenario id (127.0.0.1; the programs also listen on [::1] at the same port). */
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
