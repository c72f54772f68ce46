import { describe, expect, test } from 'vitest';
import { levelRank } from '../../levels';
import { standardGrading } from '../../plans/standard-grading';
import { HOUR } from '../../time';
import { coverSearch } from './cover';
import { findRegions } from './index';
import { hourAt, randomGraph, randomSeries, randomStart, seededRandom } from './random.test-support';

const rules = standardGrading('3.3.2 预警分级标准').sort((a, b) => levelRank(b.level) - levelRank(a.level));

/**
 * The cover's search shares what findRegions builds before it looks at a rule (the graph's index, the grid,
 * the candidate finder) between searches of the same units and grid start, and keeps its answers: every
 * answer, in any order of asking (levels whose rules look back 24 h and 48 h, the whole graph and what is
 * left of it), must equal a search of its own (findRegions with nothing shared).
 */
describe('the cover search, shared across levels', () => {
  test('equals findRegions unshared for every level and every set of units left, in any order', () => {
    let regionsSeen = 0;
    const levelsSeen = new Set<string>();
    for (let seed = 1; seed <= 40; seed += 1) {
      const random = seededRandom(seed);
      const size = 8 + Math.floor(random() * 12);
      const graph = randomGraph(random, size, 0.25);
      const hours = 96 + 72;
      const around = 170 + Math.floor(random() * 180);
      const seriesByUnit = new Map(
        graph.nodes.map((id) => [id, randomSeries(random, randomStart, hours, 0.05, around)] as const),
      );
      const now = hourAt(96);
      const input = { graph, seriesByUnit, from: now, to: now + 12 * HOUR, now, minMembers: 3 };
      const search = coverSearch(input, rules);
      const asks = Array.from({ length: 12 }, () => {
        const keep = new Set(random() < 0.3 ? graph.nodes : graph.nodes.filter(() => random() < 0.75));
        return { keep, ruleIndex: Math.floor(random() * rules.length) };
      });
      for (const { keep, ruleIndex } of [...asks, ...asks.reverse()]) {
        const shared = search(keep, ruleIndex);
        const alone = findRegions({
          ...input,
          graph: {
            nodes: graph.nodes.filter((id) => keep.has(id)),
            neighbours: new Map(
              graph.nodes
                .filter((id) => keep.has(id))
                .map((id) => [id, graph.neighbours.get(id)!.filter((next) => keep.has(next.id))]),
            ),
          },
          rules: [rules[ruleIndex]!],
          maxRegions: 10_000,
        }).regions;
        expect({ seed, regions: shared }).toEqual({ seed, regions: alone });
        regionsSeen += alone.length;
        for (const region of alone) levelsSeen.add(region.level);
      }
    }
    // The cases must reach regions at every level, or sharing between levels would go untested.
    expect(regionsSeen).toBeGreaterThan(100);
    expect([...levelsSeen].sort()).toEqual(['orange', 'red', 'yellow']);
  });
});
