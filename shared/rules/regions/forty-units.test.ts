import { describe, expect, test } from 'vitest';
import { standardGrading } from '../../plans/standard-grading';
import { HOUR } from '../../time';
import type { DailySeries } from '../daily-series';
import { ruleHolds } from '../grading';
import { bruteForceRegions } from './brute-force.test-support';
import { findRegions, type Region } from './index';
import { gridGraph, hourAt, randomStart, seededRandom } from './random.test-support';
import type { AdjacencyGraph } from './schema';

const rules = standardGrading('3.3.2 预警分级标准');
const t = hourAt(72);

function seriesWith(at: (hoursBefore: number) => number): DailySeries {
  const values = Float64Array.from({ length: 80 }, (_, hour) => at(72 - hour));
  return { start: randomStart, values, lastObservedIndex: 79 };
}

function connected(members: readonly string[], graph: AdjacencyGraph): boolean {
  const inside = new Set(members);
  const reached = new Set([members[0]!]);
  const queue = [members[0]!];
  while (queue.length > 0)
    for (const next of graph.neighbours.get(queue.pop()!) ?? [])
      if (inside.has(next.id) && !reached.has(next.id)) reached.add(next.id) && queue.push(next.id);
  return reached.size === members.length;
}

function holdsSomewhere(
  region: readonly string[],
  seriesByUnit: Map<string, DailySeries>,
  level: Region['level'],
  from: number,
  to: number,
): boolean {
  const rule = rules.find((candidate) => candidate.level === level)!;
  const first = seriesByUnit.get(region[0]!)!;
  const values = first.values.map(
    (_, hour) => region.reduce((sum, id) => sum + seriesByUnit.get(id)!.values[hour]!, 0) / region.length,
  );
  const average = { ...first, values };
  for (let end = from; end <= to; end += HOUR) if (ruleHolds(rule, average, end)) return true;
  return false;
}

describe('exact on 40 units (a 5 × 8 grid)', () => {
  test('equals brute force when only a 14-unit patch can take part', () => {
    // The patch's surplus over 200 is at most 14 × 8 = 112 and every other unit is 120 below: any set with
    // an outside unit sums below zero, so brute force over the patch is brute force over all 40.
    const graph = gridGraph(8, 5);
    const patch = graph.nodes.filter((id) => /^g[01]-[0-6]$/.test(id));
    for (let seed = 1; seed <= 5; seed += 1) {
      const random = seededRandom(seed);
      const seriesByUnit = new Map(
        graph.nodes.map((id) => {
          const value = patch.includes(id) ? 190 + Math.floor(random() * 19) : 80;
          return [id, seriesWith((hoursBefore) => (hoursBefore === 0 ? value : 100))] as const;
        }),
      );
      const expected = bruteForceRegions({ graph, universe: patch, seriesByUnit, rules, from: t, to: t });
      const result = findRegions({ graph, seriesByUnit, rules, from: t, to: t, now: t, maxRegions: 10_000 });
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

  test('with units spread from 60 to 220, the exact path returns only connected, maximal regions of ≥ 3 that meet their level', () => {
    const graph = gridGraph(8, 5);
    const random = seededRandom(4);
    const seriesByUnit = new Map(
      graph.nodes.map((id) => {
        const level = 60 + Math.floor(random() * 160);
        return [id, seriesWith((hoursBefore) => level - hoursBefore + Math.floor(random() * 30))] as const;
      }),
    );
    const from = t - 5 * HOUR;
    const result = findRegions({ graph, seriesByUnit, rules, from, to: t, now: t, maxRegions: 10_000 });
    expect(result.exact).toBe(true);
    expect(result.regions.length).toBeGreaterThan(1);
    for (const region of result.regions) {
      expect(region.members.length).toBeGreaterThanOrEqual(3);
      expect(connected(region.members, graph)).toBe(true);
      expect(holdsSomewhere(region.members, seriesByUnit, region.level, from, t)).toBe(true);
      const outside = new Set(
        region.members.flatMap((id) => graph.neighbours.get(id)!.map((next) => next.id)),
      );
      for (const id of region.members) outside.delete(id);
      for (const id of outside)
        expect(holdsSomewhere([...region.members, id], seriesByUnit, region.level, from, t)).toBe(false);
    }
  });
});
