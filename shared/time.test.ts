import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR, toBeijingIso, toBeijingIsoByDate } from './time';

/** The text, or the error's message: beyond ±8.64e15 ms both throw (an invalid Date). */
function outcome(format: (ms: number) => string, ms: number): string {
  try {
    return format(ms);
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
}

describe('toBeijingIso', () => {
  it('writes Beijing time with its offset', () => {
    expect(toBeijingIso(Date.parse('2019-01-05T05:00:00Z'))).toBe('2019-01-05T13:00:00+08:00');
    expect(toBeijingIso(Date.parse('2020-02-28T16:59:59.999Z'))).toBe('2020-02-29T00:59:59+08:00');
  });

  it('gives the same text as through Date#toISOString, at any instant', () => {
    const instants = fc.oneof(
      fc.integer({ min: -9e15, max: 9e15 }),
      fc.integer({ min: -10_000 * HOUR, max: 300_000_000 * HOUR }).map((hours) => hours * HOUR),
      fc.integer({ min: 253_402_200_000_000, max: 253_402_400_000_000 }),
      fc.double({ min: -1e14, max: 1e14, noNaN: true }),
    );
    fc.assert(
      fc.property(instants, (ms) => outcome(toBeijingIso, ms) === outcome(toBeijingIsoByDate, ms)),
      { numRuns: 20_000 },
    );
  });

  it('gives the same text over every hour end of 2013–2040 and around each edge of the fast path', () => {
    for (let ms = Date.parse('2013-01-01T00:00:00Z'); ms < Date.parse('2041-01-01T00:00:00Z'); ms += HOUR)
      if (toBeijingIso(ms) !== toBeijingIsoByDate(ms)) expect(toBeijingIso(ms)).toBe(toBeijingIsoByDate(ms));
    for (const edge of [-8 * HOUR, 253_402_300_800_000 - 8 * HOUR])
      for (let ms = edge - 2000; ms <= edge + 2000; ms += 1)
        expect(toBeijingIso(ms)).toBe(toBeijingIsoByDate(ms));
  });
});
