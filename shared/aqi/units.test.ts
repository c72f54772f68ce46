import { describe, expect, test } from 'vitest';
import { HOUR } from '../time';
import { StationWindows, unitHourlyMeans } from './index';

const na = Number.NaN;

describe('unit concentrations', () => {
  test('each pollutant is the mean of the stations that have it, with the count', () => {
    const hour = unitHourlyMeans([
      [10, 40, 100, 30, 1.2, na],
      [20, na, 200, 120, 0.8, 60],
      [-1, 50, 150, na, 1.0, 40],
    ]);
    expect(Array.from(hour.values)).toEqual([15, 45, 150, 75, 1, 50]);
    expect(Array.from(hour.stationCounts)).toEqual([2, 2, 3, 2, 3, 2]);
  });

  test('no valid station gives NaN and a count of 0', () => {
    const hour = unitHourlyMeans([[na, na, na, na, na, na]]);
    expect(Number.isNaN(hour.values[3]!)).toBe(true);
    expect(hour.stationCounts[3]).toBe(0);
  });

  test('the unit AQI comes from the mean concentrations, not from averaging station AQIs', () => {
    // PM2.5 35 and 235 µg/m³ all day: station AQIs 50 and 285 (2012) would average 168 (167.5);
    // the unit's PM2.5 is 135 → 150 + 50 × 20/35 = 178.6 → 179.
    const unit = new StationWindows();
    const start = Date.parse('2019-12-01T01:00:00+08:00');
    for (let index = 0; index < 24; index += 1) {
      const hour = unitHourlyMeans([
        [5, 20, 30, 35, 0.5, 20],
        [5, 20, 30, 235, 0.5, 20],
      ]);
      unit.set(start + index * HOUR, hour.values);
    }
    expect(unit.mean24h('pm25', start + 23 * HOUR)).toBe(135);
    expect(unit.dailyAqi(start + 23 * HOUR)).toBe(179);
  });
});
