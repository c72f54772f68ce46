import { describe, expect, test } from 'vitest';
import { StationWindows } from '../aqi';
import { HOUR } from '../time';
import { averageDailySeries, dailyAqiSeries, gradedDailyAqi } from './daily-series';

/**
 * DOMAIN.md, incomplete data, with the example: 伊宁市 at about 205 and 霍城县 at about 235 beside
 * 伊宁县, whose station kept PM2.5 near 200 µg/m³ for only 17 of 24 hours while O3 reported throughout.
 */
const start = Date.parse('2019-12-10T20:00:00+08:00');
const end = start + 23 * HOUR;

/** A day of hourly values; `lostHours` drop everything but O3 (the analysers of particles and gases). */
function day(pm25: number, lostHours: readonly number[] = [], edition?: '2026'): StationWindows {
  const windows = new StationWindows(edition ? { edition } : {});
  for (let hour = 0; hour < 24; hour += 1) {
    const lost = lostHours.includes(hour);
    const o3 = 8 + (hour % 3);
    windows.set(
      start + hour * HOUR,
      lost ? [null, null, null, null, null, o3] : [8, 30, pm25 * 1.3, pm25, 1.2, o3],
    );
  }
  return windows;
}

describe('a partial daily AQI in grading', () => {
  const lost = [0, 1, 2, 3, 4, 12, 17];

  test('2012 publishes the partial value and names what it lacks; grading reads it as missing', () => {
    const county = dailyAqiSeries(day(200, lost), start, end, end);
    expect(county.published.at(-1)).toBeLessThanOrEqual(100);
    expect(county.missing.at(-1)).toEqual(['so2_24h', 'no2_24h', 'pm10_24h', 'co_24h', 'pm25_24h']);
    expect(county.series.values.at(-1)).toBeNaN();
  });

  test("the region's average is missing, not pulled from about 206 to below every threshold", () => {
    const members = [day(155), day(200, lost), day(185)].map(
      (windows) => dailyAqiSeries(windows, start, end, end).series,
    );
    const full = [day(155), day(200), day(185)].map(
      (windows) => dailyAqiSeries(windows, start, end, end).series,
    );
    expect(members[0]!.values.at(-1)).toBe(205);
    expect(members[2]!.values.at(-1)).toBe(235);
    expect(averageDailySeries(full)!.values.at(-1)).toBeGreaterThan(200);
    expect(averageDailySeries(members)!.values.at(-1)).toBeNaN();
  });

  test('a partial value above 100 stands: the pollution it shows is there whatever is missing', () => {
    expect(gradedDailyAqi(178, ['o3_8h'])).toBe(178);
    expect(gradedDailyAqi(100, ['o3_8h'])).toBeNaN();
    expect(gradedDailyAqi(60, [])).toBe(60);
    expect(gradedDailyAqi(null, [])).toBeNaN();
  });

  test('2026 does not publish a partial value of 100 or less at all (§5.3.1), and names what it lacks', () => {
    const county = dailyAqiSeries(day(200, lost, '2026'), start, end, end);
    expect(county.published.at(-1)).toBeNull();
    expect(county.missing.at(-1)).toEqual(['so2_24h', 'no2_24h', 'pm10_24h', 'co_24h', 'pm25_24h']);
    expect(county.series.values.at(-1)).toBeNaN();
  });
});
