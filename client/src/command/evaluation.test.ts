import { describe, expect, test } from 'vitest';
import type { UnitListing } from '../../../shared/api/responses';
import { plans } from '../../../shared/plans';
import { averageDailySeries, type DailySeries } from '../../../shared/rules';
import { HOUR } from '../../../shared/time';
import { isContiguous, whatIf } from './evaluation';

const start = Date.parse('2019-01-05T01:00:00+08:00');

function series(values: number[], lastObservedIndex = values.length - 1): DailySeries {
  return { start, values: Float64Array.from(values), lastObservedIndex };
}

/** a – b – c in a chain: a and c do not touch. */
const units = new Map<string, UnitListing>(
  [
    ['a', ['b']],
    ['b', ['a', 'c']],
    ['c', ['b']],
  ].map(([id, neighbours]) => [
    id as string,
    {
      id: id as string,
      nameZh: id as string,
      nameEn: id as string,
      jurisdiction: 'ili' as const,
      kind: 'county' as const,
      hostCounty: null,
      boundary: { status: 'approximate', source: null },
      seat: null,
      neighbours: (neighbours as string[]).map((neighbour) => ({ id: neighbour, sharedKm: 10 })),
    },
  ]),
);

describe('regional what-if', () => {
  test('the average is taken per window and is missing where any member is', () => {
    const average = averageDailySeries([series([200, 220, 90]), series([100, Number.NaN, 30])])!;
    expect(Array.from(average.values)).toEqual([150, Number.NaN, 60]);
  });

  test('contiguity follows shared borders', () => {
    expect(isContiguous(['a', 'b', 'c'], units)).toBe(true);
    expect(isContiguous(['a', 'c'], units)).toBe(false);
  });

  test('three contiguous units at D 230, 210 and 240 for 72 h average 226.7 > 200 for 48 h: orange (3.3.2)', () => {
    const now = start + 71 * HOUR;
    const byUnit = new Map([
      ['a', series(Array(72).fill(230))],
      ['b', series(Array(72).fill(210))],
      ['c', series(Array(72).fill(240))],
    ]);
    const region = whatIf(plans.ili, ['a', 'b', 'c'], byUnit, units, now);
    expect(region.contiguous && region.enoughUnits).toBe(true);
    expect(region.evaluation?.recommendedLevel).toBe('orange');
    const apart = whatIf(plans.ili, ['a', 'c'], byUnit, units, now);
    expect(apart.contiguous || apart.enoughUnits).toBe(false);
  });
});
