// `npm run bench`: the performance figures the issues ask for, each measured side by side in one
// run on this machine (shared and noisy: read the medians and ratios, not single numbers).
//   analyzer   exchanges analysed per second of CPU on one core (target ≥ 200,000)
//   panel      first render and one filter keystroke with 20,000 exchanges (targets 200 ms, 50 ms)
//   page load  Chromium page of 300 cross-origin requests, with and without the extension (target < 5%)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { runPageLoadBench } from '../bench/page-load.bench';
import { runPanelBench } from '../src/panel/panel.bench';

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

/**
 * The analyzer is measured as it ships: bundled by Vite like the CLI and the extension. (Run
 * through tsx it is some 20% slower, because tsx keeps function names with a wrapper call.)
 */
async function bundledAnalyzerBench(): Promise<typeof import('../bench/analyzer.bench')> {
  const outDir = join(process.cwd(), '.tmp', 'bench');
  await build({
    configFile: false, publicDir: false, logLevel: 'warn',
    build: { ssr: 'bench/analyzer.bench.ts', outDir, emptyOutDir: true, target: 'node20', minify: false, rollupOptions: { output: { format: 'es', entryFileNames: 'analyzer.mjs' } } },
    ssr: { noExternal: true, target: 'node' },
  });
  return import(pathToFileURL(join(outDir, 'analyzer.mjs')).href) as Promise<typeof import('../bench/analyzer.bench')>;
}

if (wanted('analyzer')) {
  const a = (await bundledAnalyzerBench()).runAnalyzerBench();
  const rate = (x: number) => Math.round(x).toLocaleString('en');
  console.log(`analyzer: ${rate(a.exchangesPerSecond)} exchanges/s median, ${rate(a.bestExchangesPerSecond)} best of ${a.rounds.length} rounds of 100,000 (target ≥ 200,000; rounds: ${a.rounds.map(rate).join(', ')})`);
}
if (wanted('panel')) {
  const p = await runPanelBench();
  console.log(`panel: first render ${p.firstRenderMs.toFixed(1)} ms (target < 200), filter keystroke ${p.filterKeystrokeMs.toFixed(1)} ms (target < 50), ${p.domRows} rows in the DOM for 20,000 exchanges`);
}
if (wanted('page-load')) {
  // CORS_LENS_BASELINE=<dir of another Chrome build>: measure it in the same rotation, for a before/after ratio.
  const baseline = process.env['CORS_LENS_BASELINE'];
  const l = await runPageLoadBench(15, baseline);
  console.log(`page load: ${l.withoutMs.toFixed(0)} ms without, ${l.withMs.toFixed(0)} ms with the extension (medians of ${l.rounds}); ratio ${l.ratio.toFixed(3)} (target < 1.05)`);
  console.log(`page load with the same webRequest listeners doing nothing: ${l.listenersOnlyMs.toFixed(0)} ms, ratio ${l.listenersOnlyRatio.toFixed(3)} (Chromium's own cost of listening)`);
  console.log(`background: ${(l.backgroundMsPerEvent * 1000).toFixed(1)} µs per webRequest event over ${l.eventsRecorded} events`);
  if (l.baselineMs !== undefined) console.log(`baseline build (${baseline}): ${l.baselineMs.toFixed(0)} ms; this build / baseline ${(l.withMs / l.baselineMs).toFixed(3)}`);
}
