import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { testStoreKind } from '../test-store';
import { healthProblem, probe, startFuzz, statusSummary } from './probe';
import { fuzzTargets } from './targets';
import type { Fuzz } from './types';

/**
 * The fuzz tests of every write endpoint against a real server on the test project's store (SQLite, or
 * PostgreSQL in the `postgres` project): `runsPerEndpoint` cases each, then the server's health.
 */
export function fuzzEveryWriteEndpoint(runsPerEndpoint: number): void {
  let fuzz: Fuzz;

  beforeAll(async () => {
    fuzz = await startFuzz();
  }, 120_000);
  afterAll(async () => {
    console.log(statusSummary(fuzz));
    await fuzz.close();
  });

  for (const target of fuzzTargets) {
    test(`${target.name}: never a 5xx, a hang, a partial write or a 2xx without effect (${testStoreKind})`, async () => {
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
}
