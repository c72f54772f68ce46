/**
 * Concentrations as exact numbers. A value is the decimal its sender wrote (the shortest decimal that
 * round-trips the JS number: 36.5000001 is 36.5000001, 2.1 is 2.1, not the nearest binary fraction).
 * The hot path counts whole ticks: 1 µg/m³ (CO 1 mg/m³) is 2,520 million ticks, so every value with up to
 * six decimals, and every mean of up to 10 such values (2,520 = lcm(1 … 10)), is a whole number of ticks
 * and the windows' sums are exact integers in a Float64 (a 24-hour sum times a sub-index's slope stays
 * below 2^53). Anything else (more decimals, a mean of 11 stations) is carried as an exact BigInt rational
 * and decided on the slow path.
 */

/** One millionth of a unit, divided by lcm(1 … 10). */
export const ticksPerUnit = 2_520_000_000;
const ticksPerMicro = 2520;
/**
 * Above this (the physical maximum of any hourly mean) a window's products could leave the exact integers
 * of a double: such a value takes the slow path.
 */
const largestFastValue = 10_000;

/** An exact non-negative rational; the denominator is positive. */
export type Rational = { numerator: bigint; denominator: bigint };

/**
 * Whole ticks of a decimal value, or NaN when it is missing (null, NaN, negative) or not a whole number of
 * ticks (then exactValue gives it).
 */
export function ticksOf(value: number | null | undefined): number {
  if (value === null || value === undefined || !(value >= 0) || value > largestFastValue) return Number.NaN;
  // Most concentrations are whole µg/m³.
  if (Number.isInteger(value)) return value * ticksPerUnit;
  const micros = Math.round(value * 1_000_000);
  // Below a million, two six-decimal values never share a double: equality means the value has ≤ 6 decimals.
  return micros / 1_000_000 === value ? micros * ticksPerMicro : Number.NaN;
}

export function isMissing(value: number | null | undefined): boolean {
  return value === null || value === undefined || !(value >= 0) || !Number.isFinite(value);
}

/** The exact decimal a JS number stands for (its shortest round-trip digits); null for missing or negative. */
export function exactValue(value: number | null | undefined): Rational | null {
  if (isMissing(value)) return null;
  const [mantissa, exponentText] = String(value).split('e') as [string, string | undefined];
  const [whole, fraction = ''] = mantissa.split('.') as [string, string | undefined];
  const exponent = Number(exponentText ?? 0) - fraction.length;
  const digits = BigInt(whole + fraction);
  return exponent >= 0
    ? { numerator: digits * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator: digits, denominator: 10n ** BigInt(-exponent) };
}

export function ticksAsRational(ticks: number): Rational {
  return { numerator: BigInt(ticks), denominator: BigInt(ticksPerUnit) };
}

export function add(a: Rational, b: Rational): Rational {
  return {
    numerator: a.numerator * b.denominator + b.numerator * a.denominator,
    denominator: a.denominator * b.denominator,
  };
}

export function divide(a: Rational, divisor: number): Rational {
  return { numerator: a.numerator, denominator: a.denominator * BigInt(divisor) };
}

/** a < b: −1, a = b: 0, a > b: 1. */
export function compare(a: Rational, b: Rational): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function toNumber(a: Rational): number {
  const whole = a.numerator / a.denominator;
  const rest = a.numerator - whole * a.denominator;
  return Number(whole) + Number((rest * 1_000_000_000_000n) / a.denominator) / 1e12;
}

/** GB/T 8170 to an integer: nearest, and a tie (exactly one half) to the even neighbour. */
export function roundHalfEvenExact(a: Rational): bigint {
  const quotient = a.numerator / a.denominator;
  const twice = 2n * (a.numerator - quotient * a.denominator);
  if (twice > a.denominator || (twice === a.denominator && quotient % 2n !== 0n)) return quotient + 1n;
  return quotient;
}

/** The smallest integer at or above a. */
export function ceilingExact(a: Rational): bigint {
  const quotient = a.numerator / a.denominator;
  return quotient * a.denominator === a.numerator ? quotient : quotient + 1n;
}
