// `npm run bench`: the project's performance targets, each measured side by side in one
// run on this machine (shared and noisy: read the medians and ratios, not single numbers).
//   analyzer   exchanges analysed per second of CPU on one core (target ≥ 750,000), and beside it the
//              rate of merely reading every header of the same corpus once (the ceiling)
//   cli        `cors-lens analyze --json` of a generated 100 MB HAR: wall, CPU, peak RSS (targets < 3 s, < 2× the file)
//   cli-1gb    the same on 1 GB, once (only when named: it takes a minute or two)
//   import     panel Import HAR of a generated 100 MB HAR in Chromium: rows shown (target < 5 s), longest main-thread stall
//   panel      first render and one filter keystroke with 20,000 exchanges (targets 200 ms, 50 ms)
//   recorder   the background's CPU per webRequest event and heap per stored exchange (targets ≤ 20 µs, ≤ 3 KB)
//   page load  a page of 300 cross-origin requests in Chromium and Firefox: DevTools closed ÷ no extension
//              (target ≤ 1.02), DevTools open with ÷ without CORS Lens (target ≤ 1.10), "Record all tabs"
//   listener-cost  (only when named) Chromium's own cost of webRequest listeners that do nothing,
//              by event and with or without extraHeaders, ÷ no extension
// CORS_LENS_BASELINE_REF=<git ref> adds that commit's analyzer and CLI, built from its sources,
// rounds alternating with this build's, for a before/after ratio (analyzer and cli); for import,
// its extension's rounds follow this build's.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { baselineSources, summary } from '../bench/baseline';
import { runCliBench } from '../bench/cli.bench';
import { runImportBench } from '../bench/import.bench';
import { runListenerCostBench } from '../bench/listener-cost.bench';
import { ratio, runPageLoadBench } from '../bench/page-load.bench';
import { runRecorderBench } from '../bench/recorder.bench';
import { runPanelBench } from '../bench/panel.bench';

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const baselineRef = process.env['CORS_LENS_BASELINE_REF'];
const baseline = baselineRef ? baselineSources(baselineRef) : undefined;
const rate = (x: number) => Math.round(x).toLocaleString('en');

type AnalyzerBench = typeof import('../bench/analyzer.bench');

/**
 * The analyzer is measured as it ships: bundled by Vite like the CLI and the extension. (Run
 * through tsx it is some 20% slower, because tsx keeps function names with a wrapper call.)
 */
async function bundledAnalyzerBench(root: string, name: string): Promise<AnalyzerBench> {
  const outDir = join(process.cwd(), '.tmp', 'bench');
  await build({
    configFile: false, publicDir: false, logLevel: 'warn', root,
    build: { ssr: join(root, 'bench/analyzer.bench.ts'), outDir, emptyOutDir: false, target: 'node20', minify: false, rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } } },
    ssr: { noExternal: true, target: 'node' },
  });
  return import(pathToFileURL(join(outDir, `${name}.mjs`)).href) as Promise<AnalyzerBench>;
}

