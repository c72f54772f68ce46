import { describe, expect, test } from 'vitest';
import { standardGrading } from '../../plans/standard-grading';
import { HOUR } from '../../time';
import type { DailySeries } from '../daily-series';
import { levelAt } from '../grading';
import { findRegions } from './index';
import { graphFromEdges, hourAt, randomStart } from './random.test-support';

const rules = standardGrading('3.3.2 预警分级标准');
const t = hourAt(72);

/** 100 everywhere (no rule near) except the windows given as hours before t. */
function series(valuesBeforeT: Record<number, number>): DailySeries {
  const values = new Float64Array(80).fill(100);
  for (const [hoursBefore, value] of Object.entries(valuesBeforeT)) values[72 - Number(hoursBefore)] = value;
  return { start: randomStart, values, lastObservedIndex: 79 };
}

/** Units on a path a–b–c–… with D(t) as given (a single window: only 'D > 200' can hold). */
function pathAtT(values: readonly number[]) {
  const ids = values.map((_, index) => String.fromCharCode(97 + index));
  const graph = graphFromEdges(
    ids,
    ids.slice(1).map((id, index) => [ids[index]!, id] as [string, string]),
  );
  const seriesByUnit = new Map(ids.map((id, index) => [id, series({ 0: values[index]! })] as const));
  return { graph, seriesByUnit, rules, from: t, to: t, now: t };
}

const membersOf = (result: ReturnType<typeof findRegions>) => result.regions.map((region) => region.members);

