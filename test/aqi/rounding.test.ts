import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { aqiReport, type Edition, iaqi, StationWindows } from '../../shared/aqi';
import { HOUR } from '../../shared/time';
import { decimal, mean, nearTie, referenceIaqi, tieSequence } from '../fixtures/aqi/exact-reference';

/**
 * Issue 17.2: HJ 633-2026 rounds concentrations per GB/T 8170 on their exact decimal value; HJ 633-2012
 * rounds the IAQI up from the exact concentration. The reference (test/fixtures/aqi/exact-reference.ts) is BigInt
 * rationals from the decimal text, independent of the engine's integer ticks.
 */
const march2026 = Date.parse('2026-03-10T01:00:00+08:00');

describe('regressions from issue 17.2', () => {
  test('a 1-hour PM2.5 of 36.5000001 µg/m³ is rounded to 37, not 36: IAQI 54', () => {
    expect(iaqi('pm25_1h', 36.5000001, '2026')).toBe(54);
    const windows = new StationWindows();
    windows.set(march2026, [5, 20, 30, 36.5000001, 0.5, 20]);
    expect(windows.report(march2026, 'hourly')).toMatchObject({
      concentrations: { pm25_1h: 37 },
      iaqi: { pm25_1h: 54 },
    });
  });

  test('a 24-hour CO mean of 2.0500001 mg/m³ is rounded to 2.1, not 2.0: IAQI 53', () => {
    expect(aqiReport({ co_24h: 2.0500001 }, 'daily', '2026')).toMatchObject({
      concentrations: { co_24h: 2.1 },
      iaqi: { co_24h: 53 },
    });
    // In the windows: 12 hours of 2.0, 11 of 2.1 and one of 2.1000004 mean 2.05 + 0.0000004 / 24, above
    // the tie by less than a millionth of a mg/m³ in any single value.
    const windows = new StationWindows();
    for (let hour = 0; hour < 24; hour += 1) {
      const co = hour === 23 ? 2.1000004 : hour % 2 === 0 ? 2.0 : 2.1;
      windows.set(march2026 + hour * HOUR, [5, 20, 30, 20, co, 20]);
    }
    expect(windows.report(march2026 + 23 * HOUR, 'daily')).toMatchObject({
      concentrations: { co_24h: 2.1 },
      iaqi: { co_24h: 53 },
    });
  });

  test('exact halves still go to the even neighbour: twelve hours of CO 2.0 and twelve of 2.1 give 2.0', () => {
    const windows = new StationWindows();
    for (let hour = 0; hour < 24; hour += 1)
      windows.set(march2026 + hour * HOUR, [5, 20, 30, 20, hour % 2 === 0 ? 2.0 : 2.1, 20]);
    expect(windows.report(march2026 + 23 * HOUR, 'daily').concentrations.co_24h).toBe(2);
  });
});

describe('against an exact rational reference', () => {
  test('one value, 2026: iaqi rounds the decimal as written', () => {
    fc.assert(
      fc.property(nearTie({ min: 0, max: 400 }, '5'), (text) => {
        expect([text, iaqi('pm25_1h', Number(text), '2026')]).toEqual([
          text,
          referenceIaqi('pm25_1h', decimal(String(Number(text))), '2026'),
        ]);
      }),
      { numRuns: 500 },
    );
  });

  test('24-hour means, both editions: the windows decide on the exact mean', () => {
    fc.assert(
      fc.property(
        tieSequence({ min: 0, max: 9 }, '05', 2),
        tieSequence({ min: 10, max: 300 }, '5', 0),
        fc.constantFrom<Edition>('2012', '2026'),
        (coTexts, pmTexts, edition) => {
          const start = edition === '2026' ? march2026 : Date.parse('2019-12-10T01:00:00+08:00');
          const windows = new StationWindows();
          const hours = Math.min(coTexts.length, pmTexts.length);
          // Missing hours first, so that the window ending at the last hour holds exactly these values.
          for (let index = 0; index < hours; index += 1)
            windows.set(start + (24 - hours + index) * HOUR, [
              5,
              20,
              30,
              Number(pmTexts[index]),
              Number(coTexts[index]),
              20,
            ]);
          const end = start + 23 * HOUR;
          const report = windows.report(end, 'daily');
          const exact = (texts: readonly string[]) =>
            mean(texts.slice(0, hours).map((text) => decimal(String(Number(text)))));
          expect([report.iaqi.co_24h, report.iaqi.pm25_24h]).toEqual([
            referenceIaqi('co_24h', exact(coTexts), edition),
            referenceIaqi('pm25_24h', exact(pmTexts), edition),
          ]);
          // The published daily AQI is the one the hot path rated, equal to the full report's.
          expect(windows.dailyAqi(end)).toBe(report.aqi);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a unit's hour: the exact mean of its stations, rounded once", () => {
    fc.assert(
      fc.property(fc.array(nearTie({ min: 50, max: 900 }, '5'), { minLength: 1, maxLength: 11 }), (texts) => {
        const windows = new StationWindows();
        windows.writeMean(
          march2026,
          texts.flatMap((text) =>
            [5, 20, 30, 20, 0.5, 20].map((value, index) => (index === 1 ? Number(text) : value)),
          ),
          texts.length,
        );
        windows.flush();
        const expected = referenceIaqi(
          'no2_1h',
          mean(texts.map((text) => decimal(String(Number(text))))),
          '2026',
        );
        expect(windows.report(march2026, 'hourly').iaqi.no2_1h).toBe(expected);
        expect(windows.hourlyAqi(march2026)).toBe(windows.report(march2026, 'hourly').aqi);
      }),
      { numRuns: 300 },
    );
  });
});
