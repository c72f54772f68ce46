/**
 * The long run of test/integration/fuzz.test.ts (issue 14): every write endpoint of a real server probed
 * with FUZZ_RUNS random and malformed requests (default 400), reporting the first failure per endpoint
 * (shrunk to a minimal request) and the answers seen. Run: npm run bench fuzz
 */
import fc from 'fast-check';
import { fuzzTargets, healthProblem, probe, startFuzz, statusSummary } from '../test/helpers/fuzz';

const runs = Number(process.env.FUZZ_RUNS ?? 400);
const fuzz = await startFuzz();
const failures: string[] = [];
const started = performance.now();
for (const target of fuzzTargets) {
  const result = await fc.check(
    fc.asyncProperty(target.requests(fuzz), async (request) => (await probe(fuzz, target, request)) === null),
    { numRuns: runs },
  );
  const line = result.failed
    ? `FAILED after ${result.numRuns} runs: ${String(result.counterexample?.[0] && JSON.stringify(result.counterexample[0]).slice(0, 400))}`
    : `ok, ${result.numRuns} runs`;
  console.log(`${target.name}: ${line}`);
  if (result.failed) failures.push(target.name);
}
const health = await healthProblem(fuzz);
console.log(`\nanswers seen:\n${statusSummary(fuzz)}`);
console.log(
  `\n${fuzzTargets.length} endpoints × ${runs} runs in ${((performance.now() - started) / 1000).toFixed(0)} s; ` +
    `RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB (start ${Math.round(fuzz.rssAtStart / 1e6)} MB); ` +
    `health ${health ?? 'ok'}`,
);
await fuzz.close();
process.exit(failures.length > 0 || health ? 1 : 0);
