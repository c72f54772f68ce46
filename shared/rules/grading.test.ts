import { describe, expect, test } from 'vitest';
import { standardGrading } from '../plans/standard-grading';
import { HOUR } from '../time';
import type { DailySeries } from './daily-series';
import { levelAt } from './grading';

const rules = standardGrading('3.3.1');
const start = Date.parse('2019-12-01T01:00:00+08:00');

/** A series of `hours` windows, all at `base`, with overrides by hour index. */
function series(hours: number, base: number, overrides: Record<number, number> = {}): DailySeries {
  const values = new Float64Array(hours).fill(base);
  for (const [index, value] of Object.entries(overrides)) values[Number(index)] = value;
  return { start, values, lastObservedIndex: hours - 1 };
}
const at = (index: number) => start + index * HOUR;

describe('grading by the shared standard', () => {
  test('a single window above 200 is yellow; exactly 200 is not', () => {
    expect(levelAt(rules, series(100, 120, { 99: 201 }), at(99))).toBe('yellow');
    expect(levelAt(rules, series(100, 120, { 99: 200 }), at(99))).toBe('none');
  });

  test('D > 150 in two windows 24 h apart is yellow; 23 h apart is not enough', () => {
    expect(levelAt(rules, series(100, 120, { 99: 151, 75: 151 }), at(99))).toBe('yellow');
    expect(levelAt(rules, series(100, 120, { 99: 151, 76: 151 }), at(99))).toBe('none');
  });

  test('D > 200 for 48 h is orange, D > 150 for 72 h is orange', () => {
    expect(levelAt(rules, series(100, 120, { 99: 210, 75: 210 }), at(99))).toBe('orange');
    expect(levelAt(rules, series(100, 120, { 99: 160, 75: 160, 51: 160 }), at(99))).toBe('orange');
  });

  test('red needs 72 h above 200 and one window above 300 in the last 48 h', () => {
    const sustained = { 99: 250, 75: 250, 51: 250 };
    expect(levelAt(rules, series(100, 120, sustained), at(99))).toBe('orange');
    expect(levelAt(rules, series(100, 120, { ...sustained, 60: 301 }), at(99))).toBe('red');
    expect(levelAt(rules, series(100, 120, { ...sustained, 50: 301 }), at(99))).toBe('orange');
  });

  test('a missing window breaks a duration', () => {
    expect(levelAt(rules, series(100, 120, { 99: 210, 75: Number.NaN }), at(99))).toBe('yellow');
  });
});
