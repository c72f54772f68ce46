import { describe, expect, test } from 'vitest';
import type { WarningLevel } from '../../levels';
import { standardGrading } from '../../plans/standard-grading';
import type { DailySeries } from '../daily-series';
import { recommendationCover } from './cover';
import { graphFromEdges, hourAt, randomStart } from './random.test-support';

const rules = standardGrading('3.3.2 预警分级标准');
const t = hourAt(72);

/** D = 100 everywhere except D(t) (one window: only 'D > 200' can hold, i.e. yellow) and a later peak. */
function series(atT: number, later = atT): DailySeries {
  const values = new Float64Array(80).fill(100);
  values[72] = atT;
  values[76] = later;
  return { start: randomStart, values, lastObservedIndex: 72 };
}

function cover(
  edges: [string, string][],
  values: Record<string, number | [number, number]>,
  unitLevels: Record<string, WarningLevel> = {},
  fixed?: string[][],
) {
  const ids = Object.keys(values);
  const seriesByUnit = new Map(
    ids.map((id) => {
      const value = values[id]!;
      return [id, Array.isArray(value) ? series(value[0], value[1]) : series(value)] as const;
    }),
  );
  return recommendationCover({
    graph: graphFromEdges(ids, edges),
    seriesByUnit,
    rules,
    from: t,
    to: t + 7 * 3_600_000,
    now: t,
    unitLevels: new Map(ids.map((id) => [id, unitLevels[id] ?? 'none'])),
    unitDaily: new Map(
      ids.map((id) => [id, Array.isArray(values[id]) ? values[id]![0] : (values[id] as number)]),
    ),
    fixed,
  });
}

const entries = (result: ReturnType<typeof cover>) =>
  result.recommendation.map((entry) => `${entry.kind}:${entry.level}:${entry.members.join('+')}`);

describe('the recommendation: a disjoint cover (DOMAIN.md "Recommendation")', () => {
  test('overlapping maximal regions differing by one member: one is chosen, the others are alternatives', () => {
    // Hub h with three strong neighbours and three weak spokes; {h,a,b} + one spoke each average > 200.
    const result = cover(
      [
        ['h', 'a'],
        ['h', 'b'],
        ['h', 'x'],
        ['h', 'y'],
        ['h', 'z'],
      ],
      { h: 260, a: 260, b: 260, x: 40, y: 30, z: 25 },
    );
    // Every 4-set {h,a,b,spoke} averages > 200 ((780 + 40) / 4 = 205); any 5-set does not ((780 + 70) / 5 = 170).
    expect(entries(result)).toEqual(['region:yellow:a+b+h+x']);
    expect(result.alternatives.map((region) => region.members.join('+'))).toEqual(['a+b+h+y', 'a+b+h+z']);
    const members = result.recommendation.flatMap((entry) => entry.members);
    expect(new Set(members).size).toBe(members.length);
  });

  test('equal size: the higher peak from now to the forecast end wins, then the smaller id list', () => {
    const peaks = cover(
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
      ],
      { a: 120, b: 250, c: 250, d: [120, 160] },
    );
    // {a,b,c} and {b,c,d} average 206.7 at t; later {b,c,d} peaks at 220, {a,b,c} stays 206.7; all four never pass 200.
    expect(entries(peaks)[0]).toBe('region:yellow:b+c+d');
    const tie = cover(
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
      ],
      { a: 120, b: 250, c: 250, d: 120 },
    );
    expect(entries(tie)[0]).toBe('region:yellow:a+b+c');
  });

  test('a unit above its region keeps its own entry; a unit in no region gets one; red first, units by id', () => {
    const result = cover(
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      { a: 260, b: 260, c: 260, q: 90, p: 90 },
      { a: 'orange', b: 'yellow', c: 'yellow', q: 'yellow', p: 'red' },
    );
    expect(entries(result)).toEqual(['unit:red:p', 'unit:orange:a', 'region:yellow:a+b+c', 'unit:yellow:q']);
    expect(result.recommendation.find((entry) => entry.kind === 'region')!.averageDailyAqi).toBe(260);
    expect(result.floorByUnit.get('a')).toBe('yellow');
  });

  test('a region fixed by the commander is taken first and the rest is covered around it', () => {
    const result = cover(
      [
        ['h', 'a'],
        ['h', 'b'],
        ['h', 'x'],
        ['h', 'y'],
      ],
      { h: 260, a: 260, b: 260, x: 40, y: 30 },
      {},
      [['a', 'b', 'h', 'y']],
    );
    expect(entries(result)).toEqual(['region:yellow:a+b+h+y']);
    expect(result.alternatives.map((region) => region.members.join('+'))).toEqual(['a+b+h+x']);
  });
});
