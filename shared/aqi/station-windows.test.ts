import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dailyAqiSeries } from '../rules/daily-series';
import { HOUR } from '../time';
import { StationWindows, WindowMemory } from './index';
import { carriedField, field, noHour, ozone, type WindowStore } from './window-store';

const na = Number.NaN;
const start = Date.parse('2019-12-01T01:00:00+08:00');
const at = (index: number) => start + index * HOUR;
/** SO2, NO2, PM10, PM2.5, CO, O3 of a hazy winter hour: 2012 daily AQI is PM2.5's, 100 + 50 × 5/40 → 107. */
const hazy = [10, 40, 100, 80, 1, 30];

function windowsWith(hours: number, values: (index: number) => readonly number[]): StationWindows {
  const windows = new StationWindows();
  for (let index = 0; index < hours; index += 1) windows.set(at(index), values(index));
  return windows;
}

describe('data validity (GB 3095-2026 Table 4)', () => {
  test('a 24-hour mean needs 20 hourly values: 19 is NA, 20 is valid', () => {
    const nineteen = windowsWith(24, (index) => (index < 5 ? [na, na, na, na, na, na] : hazy));
    expect(nineteen.mean24h('pm25', at(23))).toBeNull();
    expect(nineteen.report(at(23), 'daily').iaqi.pm25_24h).toBeNull();
    const twenty = windowsWith(24, (index) => (index < 4 ? [na, na, na, na, na, na] : hazy));
    expect(twenty.mean24h('pm25', at(23))).toBe(80);
    expect(twenty.dailyAqi(at(23))).toBe(107);
  });

  test('an 8-hour O3 mean needs 6 hourly values: 5 is NA, 6 is valid', () => {
    const ozone = (present: number) => (index: number) => [
      10,
      40,
      100,
      80,
      1,
      index >= 8 - present ? 120 : na,
    ];
    expect(windowsWith(8, ozone(5)).ozone8h(at(7))).toBeNull();
    expect(windowsWith(8, ozone(6)).ozone8h(at(7))).toBe(120);
  });

  test('missing and flagged (negative) hours are left out of the means, not counted as 0', () => {
    const windows = windowsWith(24, (index) => [
      10,
      40,
      100,
      index % 6 === 0 ? -999 : 80 + (index % 2),
      1,
      30,
    ]);
    // 20 valid values: 8 even hours at 80 and 12 odd hours at 81.
    expect(windows.mean24h('pm25', at(23))).toBe(80.6);
  });

  test('the daily maximum 8-hour O3 needs 14 valid 8-hour means in the window (HJ 663)', () => {
    // O3 present only in the last 13 + 5 hours gives 13 valid 8-hour means; 14 + 5 gives 14.
    const lastHours = (count: number) => (index: number) => [
      10,
      40,
      100,
      80,
      1,
      index >= 24 - count ? 100 : na,
    ];
    expect(windowsWith(24, lastHours(18)).report(at(23), 'daily').iaqi.o3_8h).toBeNull();
    expect(windowsWith(24, lastHours(19)).report(at(23), 'daily').iaqi.o3_8h).toBe(50);
  });

  test('the daily maximum 8-hour O3 is the highest 8-hour mean lying in the window', () => {
    // O3 200 for hours 9–16 of the day, 20 otherwise: that 8-hour mean is 200 → IAQI 100 + 50 × 40/55.
    const windows = windowsWith(24, (index) => [10, 40, 100, 80, 1, index >= 8 && index < 16 ? 200 : 20]);
    expect(windows.report(at(23), 'daily').iaqi.o3_8h).toBe(137);
    expect(windows.report(at(23), 'daily').iaqi.o3_1h).toBe(100);
  });
});

