import { describe, expect, test } from 'vitest';
import { standardGrading } from '../../plans/standard-grading';
import { bruteForceRegions } from './brute-force.test-support';
import { findRegions } from './index';
import { hourAt, randomGraph, randomSeries, randomStart, seededRandom } from './random.test-support';

const rules = standardGrading('3.3.2 预警分级标准');
// Window ends 48..55: the red rule looks back 48 h, so every rule sees complete data from hour 0.
const from = hourAt(48);
const to = hourAt(55);

describe('the search finds exactly the maximal regions the definition gives', () => {
  test('on 200 random graphs of 4–13 units with series around the thresholds', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = seededRandom(seed);
      const size = 4 + Math.floor(random() * 10);
      const graph = randomGraph(random, size, 0.15 + random() * 0.35);
      const missingShare = seed % 4 === 0 ? 0.05 : 0;
      const seriesByUnit = new Map(
        graph.nodes.map(
          (id) =>
            [id, randomSeries(random, randomStart, 56, missingShare, [150, 200, 300][seed % 3]!)] as const,
        ),
      );
      const expected = bruteForceRegions({ graph, universe: graph.nodes, seriesByUnit, rules, from, to });
      const result = findRegions({ graph, seriesByUnit, rules, from, to, now: from, maxRegions: 10_000 });
      const found = result.regions
        .map((region) => region.members)
        .sort((a, b) => a.join().localeCompare(b.join()));
      expect({ seed, level: result.level, sets: found, exact: result.exact }).toEqual({
        seed,
        ...expected,
        exact: true,
      });
    }
  });
});