describe('regional warnings (Ili plan 3.3.3 预警启动)', () => {
  test('three contiguous units averaging above 200 are a yellow region; an average of exactly 200 is not', () => {
    // (260 + 180 + 170) / 3 = 203.3 > 200; (260 + 180 + 160) / 3 = 200, not > 200.
    const above = findRegions(pathAtT([260, 180, 170]));
    expect(above.level).toBe('yellow');
    expect(membersOf(above)).toEqual([['a', 'b', 'c']]);
    expect(above.regions[0]!.decidingWindows).toEqual([{ windowEnd: t, average: 610 / 3, threshold: 200 }]);
    expect(findRegions(pathAtT([260, 180, 160])).level).toBe('none');
  });

  test('two units are not a region, however polluted', () => {
    expect(findRegions(pathAtT([400, 400])).level).toBe('none');
  });

  test('units that do not touch are not a region', () => {
    const ids = ['a', 'b', 'c'];
    const seriesByUnit = new Map(ids.map((id) => [id, series({ 0: 300 })] as const));
    const apart = graphFromEdges(ids, [['a', 'b']]);
    expect(findRegions({ graph: apart, seriesByUnit, rules, from: t, to: t, now: t }).level).toBe('none');
    const joined = graphFromEdges(ids, [
      ['a', 'b'],
      ['b', 'c'],
    ]);
    expect(findRegions({ graph: joined, seriesByUnit, rules, from: t, to: t, now: t }).level).toBe('yellow');
  });

  test('a clean unit joins when it connects enough pollution: 300, 0, 300, 300 averages 225', () => {
    // a–b–c–d: {a,b,c} and {b,c,d} average 200 (not > 200); {c,d} is two units; all four average 225.
    const result = findRegions(pathAtT([300, 0, 300, 300]));
    expect(membersOf(result)).toEqual([['a', 'b', 'c', 'd']]);
  });

  test('regions are maximal: two separate groups give two regions, not their subsets', () => {
    // Left {a,b,c} 240; adding d gives 180. Right {f,g,h} 240. All eight average 180.
    const result = findRegions(pathAtT([300, 210, 210, 0, 0, 210, 210, 300]));
    expect(membersOf(result)).toEqual([
      ['a', 'b', 'c'],
      ['f', 'g', 'h'],
    ]);
    expect([...result.floorByUnit.keys()].sort()).toEqual(['a', 'b', 'c', 'f', 'g', 'h']);
    expect(result.exact).toBe(true);
  });

  test('only the highest level any region reaches is reported', () => {
    // a–b–c–d–e–f–g: {a,b,c} above 200 at t and t−24 (orange); {e,f,g} above 200 at t only (yellow).
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const graph = graphFromEdges(
      ids,
      ids.slice(1).map((id, index) => [ids[index]!, id] as [string, string]),
    );
    const orange = series({ 0: 240, 24: 240 });
    const yellow = series({ 0: 240 });
    const clean = series({ 0: 0, 24: 0 });
    const seriesByUnit = new Map([
      ['a', orange],
      ['b', orange],
      ['c', orange],
      ['d', clean],
      ['e', yellow],
      ['f', yellow],
      ['g', yellow],
    ]);
    const result = findRegions({ graph, seriesByUnit, rules, from: t, to: t, now: t });
    expect(result.level).toBe('orange');
    expect(membersOf(result)).toEqual([['a', 'b', 'c']]);
    expect(result.floorByUnit.get('e')).toBeUndefined();
  });

  test('a member whose own level is higher keeps the region level as its floor', () => {
    // a alone: 310 at t, t−24, t−48 and 320 at t−5: red. The region a–b–c averages (310+150+150)/3 = 203.3
    // at t but (310+0+0)/3 = 103.3 at t−24: yellow only. a's floor is yellow; its own red is the caller's.
    const ids = ['a', 'b', 'c'];
    const graph = graphFromEdges(ids, [
      ['a', 'b'],
      ['b', 'c'],
    ]);
    const red = series({ 0: 310, 24: 310, 48: 310, 5: 320 });
    const seriesByUnit = new Map([
      ['a', red],
      ['b', series({ 0: 150, 24: 0, 48: 0 })],
      ['c', series({ 0: 150, 24: 0, 48: 0 })],
    ]);
    expect(levelAt(rules, red, t)).toBe('red');
    const result = findRegions({ graph, seriesByUnit, rules, from: t, to: t, now: t });
    expect(result.level).toBe('yellow');
    expect(result.floorByUnit).toEqual(
      new Map([
        ['a', 'yellow'],
        ['b', 'yellow'],
        ['c', 'yellow'],
      ]),
    );
  });

  test('a region needs every member’s value in a window: a missing unit cannot be part of it', () => {
    const gap = pathAtT([300, 300, 300, 300]);
    gap.seriesByUnit.set('c', series({ 0: Number.NaN }));
    // c missing at t: a–b is two units, d alone; nothing else connects.
    expect(findRegions(gap).level).toBe('none');
    const edge = pathAtT([300, 300, 300, 300]);
    edge.seriesByUnit.delete('d');
    expect(membersOf(findRegions(edge))).toEqual([['a', 'b', 'c']]);
  });

  test('red needs the average above 200 in three daily windows and above 300 in one of the last 48 h', () => {
    const ids = ['a', 'b', 'c'];
    const graph = graphFromEdges(ids, [
      ['a', 'b'],
      ['b', 'c'],
    ]);
    const sustained = { 0: 250, 24: 250, 48: 250 };
    const at = (peaks: [number, number, number]) =>
      new Map(ids.map((id, index) => [id, series({ ...sustained, 10: peaks[index]! })] as const));
    // (350 + 350 + 210) / 3 = 303.3 > 300 → red; (350 + 350 + 200) / 3 = 300 → orange (200 for 48 h).
    expect(
      findRegions({ graph, seriesByUnit: at([350, 350, 210]), rules, from: t, to: t, now: t }).level,
    ).toBe('red');
    expect(
      findRegions({ graph, seriesByUnit: at([350, 350, 200]), rules, from: t, to: t, now: t }).level,
    ).toBe('orange');
  });

  test('the window ends reported are those in [from, to] where the region holds', () => {
    const ids = ['a', 'b', 'c'];
    const graph = graphFromEdges(ids, [
      ['a', 'b'],
      ['b', 'c'],
    ]);
    // Above 200 at t−2 and t−1 (hours 70, 71) only; evaluated from t−3 to t.
    const seriesByUnit = new Map(ids.map((id) => [id, series({ 2: 230, 1: 230 })] as const));
    const result = findRegions({ graph, seriesByUnit, rules, from: t - 3 * HOUR, to: t, now: t });
    expect(result.regions[0]).toMatchObject({ firstWindowEnd: t - 2 * HOUR, lastWindowEnd: t - HOUR });
  });

  test('the explanation names the units, the window, the average and cites the regional clause', () => {
    const input = pathAtT([260, 180, 170]);
    const names = new Map([
      ['a', { zh: '伊宁市', en: 'Yining City' }],
      ['b', { zh: '伊宁县', en: 'Yining County' }],
      ['c', { zh: '霍城县', en: 'Huocheng County' }],
    ]);
    const { explanation } = findRegions({ ...input, unitNames: names }).regions[0]!;
    expect(explanation.zh).toContain('伊宁市、伊宁县、霍城县');
    expect(explanation.zh).toContain('2019-12-04 01:00 203.3（＞200）');
    expect(explanation.en).toContain('203.3 > 200 at 2019-12-04 01:00');
    expect(explanation.citations).toEqual(['3.3.3 预警启动', '3.3.2 预警分级标准']);
  });
});
