import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Fuzz, fuzzTargets, healthProblem, probe, startFuzz, statusSummary } from '../helpers/fuzz';

/**
 * Issue 14, "make the class impossible": random and malformed bodies, files and dates at every write
 * endpoint of a real server. A bounded number of cases per endpoint here; `npm run bench fuzz` runs more.
 */
const runsPerEndpoint = 25;
let fuzz: Fuzz;

beforeAll(async () => {
  fuzz = await startFuzz();
}, 120_000);
afterAll(async () => {
  console.log(statusSummary(fuzz));
  await fuzz.close();
});

for (const target of fuzzTargets) {
  test(`${target.name}: never a 5xx, a hang, a partial write or a 2xx without effect`, async () => {
    await fc.assert(
      fc.asyncProperty(target.requests(fuzz), async (request) => {
        expect(await probe(fuzz, target, request)).toBeNull();
      }),
      { numRuns: runsPerEndpoint },
    );
  }, 120_000);
}

test('after every endpoint was fuzzed the server is healthy: no degraded jurisdiction, the audit chain whole', async () => {
  expect(await healthProblem(fuzz)).toBeNull();
});
