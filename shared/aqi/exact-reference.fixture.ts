import fc from 'fast-check';
import type { Edition, Indicator } from './index';

/**
 * Test fixture for issue 17.2 (rounding.test.ts here and test/integration/rounding.test.ts): an exact
 * reference in BigInt rationals from the decimal text, written independently of the engine's integer
 * ticks, and generators of decimal values whose means sit on or a hair beside a GB/T 8170 tie.
 */
export type Rational = { n: bigint; d: bigint };

/** A decimal text (as String(number) writes it, exponent included) as an exact rational. */
export function decimal(text: string): Rational {
  const [mantissa, exponent = '0'] = text.split('e') as [string, string?];
  const [whole, fraction = ''] = mantissa.split('.') as [string, string?];
  const shift = Number(exponent) - fraction.length;
  const digits = BigInt(whole + fraction);
  return shift >= 0 ? { n: digits * 10n ** BigInt(shift), d: 1n } : { n: digits, d: 10n ** BigInt(-shift) };
}

export function mean(values: readonly Rational[]): Rational {
  let sum: Rational = { n: 0n, d: 1n };
  for (const value of values) sum = { n: sum.n * value.d + value.n * sum.d, d: sum.d * value.d };
  return { n: sum.n, d: sum.d * BigInt(values.length) };
}

/** GB/T 8170: to the nearest multiple of 1/factor; exactly half way, to the even one. */
function roundHalfEven(value: Rational, factor: bigint): bigint {
  const scaled = value.n * factor;
  const whole = scaled / value.d;
  const twice = 2n * (scaled - whole * value.d);
  return twice > value.d || (twice === value.d && whole % 2n === 1n) ? whole + 1n : whole;
}

const levels = [0n, 50n, 100n, 150n, 200n, 300n, 400n, 500n];
const tables: Partial<Record<Indicator, bigint[]>> = {
  pm25_1h: [0n, 35n, 60n, 115n, 150n, 250n, 350n, 500n],
  pm25_24h: [0n, 35n, 60n, 115n, 150n, 250n, 350n, 500n],
  co_24h: [0n, 2n, 4n, 14n, 24n, 36n, 48n, 60n],
  no2_1h: [0n, 100n, 200n, 700n, 1200n, 2340n, 3090n, 3840n],
};
const tables2012: Partial<Record<Indicator, bigint[]>> = {
  pm25_24h: [0n, 35n, 75n, 115n, 150n, 250n, 350n, 500n],
  co_24h: [0n, 2n, 4n, 14n, 24n, 36n, 48n, 60n],
};

/** Formula (1) rounded up, on an exact concentration inside the table. */
export function referenceIaqi(indicator: Indicator, value: Rational, edition: Edition): number {
  const table = (edition === '2026' ? tables : tables2012)[indicator]!;
  const factor = indicator.startsWith('co') ? 10n : 1n;
  // 2026 §4.2.2: the concentration is first rounded (CO to 0.1 mg/m³, the rest to 1 µg/m³).
  const used = edition === '2026' ? { n: roundHalfEven(value, factor), d: factor } : value;
  let segment = 1;
  while (used.n > table[segment]! * used.d) segment += 1;
  const rise = (levels[segment]! - levels[segment - 1]!) * (used.n - table[segment - 1]! * used.d);
  const run = (table[segment]! - table[segment - 1]!) * used.d;
  const quotient = rise / run;
  return Number(levels[segment - 1]! + quotient + (quotient * run === rise ? 0n : 1n));
}

/** Decimal texts near the ties and breakpoints that matter: k + 0.5 (or 0.05 for CO) ± a few last digits. */
export function nearTie(whole: { min: number; max: number }, tie: string) {
  return fc
    .tuple(
      fc.integer(whole),
      fc.constantFrom('', '0', '00000', '0000000', '00000000000'),
      fc.integer({ min: -3, max: 3 }),
    )
    .map(([integer, zeros, nudge]) => {
      // The tie itself, or a few units in one more decimal place above or below it.
      const base = decimal(`${integer}.${tie}${zeros}0`);
      const n = base.n + BigInt(nudge);
      const places = base.d.toString().length - 1;
      const digits = n.toString().padStart(places + 1, '0');
      return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    });
}

/**
 * 20 to 24 decimal values whose exact mean is a tie (k + 0.5, or k.k5 for CO) or lies a few units of the
 * 7th, 9th or 12th decimal place away from it: the cases a rounding before the mean gets wrong. The last
 * value is what makes the mean; the others carry `places` decimals.
 */
export function tieSequence(
  whole: { min: number; max: number },
  tie: string,
  places: number,
  beside: { precisions: number[]; nudges: number[] } = {
    precisions: [7, 9, 12],
    nudges: [-3, -2, -1, 0, 1, 2, 3],
  },
) {
  return fc
    .tuple(
      fc.integer({ min: 20, max: 24 }),
      fc.integer(whole),
      fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 12, maxLength: 12 }),
      fc.constantFrom(...beside.precisions),
      fc.constantFrom(...beside.nudges),
    )
    .map(([count, integer, spreads, precision, nudge]) => {
      const scale = 10n ** BigInt(precision);
      const target = decimal(`${integer}.${tie}`);
      const centre = (target.n * scale) / target.d;
      const unit = 10n ** BigInt(precision - places);
      // Pairs around the tie (+s, −s) keep the others' mean on it; the last value carries the nudge.
      const others = Array.from({ length: count - 1 }, (_, index) => {
        const spread = BigInt(spreads[index >> 1]!) * unit;
        const value =
          index === count - 2 && index % 2 === 0
            ? centre
            : index % 2 === 0
              ? centre + spread
              : centre - spread;
        return value < 0n ? 0n : value;
      });
      const total = centre * BigInt(count) + BigInt(nudge);
      const last = total - others.reduce((sum, value) => sum + value, 0n);
      return [...others, last < 0n ? 0n : last].map((value) => {
        const digits = value.toString().padStart(precision + 1, '0');
        return `${digits.slice(0, -precision)}.${digits.slice(-precision)}`;
      });
    });
}
