// `cors-lens analyze --json` on a large HAR generated from the recorded fixtures
// (bench/generate-har.ts): wall time, CPU time and peak RSS of the whole process, as a user runs
// it. With a baseline (another commit's sources, bench/baseline.ts) both CLIs run in turns.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { summary } from './baseline';
import { generateHar } from './generate-har';

interface Run {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly code: number | null;
}

interface Cli {
  readonly bundle: string;
  /** The Node flags of `root`'s bin/cors-lens.js shebang (`#!/usr/bin/env -S node <flags>`): the CLI as it ships. */
  readonly nodeFlags: readonly string[];
}

function shebangFlags(binText: string): string[] {
  const first = binText.split('\n', 1)[0] ?? '';
  const after = /^#!.*?\bnode\b(.*)$/.exec(first)?.[1] ?? '';
  return after.split(/\s+/).filter((flag) => flag !== '');
}

/** Build `root`'s CLI (its own vite.cli.config.ts) into `outDir`. */
async function buildCli(root: string, outDir: string): Promise<Cli> {
  await build({ configFile: join(root, 'vite.cli.config.ts'), root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return { bundle: join(outDir, 'cli.js'), nodeFlags: shebangFlags(readFileSync(join(root, 'bin/cors-lens.js'), 'utf8')) };
}

/** Run one CLI in a fresh process; it reports its own resource use when done. */
function runCli(cli: Cli, har: string): Promise<Run> {
  const script = `const { main } = await import(${JSON.stringify(pathToFileURL(cli.bundle).href)});
const code = await main(['analyze', ${JSON.stringify(har)}, '--json']);
const u = process.resourceUsage();
process.stderr.write('\\n' + JSON.stringify({ code, cpu: (u.userCPUTime + u.systemCPUTime) / 1000, rss: u.maxRSS / 1024 }) + '\\n');`;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...cli.nodeFlags, '--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    child.on('close', () => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const last = stderr.trim().split('\n').at(-1) ?? '{}';
      let report: { code?: number; cpu?: number; rss?: number } = {};
      try {
        report = JSON.parse(last) as typeof report;
      } catch {
        // An out-of-memory crash prints no report: the run shows as failed.
      }
      resolve({ wallMs, cpuMs: report.cpu ?? Number.NaN, peakRssMb: report.rss ?? Number.NaN, code: report.code ?? null });
    });
  });
}

async function harOf(megabytes: number): Promise<{ path: string; mb: number; entries?: number }> {
  const path = join(process.cwd(), '.tmp', `bench-${megabytes}mb.har`);
  if (!existsSync(path)) await generateHar(path, megabytes * 1e6);
  return { path, mb: statSync(path).size / 1e6 };
}

function describe(name: string, runs: readonly Run[], fileMb: number): string {
  const failed = runs.filter((r) => r.code !== 0).length;
  const wall = summary(runs.map((r) => r.wallMs / 1000));
  const cpu = summary(runs.map((r) => r.cpuMs / 1000));
  const rss = summary(runs.map((r) => r.peakRssMb));
  return `${name}: wall ${wall.median.toFixed(2)} s (${wall.low.toFixed(2)}-${wall.high.toFixed(2)}), CPU ${cpu.median.toFixed(2)} s (${cpu.low.toFixed(2)}-${cpu.high.toFixed(2)}), peak RSS ${rss.median.toFixed(0)} MB = ${(rss.median / fileMb).toFixed(2)}× the file${failed ? `, ${failed} of ${runs.length} runs FAILED` : ''}`;
}

/** `megabytes` of HAR, `rounds` runs of each build (alternating when there is a baseline). */
export async function runCliBench(baseline: string | undefined, megabytes = 100, rounds = 5): Promise<{ lines: string[] }> {
  const har = await harOf(megabytes);
  const current = await buildCli(process.cwd(), join(process.cwd(), '.tmp', 'cli-current'));
  const before = baseline ? await buildCli(baseline, join(baseline, '.tmp', 'cli')) : undefined;
  const now: Run[] = [];
  const then: Run[] = [];
  for (let r = 0; r < rounds; r++) {
    now.push(await runCli(current, har.path));
    if (before) then.push(await runCli(before, har.path));
  }
  const lines = [`cli: cors-lens analyze --json of a ${har.mb.toFixed(0)} MB generated HAR, ${rounds} runs, Node ${process.version} (targets: wall < 3 s, peak RSS < 2× the file)`];
  const flags = (cli: Cli) => (cli.nodeFlags.length > 0 ? ` [node ${cli.nodeFlags.join(' ')}]` : '');
  lines.push(`  ${describe('this build', now, har.mb)}${flags(current)}`);
  if (before) lines.push(`  ${describe('baseline', then, har.mb)}${flags(before)}`);
  return { lines };
}