describe('reports at every hour', () => {
  test('the daily AQI at hour t is the 24-hour window ending at t, across midnight', () => {
    const windows = windowsWith(48, (index) => (index < 24 ? [10, 40, 40, 40, 1, 30] : hazy));
    expect(windows.dailyAqi(at(23))).toBe(57); // PM2.5 40: 50 + 50 × 5/40
    expect(windows.dailyAqi(at(35))).toBe(82); // 12 h of 40 and 12 h of 80: PM2.5 60 → 50 + 50 × 25/40
    expect(windows.dailyAqi(at(47))).toBe(107);
    expect(windows.dailyPrimaryPollutants(at(47))).toEqual(['pm25']);
  });

  test('2012 real-time AQI rates PM by the 24-hour moving mean; a single dirty hour barely moves it', () => {
    const windows = windowsWith(24, (index) => (index === 23 ? [10, 40, 100, 300, 1, 30] : hazy));
    // PM2.5 24 h = (23 × 80 + 300) / 24 = 89.17 → 100 + 50 × 14.17/40 = 117.7
    expect(windows.hourlyAqi(at(23))).toBe(118);
  });

  test('the edition switches by itself at 2026-03-01 00:00 Beijing time', () => {
    const switchover = Date.parse('2026-03-01T00:00:00+08:00');
    const windows = new StationWindows();
    for (let offset = -30; offset <= 0; offset += 1)
      windows.set(switchover + offset * HOUR, [10, 40, 40, 75, 1, 30]);
    expect(windows.dailyAqi(switchover - HOUR)).toBe(100); // 2012: PM2.5 75 → 100
    expect(windows.dailyAqi(switchover)).toBe(114); // 2026: 100 + 50 × 15/55
    expect(windows.hourlyAqi(switchover)).toBe(114);
  });

  test('the daily series gives D(t) at every hour, NaN where the window is invalid', () => {
    const windows = windowsWith(30, () => hazy);
    const { series, published, missing, primaryPollutants } = dailyAqiSeries(windows, at(0), at(35));
    expect(series.values.length).toBe(36);
    expect(series.lastObservedIndex).toBe(29);
    expect(Number.isNaN(series.values[17]!)).toBe(true);
    expect(missing[17]).toEqual([]);
    // After 19 hours only the O3 daily maximum 8 h is valid (14 means); 2012 publishes from what is present,
    // marked partial, and grading reads a partial value of 100 or less as missing (DOMAIN.md).
    expect(published[18]).toBe(15);
    expect(missing[18]).toEqual(['so2_24h', 'no2_24h', 'pm10_24h', 'co_24h', 'o3_1h', 'pm25_24h']);
    expect(Number.isNaN(series.values[18]!)).toBe(true);
    expect(series.values[19]).toBe(107);
    expect(missing[19]).toEqual([]);
    expect(series.values[29]).toBe(107);
    expect(Number.isNaN(series.values[30]!)).toBe(true);
    expect(primaryPollutants[29]).toEqual(['pm25']);
  });
});

describe('HJ 633-2026 at a station', () => {
  const march = Date.parse('2026-03-10T01:00:00+08:00');
  const withoutCarbonMonoxide = [10, 40, 40, 50, na, 30];

  test('a pollutant missing from the real-time report withholds an AQI of 100 or less (§5.3.1)', () => {
    const windows = new StationWindows();
    windows.set(march, withoutCarbonMonoxide);
    expect(windows.hourlyAqi(march)).toBeNull();
    expect(windows.report(march, 'hourly').iaqi.pm25_1h).toBe(80); // 50 + 50 × 15/25
  });

  test('unless the pollutant is outside the monitoring plan (§5.3.2)', () => {
    const windows = new StationWindows({ unmonitored: ['co'] });
    windows.set(march, withoutCarbonMonoxide);
    expect(windows.hourlyAqi(march)).toBe(80);
    expect(windows.hourlyPrimaryPollutants(march)).toEqual(['pm25']);
  });
});

