/**
 * Piecewise-linear sub-index (HJ 633-2012 §4.2 formula (1), HJ 633-2026 §4.2.4) on exact integers: the
 * concentration is numerator / denominator, both integers below 2^53, so a value on a breakpoint gives
 * exactly that breakpoint's IAQI and the upward rounding (2012 §6.2, 2026 §4.2.6) is decided on integers.
 */

/** IAQI at each breakpoint column of Table 1 (2012) / Table 3 (2026). */
export const iaqiLevels = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/** Returned by subIndexOf when the concentration is above the scale's last breakpoint. */
export const aboveScale = -1;

/** ⌈numerator / denominator⌉ for integers (numerator ≥ 0), exact: the remainder is computed, not guessed. */
export function ceilDivide(numerator: number, denominator: number): number {
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  return remainder > 0 ? quotient + 1 : quotient;
}

/**
 * table[offset + k] is the concentration at iaqiLevels[k], for k < count. Integer breakpoints keep every
 * product exact for any concentration inside the table (a 24-hour sum of ticks times ΔIAQI stays < 2^53).
 */
export function subIndexOf(
  table: Float64Array,
  offset: number,
  count: number,
  numerator: number,
  denominator: number,
): number {
  const last = offset + count - 1;
  if (numerator > table[last]! * denominator) return aboveScale;
  let segment = offset + 1;
  while (numerator > table[segment]! * denominator) segment += 1;
  const low = table[segment - 1]!;
  const iaqiLow = iaqiLevels[segment - offset - 1]!;
  const rise = (iaqiLevels[segment - offset]! - iaqiLow) * (numerator - low * denominator);
  return iaqiLow + ceilDivide(rise, (table[segment]! - low) * denominator);
}

/** GB/T 8170 rounding of numerator / denominator to an integer: nearest, ties to even. */
export function roundHalfEven(numerator: number, denominator: number): number {
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  const twice = 2 * remainder;
  if (twice > denominator || (twice === denominator && quotient % 2 !== 0)) return quotient + 1;
  return quotient;
}
