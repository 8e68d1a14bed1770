// Per input shape, how many fixture scenarios the analyzer decides and how many stay `unknown`.
// `regression.test.ts` asserts each one; this only counts.
//   npx tsx scripts/shape-summary.ts [-v]     (-v lists each unknown with what it depends on)

import { readdirSync, readFileSync } from 'node:fs';
import { analyzeExchange } from '../src/core/analyze';
import { readHarJson } from '../src/core/har/read-har';
import { SHAPES, type Shape, toShape } from '../test/fixtures/input-shapes';
import { isNoCors, scenarioById } from '../test/scenarios/catalogue';
import type { FixtureTag } from '../test/support/har';

const verbose = process.argv.includes('-v');
const fixtures = new URL('../test/fixtures/', import.meta.url);

for (const shape of Object.keys(SHAPES) as Shape[]) {
  const dir = new URL(`${SHAPES[shape]}/`, fixtures);
  let decided = 0;
  let unknown = 0;
  let wrong = 0;
  const notes: string[] = [];
  for (const file of readdirSync(dir).filter((n) => n.endsWith('.har')).sort()) {
    const id = file.replace(/\.har$/, '');
    const har = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { log: { _corsLensFixture: FixtureTag } };
    const scenario = scenarioById(id);
    const read = readHarJson(toShape(shape, har as unknown as Record<string, unknown>));
    if (!scenario || !read.ok) continue;
    const tag = har.log._corsLensFixture;
    const runs = (tag.pageResult as { runs?: string[] }).runs ?? [tag.pageOutcome];
    const want = isNoCors(scenario) ? runs.map(() => 'allowed') : runs.map((o) => (o === 'threw' ? 'blocked' : 'allowed'));
    const analyses = read.exchanges.filter((e) => e.hops[0]?.request.url.includes(`/api/${id}/`)).map((e) => analyzeExchange(e));
    const got = analyses.map((a) => a.verdict);
    if (got.includes('unknown')) {
      unknown++;
      notes.push(`unknown ${id} (browser: ${want.join(', ')}; likely ${analyses.map((a) => a.likely ?? 'none').join(', ')}): ${analyses[0]?.dependsOn ?? ''}`);
    } else if (got.join() === want.join()) decided++;
    else {
      wrong++;
      notes.push(`WRONG ${id}: browser ${want.join(', ')}, analyzer ${got.join(', ')}`);
    }
  }
  console.log(`${shape}: ${decided} decided, ${unknown} unknown, ${wrong} wrong`);
  if (verbose) for (const n of notes) console.log(`  ${n}`);
}
