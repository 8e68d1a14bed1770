// Analyzer throughput on a realistic mix of exchanges, in exchanges per second on one core.

import { analyzeExchange } from '../src/core/analyze';
import type { Exchange, HeaderList } from '../src/core/model';
import { API, exchange, hop, PAGE, preflight } from '../test/support/exchange-builders';

const ACAO = { 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' };
const GET = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors', Accept: '*/*', 'User-Agent': 'Mozilla/5.0', 'Accept-Language': 'en-US,en;q=0.9' };

function mix(n: number): Exchange[] {
  return [
    exchange([hop('GET', `${API}/a`, GET, 200, ACAO)], { browser: 'chromium' }),
    exchange([hop('GET', `${API}/b`, { ...GET, Cookie: 's=1' }, 200, { 'Access-Control-Allow-Origin': '*' })]),
    { ...exchange([hop('PUT', `${API}/c`, { ...GET, 'Content-Type': 'application/json', Authorization: 'Bearer x' }, 200, ACAO)]),
      preflights: [preflight(`${API}/c`, { 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-type' }, 204,
        { ...ACAO, 'Access-Control-Allow-Methods': 'GET, PUT, DELETE', 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Max-Age': '600' })] },
    { ...exchange([hop('DELETE', `${API}/d`, GET)], { error: 'net::ERR_FAILED' }),
      preflights: [preflight(`${API}/d`, { 'Access-Control-Request-Method': 'DELETE' }, 204, { ...ACAO, 'Access-Control-Allow-Methods': 'delete' })] },
    exchange([hop('GET', `${API}/r`, GET, 302, { ...ACAO, Location: 'http://127.0.0.1:9000/x' }), hop('GET', 'http://127.0.0.1:9000/x', { ...GET, Origin: 'null' }, 200, { 'Access-Control-Allow-Origin': '*' })]),
    exchange([hop('GET', `${API}/i.png`, { 'Sec-Fetch-Mode': 'no-cors' }, 200)], { mode: undefined, resourceType: 'image' }),
    exchange([hop('GET', `${PAGE}/same`, {}, 200)]),
    exchange([hop('POST', `${API}/e${n}`, { ...GET, 'Content-Type': 'text/plain' }, 500)]),
  ];
}

/** Fresh, distinct records (as a recorder produces them), so no per-record memo is reused. */
function corpus(size: number): Exchange[] {
  const out: Exchange[] = [];
  for (let n = 0; out.length < size; n++) out.push(...(JSON.parse(JSON.stringify(mix(n))) as Exchange[]));
  return out;
}

export interface AnalyzerBenchResult {
  /** Median over the timed rounds. */
  readonly exchangesPerSecond: number;
  /** The fastest round: on a shared VM, the one least slowed by neighbours (CPU time there includes steal). */
  readonly bestExchangesPerSecond: number;
  readonly rounds: number[];
}

/** `work` on a fresh corpus per round, in exchanges per second of CPU time; round 0 warms the JIT up. */
function timeRounds(work: (records: readonly Exchange[]) => number, size: number, rounds: number): AnalyzerBenchResult {
  const results: number[] = [];
  let sink = 0;
  for (let r = 0; r <= rounds; r++) {
    const records = corpus(size);
    // Collect the corpus' garbage before timing when the runner allows it (node --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    // CPU time of this process, not wall time: the machine is shared, and waiting for a core is
    // not the analyzer's cost.
    const start = process.cpuUsage();
    sink += work(records);
    const used = process.cpuUsage(start);
    if (r > 0) results.push(records.length / ((used.user + used.system) / 1e6));
  }
  if (sink < 0) console.log(sink);
  const sorted = [...results].sort((a, b) => a - b);
  return { exchangesPerSecond: sorted[Math.floor(sorted.length / 2)] ?? 0, bestExchangesPerSecond: sorted[sorted.length - 1] ?? 0, rounds: results };
}

export function runAnalyzerBench(size = 100_000, rounds = 7): AnalyzerBenchResult {
  return timeRounds((records) => {
    let n = 0;
    for (const ex of records) n += analyzeExchange(ex).reasons.length;
    return n;
  }, size, rounds);
}

/**
 * The ceiling for any analyzer on this corpus and machine: reading every header name and value
 * once (no analysis), on a corpus as fresh as the analyzer gets. Most of it is fetching the
 * records from memory, which no change to the analyzer can avoid.
 */
export function runReadFloorBench(size = 100_000, rounds = 7): AnalyzerBenchResult {
  const read = (headers: HeaderList): number => {
    let n = 0;
    for (const h of headers) n += h.name.charCodeAt(0) + h.value.length;
    return n;
  };
  return timeRounds((records) => {
    let n = 0;
    for (const ex of records) {
      for (const hop of ex.hops) n += hop.request.url.length + read(hop.request.headers) + (hop.response ? read(hop.response.headers) : 0);
      for (const p of ex.preflights) n += read(p.request.headers) + (p.response ? read(p.response.headers) : 0);
    }
    return n;
  }, size, rounds);
}
