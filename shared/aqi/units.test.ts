import { describe, expect, test } from 'vitest';
import { HOUR } from '../time';
import { StationWindows } from './index';

const na = Number.NaN;
const start = Date.parse('2019-12-01T01:00:00+08:00');

/** A unit's windows after one hour written from its stations (the server's unit path). */
function unitHour(stations: readonly (readonly number[])[]): StationWindows {
  const unit = new StationWindows();
  unit.writeMean(start, stations.flat(), stations.length);
  unit.flush();
  return unit;
}

describe('unit concentrations', () => {
  test('each pollutant is the mean of the stations that have it', () => {
    const unit = unitHour([
      [10, 40, 100, 30, 1.2, na],
      [20, na, 200, 120, 0.8, 60],
      [-1, 50, 150, na, 1.0, 40],
    ]);
    const means = (['so2', 'no2', 'pm10', 'pm25', 'co', 'o3'] as const).map((name) =>
      unit.value(name, start),
    );
    expect(means).toEqual([15, 45, 150, 75, 1, 50]);
  });

  test('no valid station gives a missing value', () => {
    expect(unitHour([[na, na, na, na, na, na]]).value('pm25', start)).toBeNull();
  });

  test('a mean of three stations is kept exact, not rounded to a decimal', () => {
    // (36 + 37 + 36.5) / 3 = 36.5 exactly; (36 + 37 + 37) / 3 = 36.67: the windows carry thirds exactly.
    const unit = unitHour([
      [5, 20, 30, 36, 0.5, 20],
      [5, 20, 30, 37, 0.5, 20],
      [5, 20, 30, 37, 0.5, 20],
    ]);
    expect(unit.value('pm25', start)).toBeCloseTo(110 / 3, 12);
  });

  test('a mean of eleven stations (not whole ticks) is kept exact', () => {
    // 2,520 ticks per millionth make a mean of up to ten stations whole; (10 × 36 + 37) / 11 is not.
    const stations = Array.from({ length: 11 }, (_, index) => [5, 20, 30, index === 0 ? 37 : 36, 0.5, 20]);
    const unit = unitHour(stations);
    expect(unit.value('pm25', start)).toBeCloseTo(397 / 11, 11);
    expect(unit.value('so2', start)).toBe(5);
  });

  test('the unit AQI comes from the mean concentrations, not from averaging station AQIs', () => {
    // PM2.5 35 and 235 µg/m³ all day: station AQIs 50 and 285 (2012) would average 168 (167.5);
    // the unit's PM2.5 is 135 → 150 + 50 × 20/35 = 178.6 → 179.
    const unit = new StationWindows();
    for (let index = 0; index < 24; index += 1)
      unit.writeMean(start + index * HOUR, [5, 20, 30, 35, 0.5, 20, 5, 20, 30, 235, 0.5, 20], 2);
    unit.flush();
    expect(unit.mean24h('pm25', start + 23 * HOUR)).toBe(135);
    expect(unit.dailyAqi(start + 23 * HOUR)).toBe(179);
  });
});
