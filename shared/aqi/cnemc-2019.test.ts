import { describe, expect, test } from 'vitest';
import { HOUR } from '../time';
import {
  station2697A_20191118,
  station2703A_20191218,
  station2704A_20190113,
  station2704A_20191218,
  station2705A_20191201,
  station2705A_20191218,
} from './cnemc-2019.fixture';
import { type Species, StationWindows } from './index';

/** The daily report for the natural day (hours ending 01:00 … 24:00), fed hour by hour. */
function dailyReport(rows: readonly (readonly number[])[], day: string) {
  const windows = new StationWindows();
  const first = Date.parse(`${day}T01:00:00+08:00`);
  windows.load(
    first,
    [0, 1, 2, 3, 4, 5].map((column) => rows.map((row) => row[column]!)),
  );
  return windows.report(first + 23 * HOUR, 'daily');
}

/**
 * Expected values: shared/data/episodes/derived_daily_summary_2019.csv, columns daily_aqi_derived and
 * primary_pollutant_derived, computed there with HJ 633-2012 from the published hourly values.
 */
const cases: [string, string, readonly (readonly number[])[], number, Species][] = [
  ['2704A', '2019-01-13', station2704A_20190113, 168, 'pm25'],
  ['2705A', '2019-12-01', station2705A_20191201, 220, 'pm25'],
  ['2703A', '2019-12-18', station2703A_20191218, 199, 'pm25'],
  ['2704A', '2019-12-18', station2704A_20191218, 245, 'pm25'],
  ['2705A', '2019-12-18', station2705A_20191218, 209, 'pm25'],
  ['2697A', '2019-11-18', station2697A_20191118, 500, 'pm10'],
];

describe('real 2019 CNEMC data reproduce the derived daily AQI (HJ 633-2012)', () => {
  test.each(cases)('station %s on %s', (_code, day, rows, aqi, primary) => {
    const report = dailyReport(rows, day);
    expect(report.edition).toBe('2012');
    expect(report.aqi).toBe(aqi);
    expect(report.primaryPollutants).toEqual([primary]);
  });

  test('the Artux dust day is beyond the PM10 scale (24 h mean 769 µg/m³ > 600)', () => {
    expect(dailyReport(station2697A_20191118, '2019-11-18').beyondScale).toEqual(['pm10_24h']);
  });

  test('Yining city (YINING_MEAN) on 2019-12-18: hourly station means give 217', () => {
    const stations = [station2703A_20191218, station2704A_20191218, station2705A_20191218];
    const unit = new StationWindows();
    const first = Date.parse('2019-12-18T01:00:00+08:00');
    for (let hour = 0; hour < 24; hour += 1)
      unit.writeMean(
        first + hour * HOUR,
        stations.flatMap((station) => station[hour]!),
        stations.length,
      );
    unit.flush();
    expect(unit.report(first + 23 * HOUR, 'daily').aqi).toBe(217);
  });
});
