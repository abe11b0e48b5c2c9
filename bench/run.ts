/**
 * `npm run bench`: each benchmark prints a measured ratio against its target. Timings live
 * here, never in unit tests, where a busy shared machine would make them flaky.
 */
import { formatResult, type BenchResult } from './report.js';
import { historyGrowthBench, reportBenches } from './history.js';
import { promptfooBench } from './promptfoo.js';
import { rateLimitBench } from './rate-limit.js';
import { startupBench } from './startup.js';
import { throughputBench } from './throughput.js';

const benches: Array<() => Promise<BenchResult | BenchResult[]>> = [
  throughputBench,
  historyGrowthBench,
  reportBenches,
  rateLimitBench,
  promptfooBench,
  startupBench,
];

let missed = 0;
for (const bench of benches) {
  for (const result of [await bench()].flat()) {
    console.log(formatResult(result));
    if (result.ratio > result.target) missed += 1;
  }
}
if (missed > 0) {
  console.log(`${missed} benchmark(s) missed their target`);
  process.exitCode = 1;
}
