import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { StationWindows, WindowMemory } from '../../shared/aqi';
import { dailyAqiSeries } from '../../shared/rules';
import { HOUR } from '../../shared/time';
import { liveHours } from './data';
import { dustWindows } from './dust-hours';
import { observedWindows } from './observed-windows';

/**
 * observedWindows keeps what it read per window under the windows' revision: after any write (a new hour, a
 * gap, a late correction that keeps or changes O3, an hour resent unchanged, a rebuild) it must answer
 * exactly what reading every window afresh answers (dailyAqiSeries, the PM2.5 mean, dustWindows).
 */
const first = Date.parse('2026-02-22T01:00:00+08:00');
const span = 168;

/** so2, no2, pm10, pm25, co, o3: dust-like hours (much PM10, little PM2.5) among polluted and missing ones. */
const pm = fc.oneof(fc.integer({ min: 0, max: 900 }), fc.constant(null));
const hourValues = fc
  .tuple(
    fc.integer({ min: 0, max: 80 }),
    fc.integer({ min: 0, max: 120 }),
    pm,
    pm,
    fc.constantFrom(0.6, 1.2, 2.05, 2.0500001),
    fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(null)),
  )
  .map((values) => [...values]);

type Step =
  | { kind: 'next'; gap: number; values: (number | null)[] }
  | { kind: 'correct'; back: number; values: (number | null)[]; keepOzone: boolean }
  | { kind: 'resend'; back: number }
  | { kind: 'rebuild' }
  | { kind: 'extend'; hours: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('next'), gap: fc.nat(2), values: hourValues }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('correct'),
      back: fc.nat(200),
      values: hourValues,
      keepOzone: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resend'), back: fc.nat(200) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rebuild') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extend'), hours: fc.integer({ min: 1, max: 3 }) }) },
) as fc.Arbitrary<Step>;

function afresh(windows: StationWindows, start: number, now: number) {
  const observed = dailyAqiSeries(windows, start, now, now);
  const pm25Daily = Float64Array.from(
    observed.published,
    (_, index) => windows.mean24h('pm25', start + index * HOUR) ?? Number.NaN,
  );
  return {
    graded: observed.series.values,
    published: observed.published,
    missing: observed.missing,
    primary: observed.primaryPollutants,
    pm25Daily,
    dust: dustWindows(windows, start, now, { pm25Daily, primary: observed.primaryPollutants }),
  };
}

describe('observedWindows', () => {
  test('answers as every window read afresh, after new hours, corrections, resends and rebuilds', () => {
    fc.assert(
      fc.property(
        fc.array(hourValues, { minLength: 40, maxLength: 40 }),
        fc.array(step, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (initial, steps, shared) => {
          const memory = shared ? new WindowMemory(liveHours) : undefined;
          const windows = new StationWindows(memory ? { memory } : { retainHours: liveHours });
          const stored = new Map<number, (number | null)[]>();
          let newest = first - HOUR;
          const write = (hourEnd: number, values: (number | null)[]) => {
            if (!windows.write(hourEnd, values)) return;
            stored.set(hourEnd, values);
            newest = Math.max(newest, hourEnd);
          };
          for (const values of initial) write(newest + HOUR, values);
          let now = newest;
          // No flush before reading: the reads bring pending writes up to date themselves.
          const check = () => {
            const start = now - (span - 1) * HOUR;
            expect(observedWindows(windows, start, now)).toEqual(afresh(windows, start, now));
          };
          check();
          for (const next of steps) {
            if (next.kind === 'next') write(newest + (next.gap + 1) * HOUR, next.values);
            else if (next.kind === 'correct') {
              const hour = newest - next.back * HOUR;
              const before = stored.get(hour) ?? [null, null, null, null, null, null];
              write(hour, next.keepOzone ? [...next.values.slice(0, 5), before[5]!] : next.values);
            } else if (next.kind === 'resend') {
              const hour = newest - next.back * HOUR;
              const before = stored.get(hour);
              if (before) write(hour, before);
            } else if (next.kind === 'rebuild') {
              // As EngineData.recomputeAll: cleared, the stored hours written again, the newest computed first.
              windows.clear();
              const from = newest - (liveHours - 1) * HOUR;
              const run = new Float64Array(liveHours * 6).fill(Number.NaN);
              for (let hour = 0; hour < liveHours; hour += 1)
                (stored.get(from + hour * HOUR) ?? []).forEach((value, species) => {
                  if (value !== null) run[hour * 6 + species] = value;
                });
              StationWindows.writeRuns([windows], [from], liveHours, run, [0], 6);
              windows.flushFrom(newest);
            } else {
              windows.extendTo(newest + next.hours * HOUR);
              newest += next.hours * HOUR;
            }
            now = newest;
            check();
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
