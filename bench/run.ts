/**
 * `npm run bench`: each benchmark prints a measured ratio against its target. Timings live
 * here, never in unit tests, where a busy shared machine would make them flaky.
 */
import { formatResult, type BenchResult } from './report.js';
import { driftBenches } from './drift.js';
import { editBenches } from './edits.js';
import { historyGrowthBench, reportBenches } from './history.js';
import { freeTextBench, runCostBenches, yearBench } from './history-years.js';
import { promptfooBench } from './promptfoo.js';
import { rateLimitBench } from './rate-limit.js';
import { startupBench } from './startup.js';
import { throughputBench } from './throughput.js';

// Start-up first: it is the figure most easily disturbed by what earlier benches leave running.
const benches: Array<() => Promise<BenchResult | BenchResult[]>> = [
  startupBench,
  throughputBench,
  historyGrowthBench,
  freeTextBench,
  runCostBenches,
  yearBench,
  reportBenches,
  rateLimitBench,
  promptfooBench,
  async () => driftBenches(),
  async () => editBenches(),
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
