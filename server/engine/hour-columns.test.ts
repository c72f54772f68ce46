import { describe, expect, test } from 'vitest';
import { HOUR } from '../../shared/time';
import { HourColumns, HourGroups } from './hour-columns';

const hour = Date.parse('2019-11-01T01:00:00+08:00');

function read(columns: HourColumns, at: number): number[] {
  const target = new Float64Array(6);
  columns.read(at, target, 0);
  return [...target];
}

describe('HourColumns in a group', () => {
  test('stations sharing chunks keep their own hours, whichever made the chunk', () => {
    const groups = new HourGroups();
    const a = new HourColumns(groups);
    const b = new HourColumns(groups);
    // b looks the month up before it exists; a then makes it; b must write into a's chunk, not a new one.
    expect(read(b, hour)).toEqual(Array(6).fill(Number.NaN));
    a.set(hour, [1, 2, 3, 4, 0.5, 6]);
    b.set(hour, [10, 20, 30, 40, 1.5, 60]);
    b.set(hour + HOUR, [11, 21, 31, 41, 1.6, 61]);
    expect(read(a, hour)).toEqual([1, 2, 3, 4, 0.5, 6]);
    expect(read(b, hour)).toEqual([10, 20, 30, 40, 1.5, 60]);
    expect(read(a, hour + HOUR)).toEqual(Array(6).fill(Number.NaN));
    expect(a.newest).toBe(hour);
    expect(b.newest).toBe(hour + HOUR);
    const range = new Float64Array(12);
    b.readRange(hour, 2, range, 0, 6);
    expect([...range]).toEqual([10, 20, 30, 40, 1.5, 60, 11, 21, 31, 41, 1.6, 61]);
    expect(a.get(hour, 3)).toBe(4);
    expect(b.hasAny(hour + HOUR)).toBe(true);
  });
});