if (wanted('analyzer')) {
  const current = await bundledAnalyzerBench(process.cwd(), 'analyzer');
  if (!baseline) {
    const a = current.runAnalyzerBench();
    const s = summary(a.rounds);
    console.log(`analyzer: ${rate(s.median)} exchanges/s median of ${a.rounds.length} rounds of 100,000 (spread ${rate(s.low)}-${rate(s.high)}; target ≥ 750,000)`);
    const f = summary(current.runReadFloorBench().rounds);
    console.log(`analyzer: reading every header once without analysing, the same way: ${rate(f.median)} exchanges/s median (spread ${rate(f.low)}-${rate(f.high)}): the ceiling on this machine`);
  } else {
    const before = await bundledAnalyzerBench(baseline, 'analyzer-baseline');
    const now: number[] = [];
    const then: number[] = [];
    // One timed round each, alternating, so both see the same neighbours on the shared machine.
    for (let r = 0; r < 15; r++) {
      now.push(...current.runAnalyzerBench(100_000, 1).rounds);
      then.push(...before.runAnalyzerBench(100_000, 1).rounds);
    }
    const [n, t] = [summary(now), summary(then)];
    console.log(`analyzer: ${rate(n.median)} exchanges/s median (spread ${rate(n.low)}-${rate(n.high)}), baseline ${baselineRef} ${rate(t.median)} (spread ${rate(t.low)}-${rate(t.high)}); ${(n.median / t.median).toFixed(2)}× over 15 alternating rounds of 100,000 (target ≥ 750,000)`);
  }
}
if (wanted('cli')) {
  const c = await runCliBench(baseline);
  for (const line of c.lines) console.log(line);
}
if (only.includes('cli-1gb')) {
  // Opt-in (a minute or two): a 1 GB recording must complete without running out of memory.
  const c = await runCliBench(undefined, 1000, 1);
  for (const line of c.lines) console.log(line);
}
if (wanted('recorder')) {
  const r = runRecorderBench();
  console.log(`recorder: ${r.microsPerEvent.toFixed(1)} µs CPU per webRequest event, median of ${r.rounds.length} rounds of ${r.events.toLocaleString('en')} events (target ≤ 20; rounds: ${r.rounds.map((x) => x.toFixed(1)).join(', ')})`);
  console.log(`recorder: ${(r.bytesPerExchange / 1024).toFixed(2)} KB of heap per stored exchange with ${r.exchanges.toLocaleString('en')} stored (target ≤ 3 KB)`);
  const s = runRecorderBench(7, true);
  console.log(`recorder, every request with Authorization, a cookie and access_token: ${s.microsPerEvent.toFixed(1)} µs CPU per event (target ≤ 20; rounds: ${s.rounds.map((x) => x.toFixed(1)).join(', ')})`);
}
if (wanted('import')) {
  const runs: [string, Awaited<ReturnType<typeof runImportBench>>][] = [['this build', await runImportBench()]];
  if (baseline) {
    // The baseline's own extension, built from its sources (its Import HAR may run on the panel's thread).
    execFileSync('node', ['scripts/build.mjs'], { cwd: baseline, stdio: 'ignore' });
    runs.push([`baseline ${baselineRef}`, await runImportBench(100, 3, join(baseline, 'extension', 'chrome'))]);
  }
  for (const [label, i] of runs) {
    const shown = summary(i.rounds.map((r) => r.rowsShownMs));
    const gap = summary(i.rounds.map((r) => r.longestTimerGapMs));
    const task = summary(i.rounds.map((r) => r.longestTaskMs));
    console.log(`import, ${label}: ${i.megabytes.toFixed(0)} MB HAR (${i.entries.toLocaleString('en')} entries, ${i.rounds[0]?.exchanges.toLocaleString('en')} exchanges listed): rows shown after ${(shown.median / 1000).toFixed(2)} s median of ${i.rounds.length} (spread ${(shown.low / 1000).toFixed(2)}-${(shown.high / 1000).toFixed(2)}; target < 5 s)`);
    console.log(`import, ${label}: panel main thread meanwhile: longest gap between 10 ms timer ticks ${gap.median.toFixed(0)} ms median (spread ${gap.low.toFixed(0)}-${gap.high.toFixed(0)}), longest task ${task.median.toFixed(0)} ms (spread ${task.low.toFixed(0)}-${task.high.toFixed(0)}), progress shown ${i.rounds.map((r) => r.progress.length).join('/')} times`);
  }
}
if (wanted('panel')) {
  const p = await runPanelBench();
  console.log(`panel: first render ${p.firstRenderMs.toFixed(1)} ms (target < 200), filter keystroke ${p.filterKeystrokeMs.toFixed(1)} ms (target < 50), ${p.domRows} rows in the DOM for 20,000 exchanges; Problems view: open ${p.problemsOpenMs.toFixed(1)} ms, one more exchange ${p.problemsUpdateMs.toFixed(1)} ms (list view: ${p.listUpdateMs.toFixed(1)} ms)`);
}
if (wanted('page-load')) {
  // CORS_LENS_BASELINE=<dir of another Chrome build>: measure it in the same rotation, for a before/after ratio.
  const pageBaseline = process.env['CORS_LENS_BASELINE'];
  for (const name of ['chromium', 'firefox'] as const) {
    const l = await runPageLoadBench(name, 15, name === 'chromium' ? pageBaseline : undefined);
    console.log(`page load, ${name}, medians of ${l.rounds} rotated rounds (wall time from navigation to the last response; CPU of the browser's processes):`);
    for (const c of l.configs) console.log(`  ${c.medianMs.toFixed(0).padStart(6)} ms  ${c.medianCpuMs.toFixed(0).padStart(6)} ms CPU  ${c.label}`);
    const both = (of: Parameters<typeof ratio>[1], to: Parameters<typeof ratio>[2]) => `${ratio(l, of, to).toFixed(3)} wall, ${ratio(l, of, to, 'medianCpuMs').toFixed(3)} CPU`;
    console.log(`  DevTools closed ÷ no extension: ${both('closed', 'none')} (target ≤ 1.02)`);
    console.log(`  DevTools open with CORS Lens ÷ DevTools open without: ${both('devtoolsOpen', 'devtoolsNone')} (target ≤ 1.10)`);
    console.log(`  DevTools open on another tab, with ÷ without CORS Lens: ${both('otherTab', 'otherTabNone')} (the tabs nobody inspects)`);
    console.log(`  "Record all tabs" ÷ no extension: ${both('recordAll', 'none')} (for the record)`);
    if (l.configs.some((c) => c.key === 'permissionsOnly')) console.log(`  permissions alone, no code ÷ no extension: ${both('permissionsOnly', 'none')} (Chromium's floor for any extension with webRequest or DNR)`);
    if (l.configs.some((c) => c.key === 'emptyListeners')) console.log(`  "Record all tabs" ÷ five empty listeners: ${both('recordAll', 'emptyListeners')} (what CORS Lens's code adds to Chromium's delivery)`);
    if (l.configs.some((c) => c.key === 'baseline')) console.log(`  this build ÷ baseline, DevTools closed: ${both('closed', 'baseline')}`);
    if (l.backgroundMsPerEvent !== undefined) console.log(`  background: ${(l.backgroundMsPerEvent * 1000).toFixed(1)} µs per webRequest event over ${l.eventsRecorded} events (worker clock, 100 µs steps)`);
  }
}
if (only.includes('listener-cost')) {
  const results = await runListenerCostBench();
  const none = results.find((c) => c.key === 'none');
  console.log("listener cost, chromium, medians of 11 rotated rounds (extensions whose listeners do nothing), wall and CPU ÷ no extension:");
  for (const c of results) console.log(`  ${(c.medianMs / (none?.medianMs ?? NaN)).toFixed(3)} wall  ${(c.medianCpuMs / (none?.medianCpuMs ?? NaN)).toFixed(3)} CPU  ${c.label}`);
}