describe('late and corrected hours', () => {
  test('a corrected hour changes exactly the 24 windows that contain it', () => {
    const windows = windowsWith(72, () => hazy);
    windows.set(at(30), [10, 40, 100, 800, 1, 30]);
    expect(windows.dailyAqi(at(29))).toBe(107);
    expect(windows.dailyAqi(at(30))).toBeGreaterThan(107);
    expect(windows.dailyAqi(at(53))).toBeGreaterThan(107);
    expect(windows.dailyAqi(at(54))).toBe(107);
  });

  test('any arrival order gives the same windows as the hours in order', () => {
    const hours = 60;
    const value = fc.oneof(fc.constant(na), fc.integer({ min: 0, max: 400 }));
    const hour = fc.tuple(value, value, value, value, value, value);
    fc.assert(
      fc.property(fc.array(hour, { minLength: hours, maxLength: hours }), fc.nat(), (rows, seed) => {
        const inOrder = windowsWith(hours, (index) => rows[index]!);
        const order = rows
          .map((_, index) => index)
          .sort((a, b) => ((a * 7919 + seed) % 61) - ((b * 7919 + seed) % 61));
        const shuffled = new StationWindows();
        for (const index of order) shuffled.set(at(index), rows[index]!);
        const loaded = new StationWindows();
        loaded.load(
          at(0),
          [0, 1, 2, 3, 4, 5].map((column) => rows.map((row) => row[column]!)),
        );
        for (let index = 0; index < hours; index += 1) {
          if (shuffled.dailyAqi(at(index)) !== inOrder.dailyAqi(at(index))) return false;
          if (shuffled.hourlyAqi(at(index)) !== inOrder.hourlyAqi(at(index))) return false;
          if (shuffled.report(at(index), 'daily').aqi !== inOrder.dailyAqi(at(index))) return false;
          if (loaded.dailyAqi(at(index)) !== inOrder.dailyAqi(at(index))) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  test('batches longer than the ring, with a correction pending, give the windows of hour-by-hour writes', () => {
    // A ring of 64 hours: a batch of 150 hours (and one that corrects an hour first) must slide the pending
    // windows before their values are overwritten, exactly as writing and flushing each hour does.
    const value = fc.oneof(fc.constant(na), fc.integer({ min: 0, max: 400 }));
    const hour = fc.tuple(value, value, value, value, value, value);
    fc.assert(
      fc.property(
        fc.array(hour, { minLength: 150, maxLength: 150 }),
        fc.integer({ min: 1, max: 40 }),
        hour,
        (rows, back, corrected) => {
          const batched = new StationWindows({ retainHours: 64 });
          const flushed = new StationWindows({ retainHours: 64 });
          for (let index = 0; index < 60; index += 1) {
            batched.write(at(index), rows[index]!);
            flushed.set(at(index), rows[index]!);
          }
          batched.flush();
          batched.write(at(59 - back), corrected);
          flushed.set(at(59 - back), corrected);
          for (let index = 60; index < rows.length; index += 1) {
            batched.write(at(index), rows[index]!);
            flushed.set(at(index), rows[index]!);
          }
          for (let index = rows.length - 64; index < rows.length; index += 1) {
            expect(batched.dailyAqi(at(index))).toBe(flushed.dailyAqi(at(index)));
            expect(batched.hourlyAqi(at(index))).toBe(flushed.hourlyAqi(at(index)));
            expect(batched.ozone8h(at(index))).toBe(flushed.ozone8h(at(index)));
          }
          const fresh = new StationWindows({ retainHours: 64 });
          for (let index = 0; index < rows.length; index += 1) fresh.write(at(index), rows[index]!);
          fresh.flushFrom(at(rows.length - 1));
          expect(fresh.dailyAqi(at(rows.length - 1))).toBe(flushed.dailyAqi(at(rows.length - 1)));
          for (let index = rows.length - 40; index < rows.length; index += 1)
            expect(fresh.report(at(index), 'daily')).toEqual(flushed.report(at(index), 'daily'));
        },
      ),
      { numRuns: 100 },
    );
  });

  test('sub-indices kept by one hour’s rating stay true through corrections of other pollutants', () => {
    // An hour rated alone keeps its sub-indices; a correction that keeps O3 clears only the changed
    // pollutants' (rewriteHour), and the daily report takes the real-time report's 24-hour means. Reading
    // single hours between corrections, in both editions, must give what windows written once answer.
    const value = fc.oneof(fc.constant(na), fc.integer({ min: 0, max: 400 }));
    const hour = fc.tuple(value, value, value, value, value, value);
    const correction = fc.tuple(fc.nat(23), fc.nat(4), value, fc.nat(3));
    fc.assert(
      fc.property(
        fc.array(hour, { minLength: 48, maxLength: 48 }),
        fc.array(correction, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(start, Date.parse('2026-03-10T01:00:00+08:00')),
        (rows, corrections, first) => {
          const time = (index: number) => first + index * HOUR;
          const answers = (windows: StationWindows, index: number) => [
            windows.hourlyAqi(time(index)),
            windows.dailyAqi(time(index)),
            windows.hourlyPrimaryPollutants(time(index)),
            windows.dailyPrimaryPollutants(time(index)),
            windows.hourlyMissingIndicators(time(index)),
            windows.dailyMissingIndicators(time(index)),
          ];
          const values = rows.map((row) => [...row]);
          const windows = new StationWindows();
          for (let index = 0; index < values.length; index += 1) {
            windows.set(time(index), values[index]!);
            answers(windows, index);
          }
          for (const [back, species, corrected, reads] of corrections) {
            const index = values.length - 1 - back;
            values[index]![species] = corrected;
            windows.set(time(index), values[index]!);
            // Some hours read one at a time (kept sub-indices reused), or a run rated at once.
            if (reads === 0) windows.rate(time(index), time(values.length - 1));
            for (let read = values.length - 1; read >= index; read -= 1 + reads) answers(windows, read);
          }
          const fresh = new StationWindows();
          for (let index = 0; index < values.length; index += 1) fresh.write(time(index), values[index]!);
          fresh.flush();
          for (let index = 24; index < values.length; index += 1)
            expect(answers(windows, index), `hour ${index}`).toEqual(answers(fresh, index));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('corrected hours, O3 among them, leave every window as windows written once hold it, field by field', () => {
    // The 24-hour and 8-hour sums, the valid means and both O3 maxima (the latest hour of equals), with the
    // corrections flushed at once or left pending. Few distinct values and many missing hours make ties and
    // flipped validity common.
    const value = fc.oneof(fc.constant(na), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 400 }));
    const hour = fc.tuple(value, value, value, value, value, value);
    const correction = fc.tuple(fc.nat(40), value, fc.option(hour), fc.boolean());
    const fields = (windows: StationWindows, index: number) => {
      const store = (windows as unknown as { windows: WindowStore }).windows;
      const record = store.base + (((at(index) / HOUR) & store.ring.mask) << store.shift);
      return Array.from(store.records.subarray(record + 6, record + 23));
    };
    fc.assert(
      fc.property(
        fc.array(hour, { minLength: 60, maxLength: 60 }),
        fc.array(correction, { minLength: 1, maxLength: 10 }),
        (rows, corrections) => {
          const values = rows.map((row) => [...row]);
          const windows = new StationWindows({ retainHours: 64 });
          for (let index = 0; index < values.length; index += 1) windows.set(at(index), values[index]!);
          for (const [back, ozone, whole, read] of corrections) {
            const index = values.length - 1 - back;
            values[index] = whole ? [...whole] : [...values[index]!.slice(0, 5), ozone];
            windows.write(at(index), values[index]!);
            if (read) windows.flush();
          }
          const fresh = new StationWindows({ retainHours: 64 });
          for (let index = 0; index < values.length; index += 1) fresh.write(at(index), values[index]!);
          fresh.flush();
          for (let index = 0; index < values.length; index += 1) {
            expect(fields(windows, index), `hour ${index}`).toEqual(fields(fresh, index));
            expect(windows.report(at(index), 'daily')).toEqual(fresh.report(at(index), 'daily'));
            expect(windows.report(at(index), 'hourly')).toEqual(fresh.report(at(index), 'hourly'));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test('the O3 maxima carried from window to window are the values at the maxima’s hours, through corrections', () => {
    // The slide carries the highest hour's value and the highest 8-hour mean's sum and count instead of
    // reading those hours' records; every window must hold what those records hold. Stores sharing a
    // WindowMemory (the engine's layout), corrections of O3 flushed at once or left pending, gaps skipped.
    const value = fc.oneof(fc.constant(na), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 400 }));
    const hour = fc.tuple(value, value, value, value, value, value);
    const correction = fc.tuple(fc.nat(40), value, fc.boolean());
    fc.assert(
      fc.property(
        fc.array(fc.tuple(hour, fc.nat(3)), { minLength: 60, maxLength: 90 }),
        fc.array(correction, { maxLength: 12 }),
        fc.nat(2),
        (rows, corrections, position) => {
          const memory = new WindowMemory(64);
          const stations = [0, 1, 2].map(() => new StationWindows({ memory }));
          const windows = stations[position]!;
          const written: number[] = [];
          let index = 0;
          for (const [row, gap] of rows) {
            index += gap === 0 ? 2 : 1;
            windows.set(at(index), row);
            written.push(index);
          }
          for (const [back, o3, read] of corrections) {
            const target = written[Math.max(0, written.length - 1 - back)]!;
            windows.write(at(target), [1, 2, 3, 4, 0.5, o3]);
            if (read) windows.flush();
          }
          windows.flush();
          const store = (windows as unknown as { windows: WindowStore }).windows;
          const { records, carried, ring } = store;
          // Windows whose 24 hours the ring still holds (an older hour's slot holds a newer hour now).
          for (let hourIndex = index - 40; hourIndex <= index; hourIndex += 1) {
            const slot = (at(hourIndex) / HOUR) & ring.mask;
            const record = store.base + (slot << store.shift);
            const kept = store.carriedBase + (slot << store.carriedShift);
            const highest = records[record + field.highestHour]!;
            if (highest !== noHour)
              expect(carried[kept + carriedField.highestValue], `hour ${hourIndex}`).toBe(
                records[store.base + ((highest & ring.mask) << store.shift) + ozone],
              );
            const best = records[record + field.highest8hHour]!;
            if (best === noHour) continue;
            const bestRecord = store.base + ((best & ring.mask) << store.shift);
            expect(carried[kept + carriedField.highest8hSum], `hour ${hourIndex}`).toBe(
              records[bestRecord + field.sum8],
            );
            expect(carried[kept + carriedField.highest8hCount], `hour ${hourIndex}`).toBe(
              records[bestRecord + field.count8],
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test('O3 maxima found when a daily report is read equal the maxima slid hour by hour, through corrections', () => {
    // Windows with ozoneMaximaWhenRead (the engine's stations) rate every daily report as windows that slide
    // their maxima: ties, gaps, missing and inexact values, corrections after some windows were read (the
    // maxima found then must be found again), the column pass of a range and the single-hour path, both
    // editions (2026's daily report has the 8-hour maximum without the 1-hour one).
    const value = fc.oneof(
      { arbitrary: fc.constant(na), weight: 1 },
      { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 4 },
      { arbitrary: fc.integer({ min: 0, max: 400 }), weight: 4 },
      { arbitrary: fc.constant(1 / 3), weight: 1 },
    );
    const hour = fc.tuple(value, value, value, value, value, value);
    const correction = fc.tuple(fc.nat(40), hour, fc.boolean(), fc.nat(30));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(hour, fc.nat(3)), { minLength: 60, maxLength: 90 }),
        fc.array(correction, { maxLength: 12 }),
        fc.nat(20),
        fc.nat(2),
        fc.constantFrom('2012' as const, '2026' as const),
        (rows, corrections, rangeStart, position, edition) => {
          // A ring that does not wrap: after a wrap, a correction of an hour less than 24 hours after the
          // ring's first re-slides windows reading dropped slots, and slid maxima carry that on
          // (docs/PERFORMANCE.md, AQI engine, fifteenth pass).
          const found = new WindowMemory(256);
          const slid = new WindowMemory(256);
          const pairs = [0, 1, 2].map(() => ({
            found: new StationWindows({ memory: found, edition, ozoneMaximaWhenRead: true }),
            slid: new StationWindows({ memory: slid, edition }),
          }));
          const pair = pairs[position]!;
          const written: number[] = [];
          let index = 0;
          for (const [row, gap] of rows) {
            index += gap === 0 ? 2 : 1;
            pair.found.set(at(index), row);
            pair.slid.set(at(index), row);
            written.push(index);
          }
          for (const [back, row, flush, readBack] of corrections) {
            const target = written[Math.max(0, written.length - 1 - back)]!;
            pair.found.write(at(target), row);
            pair.slid.write(at(target), row);
            if (!flush) continue;
            // Read now (maxima found), so a later correction must have them found again.
            const read = at(index - readBack);
            expect(pair.found.dailyAqi(read), `read ${index - readBack}`).toBe(pair.slid.dailyAqi(read));
          }
          // Windows whose 24 hours the ring still holds; part of them rated as a range (the column pass).
          pair.found.rate(at(index - 40 + rangeStart), at(index), 'daily');
          for (let hourIndex = index - 40; hourIndex <= index; hourIndex += 1) {
            const time = at(hourIndex);
            const label = `hour ${hourIndex}`;
            // Some windows read first by the full report (its own path to the maxima).
            if (hourIndex % 3 === 0)
              expect(pair.found.report(time, 'daily'), label).toEqual(pair.slid.report(time, 'daily'));
            expect(pair.found.dailyAqi(time), label).toBe(pair.slid.dailyAqi(time));
            expect(pair.found.dailyPrimaryPollutants(time), label).toEqual(
              pair.slid.dailyPrimaryPollutants(time),
            );
            expect(pair.found.dailyMissingIndicators(time), label).toEqual(
              pair.slid.dailyMissingIndicators(time),
            );
            expect(pair.found.report(time, 'daily'), label).toEqual(pair.slid.report(time, 'daily'));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test('windows flushed together hold, field by field, what each flushed alone holds', () => {
    // StationWindows.flushAll slides hour by hour across windows sharing a WindowMemory (the engine's flush):
    // 40 windows over two blocks of memory, each with its own hours, gaps, corrections and new hours pending
    // (or none), some flushed before only from their newest day (flushFrom), O3 maxima slid or found when
    // read. Every record and carried value must equal what flushing each window alone gives.
    const value = fc.oneof(fc.constant(na), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 400 }));
    const hour = fc.tuple(value, value, value, value, value, value);
    const station = fc.record({
      offset: fc.nat(30),
      length: fc.integer({ min: 1, max: 90 }),
      tail: fc.boolean(),
      maximaWhenRead: fc.boolean(),
      pending: fc.array(fc.tuple(fc.integer({ min: -40, max: 3 }), hour), { maxLength: 4 }),
    });
    const memoryOf = (windows: StationWindows) => {
      const store = (windows as unknown as { windows: WindowStore }).windows;
      const record = (slot: number) => store.base + (slot << store.shift);
      const kept = (slot: number) => store.carriedBase + (slot << store.carriedShift);
      return Array.from({ length: store.capacity }, (_, slot) => [
        ...store.records.subarray(record(slot), record(slot) + 32),
        ...store.carried.subarray(kept(slot), kept(slot) + 4),
      ]);
    };
    fc.assert(
      fc.property(fc.array(station, { minLength: 40, maxLength: 40 }), hour, (stations, filler) => {
        const build = () => {
          const memory = new WindowMemory(64);
          return stations.map(({ offset, length, tail, maximaWhenRead, pending }, index) => {
            const windows = new StationWindows({ memory, ozoneMaximaWhenRead: maximaWhenRead });
            for (let step = 0; step < length; step += 1)
              if ((step + index) % 7 !== 3) windows.write(at(offset + step), step % 5 === 0 ? filler : hazy);
            if (tail) windows.flushFrom(at(offset + length - 1));
            else windows.flush();
            for (const [back, row] of pending) windows.write(at(offset + length - 1 + back), row);
            return windows;
          });
        };
        const together = build();
        const alone = build();
        StationWindows.flushAll(together);
        for (const windows of alone) windows.flush();
        together.forEach((windows, index) => {
          expect(memoryOf(windows), `station ${index}`).toEqual(memoryOf(alone[index]!));
        });
      }),
      { numRuns: 100 },
    );
  });

  test('a correction whose windows would read hours the ring has overwritten is refused, its windows kept', () => {
    // 64 slots, 70 hours written: hours 0-5 are overwritten by 64-69. Hour 10's windows read back to hour
    // −14, i.e. through 0-5, though hour 10 − 24 lies before the first hour ever written.
    const windows = new StationWindows({ retainHours: 64 });
    const hour = (index: number) => [10, 40, 100, index < 64 ? 10 : 500, 1, index < 64 ? 30 : 200];
    for (let index = 0; index < 70; index += 1) windows.set(at(index), hour(index));
    const before = [23, 30, 33].map((index) => windows.report(at(index), 'daily'));
    expect(windows.set(at(10), [10, 40, 100, 34, 1, 90])).toBe(false);
    expect([23, 30, 33].map((index) => windows.report(at(index), 'daily'))).toEqual(before);
    expect(windows.mean24h('pm25', at(30))).toBe(10);
    // Hour 30's windows read back to hour 6, which the ring still holds: corrected in place.
    expect(windows.set(at(30), [10, 40, 100, 34, 1, 30])).toBe(true);
    expect(windows.mean24h('pm25', at(30))).toBe(11);
  });

  test('an hour older than the ring can correct is refused; gaps are missing hours', () => {
    const windows = new StationWindows({ retainHours: 64 });
    windows.set(at(0), hazy);
    windows.set(at(100), hazy);
    expect(windows.set(at(10), hazy)).toBe(false);
    expect(windows.mean24h('pm25', at(100))).toBeNull();
    expect(windows.newestHour).toBe(at(100));
  });
});
