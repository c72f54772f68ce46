import { describe, expect, test } from 'vitest';
import { aqiReport, categoryOf, edition2026From, editionFor } from './index';

/** A clean day under 2012: every daily indicator low. */
const quietDay2012 = {
  so2_24h: 10,
  no2_24h: 20,
  pm10_24h: 40,
  co_24h: 0.5,
  o3_1h: 60,
  o3_8h: 50,
  pm25_24h: 20,
};

describe('AQI, primary and over-standard pollutants', () => {
  test('AQI is the largest sub-index; its pollutant is primary', () => {
    const report = aqiReport({ ...quietDay2012, pm25_24h: 131 }, 'daily', '2012');
    expect(report.aqi).toBe(173);
    expect(report.primaryPollutants).toEqual(['pm25']);
    expect(report.category).toMatchObject({ level: 4, name: '中度污染', hex: '#FF0000' });
  });

  test('ties list every pollutant with the largest sub-index', () => {
    // 2012: PM10 150 and PM2.5 75 are both exactly IAQI 100.
    const report = aqiReport({ ...quietDay2012, pm10_24h: 150, pm25_24h: 75 }, 'daily', '2012');
    expect(report.aqi).toBe(100);
    expect(report.primaryPollutants).toEqual(['pm10', 'pm25']);
  });

  test('no primary pollutant at AQI 50 or below', () => {
    const report = aqiReport({ ...quietDay2012, pm25_24h: 35 }, 'daily', '2012');
    expect(report.aqi).toBe(50);
    expect(report.primaryPollutants).toEqual([]);
    expect(aqiReport({ ...quietDay2012, pm25_24h: 35.1 }, 'daily', '2012').primaryPollutants).toEqual([
      'pm25',
    ]);
  });

  test('2012 lists pollutants above IAQI 100 as over-standard; 2026 has no such list', () => {
    const input = { ...quietDay2012, pm10_24h: 150, pm25_24h: 76 };
    expect(aqiReport(input, 'daily', '2012').overStandard).toEqual(['pm25']);
    expect(aqiReport(input, 'daily', '2026').overStandard).toEqual([]);
  });

  test('above the top of a table: 500, marked beyond the scale', () => {
    const report = aqiReport({ ...quietDay2012, pm10_24h: 769 }, 'daily', '2012');
    expect(report.aqi).toBe(500);
    expect(report.beyondScale).toEqual(['pm10_24h']);
    expect(report.category).toMatchObject({ level: 6, name: '严重污染', hex: '#7E0023' });
  });
});

describe('table notes', () => {
  test('2012: SO2 1 h above 800 is reported with the SO2 24 h sub-index (note 2)', () => {
    const hour = {
      so2_1h: 900,
      so2_24h: 200,
      no2_1h: 10,
      co_1h: 1,
      o3_1h: 20,
      o3_8h: 20,
      pm10_24h: 40,
      pm25_24h: 20,
    };
    const report = aqiReport(hour, 'hourly', '2012');
    expect(report.iaqi.so2_1h).toBe(108); // SO2 24 h 200: 100 + 50 × 50/325 = 107.7
    expect(report.aqi).toBe(108);
    const withoutDailyMean = aqiReport({ ...hour, so2_24h: null }, 'hourly', '2012');
    expect(withoutDailyMean.iaqi.so2_1h).toBeNull();
    expect(withoutDailyMean.missing).toContain('so2_1h');
  });

  test('2012: O3 8 h above 800 is reported with the O3 1 h sub-index (note 3)', () => {
    const report = aqiReport({ ...quietDay2012, o3_8h: 900, o3_1h: 1000 }, 'daily', '2012');
    expect(report.iaqi.o3_8h).toBe(400);
    expect(report.aqi).toBe(400);
    expect(report.primaryPollutants).toEqual(['o3']);
  });

  test('2026: SO2 1 h above 800 is IAQI 200 (note b), O3 8 h above 800 is IAQI 300 (note c)', () => {
    const hour = { so2_1h: 900, no2_1h: 10, co_1h: 1, o3_1h: 20, pm10_1h: 40, pm25_1h: 20 };
    expect(aqiReport(hour, 'hourly', '2026').aqi).toBe(200);
    const day = { so2_24h: 10, no2_24h: 20, co_24h: 0.5, o3_8h: 801, pm10_24h: 40, pm25_24h: 20 };
    expect(aqiReport(day, 'daily', '2026').aqi).toBe(300);
  });
});

