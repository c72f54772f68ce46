/**
 * Piecewise-linear sub-index (HJ 633-2012 §4.2 formula (1), HJ 633-2026 §4.2.4) on exact integers: the
 * concentration is numerator / denominator, both integers, so a value on a breakpoint gives exactly that
 * breakpoint's IAQI and the upward rounding (2012 §6.2, 2026 §4.2.6) never sees binary-fraction noise.
 */

/** IAQI at each breakpoint column of Table 1 (2012) / Table 3 (2026). */
export const iaqiLevels = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/** Returned by subIndexOf when the concentration is above the scale's last breakpoint. */
export const aboveScale = -1;

/**
 * table[offset + k] is the concentration at iaqiLevels[k], for k < count. Integer breakpoints keep every
 * product below 2^53 for any concentration inside the table (numerator ≤ 3840 × 24e6 at most, times 100).
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
  const high = table[segment]!;
  const iaqiLow = iaqiLevels[segment - offset - 1]!;
  const rise = (iaqiLevels[segment - offset]! - iaqiLow) * (numerator - low * denominator);
  // The exact quotient is either an integer or at least 1/run away from one, far more than one ulp.
  return iaqiLow + Math.ceil(rise / ((high - low) * denominator));
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

/** A reported decimal concentration as an exact count of millionths; NaN for missing or negative. */
export const microsPerUnit = 1_000_000;
export function toMicros(concentration: number | null | undefined): number {
  if (concentration === null || concentration === undefined || !Number.isFinite(concentration))
    return Number.NaN;
  if (concentration < 0) return Number.NaN;
  return Math.round(concentration * microsPerUnit);
}
