import fc from 'fast-check';
import { expect, test } from 'vitest';
import { toBeijingIso } from '../../shared/time';
import type { StoredObservationRecord } from '../store/types';
import { observationsJson } from './observations-json';

/** The body as the read route built it before: a row object each, then JSON.stringify. */
function reference(station: string, records: readonly StoredObservationRecord[]): string {
  return JSON.stringify({
    observations: records.map(([time, so2, no2, pm10, pm25, co, o3, flags, receivedAt, source]) => ({
      station,
      time: toBeijingIso(time),
      values: { so2, no2, pm10, pm25, co, o3 },
      flags: flags === null ? {} : JSON.parse(flags),
      receivedAt,
      source,
    })),
  });
}

const value = fc.oneof(
  fc.constant(null),
  fc.double(),
  fc.integer({ min: 0, max: 2000 }),
  fc.constantFrom(0.1, 2.05, 36.5000001, -0, 1e21, 1e-7, Number.MAX_VALUE, Number.MIN_VALUE),
);
const flags = fc.oneof(
  fc.constant(null),
  fc
    .dictionary(
      fc.constantFrom('pm25', 'pm10', 'co', 'o3'),
      fc.array(fc.constantFrom('stuck', 'spike', 'range')),
    )
    .map((flagged) => JSON.stringify(flagged)),
);
const source = fc.oneof(fc.constantFrom('feeder:cnemc', 'account:duty'), fc.string({ unit: 'grapheme' }));
const record: fc.Arbitrary<StoredObservationRecord> = fc.tuple(
  fc.integer({ min: 0, max: 400_000 }).map((hours) => Date.UTC(1990, 0, 1) + hours * 3_600_000),
  value,
  value,
  value,
  value,
  value,
  value,
  flags,
  fc.integer({ min: 0, max: 2 ** 52 }),
  source,
);

test('the read route writes exactly the text JSON.stringify gives for the rows as objects (more than one batch of rows)', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme' }),
      fc.array(record, { maxLength: 150, size: 'max' }),
      (station, records) => {
        expect(observationsJson(station, records).toString()).toBe(reference(station, records));
      },
    ),
    { numRuns: 200 },
  );
});

test('a run of rows of one source, then another, then the first again, then a long one', () => {
  const row = (source: string, hour: number): StoredObservationRecord => [
    Date.UTC(2019, 0, 1, hour),
    1,
    null,
    2.5,
    Number.POSITIVE_INFINITY,
    Number.NaN,
    3,
    null,
    1_733_000_000_000 + hour,
    source,
  ];
  // A source longer than a row's share of the buffer makes it grow.
  const records = [row('a', 0), row('a', 1), row('b "quoted"', 2), row('a', 3), row('长'.repeat(2000), 4)];
  expect(observationsJson('1671A', records).toString()).toBe(reference('1671A', records));
  expect(observationsJson('1671A', []).toString()).toBe('{"observations":[]}');
});