describe('the indicators of each report', () => {
  test('2012 real-time report rates PM by its 24-hour moving mean, not the 1-hour value (Table 4)', () => {
    const hour = { so2_1h: 10, no2_1h: 10, co_1h: 0.5, o3_1h: 20, o3_8h: 20, pm10_24h: 40 };
    const report = aqiReport({ ...hour, pm25_1h: 300, pm25_24h: 40 }, 'hourly', '2012');
    expect(report.aqi).toBe(57); // PM2.5 24 h 40: 50 + 50 × 5/40 = 56.25
    expect(report.iaqi).not.toHaveProperty('pm25_1h');
  });

  test('2026 real-time report uses the six 1-hour means (§4.2.3), O3 8 h plays no part', () => {
    const hour = { so2_1h: 10, no2_1h: 10, co_1h: 0.5, o3_1h: 20, pm10_1h: 40, pm25_1h: 300 };
    const report = aqiReport({ ...hour, pm25_24h: 40, o3_8h: 700 }, 'hourly', '2026');
    expect(report.aqi).toBe(350); // PM2.5 300: 300 + 100 × 50/100
    expect(Object.keys(report.iaqi).sort()).toEqual([
      'co_1h',
      'no2_1h',
      'o3_1h',
      'pm10_1h',
      'pm25_1h',
      'so2_1h',
    ]);
  });

  test('2012 daily report has 7 indicators with O3 1 h; 2026 has 6, without it (§4.2.2)', () => {
    const day = { ...quietDay2012, o3_1h: 300 };
    expect(aqiReport(day, 'daily', '2012').aqi).toBe(150);
    expect(aqiReport(day, 'daily', '2026').aqi).toBe(40); // PM10 40 µg/m³
    expect(Object.keys(aqiReport(day, 'daily', '2026').iaqi)).not.toContain('o3_1h');
  });
});

describe('missing pollutants', () => {
  const day2026 = { so2_24h: 10, no2_24h: 20, co_24h: 0.5, o3_8h: 50, pm10_24h: 40, pm25_24h: 55 };

  test('2026 §5.3.1: with a pollutant missing, an AQI of 100 or less is NA; the sub-indices stay', () => {
    const report = aqiReport({ ...day2026, o3_8h: null }, 'daily', '2026');
    expect(report.aqi).toBeNull();
    expect(report.category).toBeNull();
    expect(report.primaryPollutants).toEqual([]);
    expect(report.iaqi.pm25_24h).toBe(90); // 50 + 50 × 20/25
    expect(report.iaqi.o3_8h).toBeNull();
    expect(report.missing).toEqual(['o3_8h']);
    expect(aqiReport(day2026, 'daily', '2026').aqi).toBe(90);
  });

  test('2026 §5.3.1: above 100 the AQI is still published from the other pollutants', () => {
    const report = aqiReport({ ...day2026, pm25_24h: 80, o3_8h: null }, 'daily', '2026');
    expect(report.aqi).toBe(119);
    expect(report.primaryPollutants).toEqual(['pm25']);
  });

  test('2026 §5.3.2: a pollutant outside the monitoring plan does not withhold the AQI', () => {
    const report = aqiReport({ ...day2026, pm25_24h: 40, co_24h: null }, 'daily', '2026', {
      unmonitored: ['co'],
    });
    expect(report.aqi).toBe(60); // PM2.5 40: 50 + 50 × 5/25
    expect(report.missing).toEqual([]);
  });

  test('2012 computes the AQI from the pollutants present and marks the rest NA', () => {
    const report = aqiReport({ ...quietDay2012, o3_8h: null, pm25_24h: 70 }, 'daily', '2012');
    expect(report.aqi).toBe(94); // 50 + 50 × 35/40 = 93.75
    expect(report.iaqi.o3_8h).toBeNull();
  });

  test('with nothing valid there is no AQI at all', () => {
    const report = aqiReport({}, 'hourly', '2012');
    expect(report.aqi).toBeNull();
    expect(report.category).toBeNull();
  });

  test('2026 reports the rounded concentrations it used', () => {
    const report = aqiReport({ ...day2026, pm25_24h: 70.5, co_24h: 0.45 }, 'daily', '2026');
    expect(report.concentrations.pm25_24h).toBe(70);
    expect(report.concentrations.co_24h).toBe(0.4);
  });
});

describe('categories (2012 Table 2, 2026 Table 1, Appendix A colours)', () => {
  test.each([
    [0, 1, '优', '#00E400'],
    [50, 1, '优', '#00E400'],
    [51, 2, '良', '#FFFF00'],
    [100, 2, '良', '#FFFF00'],
    [101, 3, '轻度污染', '#FF7E00'],
    [150, 3, '轻度污染', '#FF7E00'],
    [151, 4, '中度污染', '#FF0000'],
    [200, 4, '中度污染', '#FF0000'],
    [201, 5, '重度污染', '#99004C'],
    [300, 5, '重度污染', '#99004C'],
    [301, 6, '严重污染', '#7E0023'],
    [500, 6, '严重污染', '#7E0023'],
  ])('AQI %i is level %i, %s, %s', (aqi, level, name, hex) => {
    expect(categoryOf(aqi)).toMatchObject({ level, name, hex });
  });

  test('NA has no category', () => {
    expect(categoryOf(null)).toBeNull();
  });
});

describe('edition by the time of the data', () => {
  test('2026-03-01 00:00 Beijing time and later is HJ 633-2026; a millisecond earlier is 2012', () => {
    const switchover = Date.parse('2026-03-01T00:00:00+08:00');
    expect(edition2026From).toBe(switchover);
    expect(editionFor(switchover)).toBe('2026');
    expect(editionFor(switchover - 1)).toBe('2012');
    expect(editionFor(Date.parse('2026-02-28T23:00:00+08:00'))).toBe('2012');
    expect(editionFor(Date.parse('2019-12-18T13:00:00+08:00'))).toBe('2012');
  });
});
