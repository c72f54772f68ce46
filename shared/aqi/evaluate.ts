import type { CompiledRules } from './compiled-rules';
import * as compiled from './compiled-rules';
import * as exact from './exact';
import * as scale from './scale';
import type { ReportKind } from './species';
import * as species from './species';

// Local copies: imported bindings are property getters once tsx compiles modules, too slow per hour.
const { aboveScale, ceilDivide, iaqiLevels, roundHalfEven, subIndexOf } = scale;
const { ceilingExact, roundHalfEvenExact, toNumber } = exact;
const { columnsPerIndicator } = compiled;
const { indicatorOrder } = species;
const speciesIndexOfIndicator = Int8Array.from(species.speciesIndexOfIndicator);

const indicatorCount = indicatorOrder.length;
const topIaqi = 500;

/**
 * Reusable working space for one report, so the per-hour loop allocates nothing. In: each indicator's
 * concentration as the exact ratio numerator / denominator of integers (denominator 0 = missing), or as an
 * exact rational where the integers cannot hold it. Out: sub-indices (NaN = NA), the concentrations as
 * used, the AQI and bit masks (species bits for pollutants, indicator bits for indicators).
 */
export class ReportScratch {
  readonly numerators = new Float64Array(indicatorCount);
  readonly denominators = new Float64Array(indicatorCount);
  /** Indicators given as rationals (bit i = indicatorOrder[i]); their values are in `rationals`. */
  rationalMask = 0;
  readonly rationals: (exact.Rational | null)[] = new Array(indicatorCount).fill(null);
  /** Concentration as used (2026: rounded per GB/T 8170), NaN when missing. */
  readonly used = new Float64Array(indicatorCount);
  readonly subIndices = new Float64Array(indicatorCount);
  /** The published AQI, NaN for NA. */
  aqi = Number.NaN;
  primaryMask = 0;
  overStandardMask = 0;
  missingMask = 0;
  beyondScaleMask = 0;

  clear(): void {
    this.denominators.fill(0);
    this.rationalMask = 0;
  }

  set(index: number, numerator: number, denominator: number): void {
    const present = denominator > 0 && numerator >= 0;
    this.numerators[index] = present ? numerator : 0;
    this.denominators[index] = present ? denominator : 0;
    this.rationalMask &= ~(1 << index);
  }

  setRational(index: number, value: exact.Rational): void {
    this.rationals[index] = value;
    this.denominators[index] = 1;
    this.rationalMask |= 1 << index;
  }
}

/** The sub-index of integers numerator / denominator by the table alone, or aboveScale (no notes). */
export function integerSubIndex(rules: CompiledRules, index: number, numerator: number, denominator: number) {
  const factor = rules.roundingFactor[index]!;
  const top = rules.topUnits[index]!;
  if (factor === 0) {
    // HJ 633-2012: ⌈concentration × stepScale⌉ picks the lookup entry (compiled-rules.ts), exact while the
    // products stay below 2^53 (any 24-hour mean of whole ticks); the table's own arithmetic beyond that.
    const limit = top * denominator;
    if (limit > Number.MAX_SAFE_INTEGER)
      return subIndexOf(
        rules.breakpoints,
        index * columnsPerIndicator,
        rules.breakpointCounts[index]!,
        numerator,
        denominator,
      );
    const scaled = numerator * rules.stepScale[index]!;
    return scaled > limit
      ? aboveScale
      : rules.lookup[rules.lookupStart[index]! + ceilDivide(scaled, denominator)]!;
  }
  // HJ 633-2026 §4.2.2: round once, from the exact value (GB/T 8170); then a whole number of units.
  const units = roundHalfEven(numerator * factor, denominator);
  return units <= top ? rules.lookup[rules.lookupStart[index]! + units]! : aboveScale;
}

/** In subIndexColumn's input: the value needs the slow path (rational, or the table notes). */
export const needsSlowPath = -2;

/**
 * integerSubIndex over a column: out[outOffset + k] for numerators[k] / denominators[k], k < length
 * (denominator 0 = NA → NaN; needsSlowPath or a concentration above the table → needsSlowPath, for the
 * caller's per-value path). The same arithmetic as integerSubIndex, with the table in registers.
 */
export function subIndexColumn(
  rules: CompiledRules,
  index: number,
  numerators: Float64Array,
  denominators: Float64Array,
  length: number,
  out: Float64Array,
  outOffset: number,
): void {
  const factor = rules.roundingFactor[index]!;
  const lookup = rules.lookup;
  const start = rules.lookupStart[index]!;
  const top = rules.topUnits[index]!;
  if (factor > 0) {
    for (let k = 0; k < length; k += 1) {
      const denominator = denominators[k]!;
      if (denominator <= 0) {
        out[outOffset + k] = denominator === 0 ? Number.NaN : needsSlowPath;
        continue;
      }
      const units = roundHalfEven(numerators[k]! * factor, denominator);
      out[outOffset + k] = units <= top ? lookup[start + units]! : needsSlowPath;
    }
    return;
  }
  const stepScale = rules.stepScale[index]!;
  for (let k = 0; k < length; k += 1) {
    const denominator = denominators[k]!;
    if (denominator <= 0) {
      out[outOffset + k] = denominator === 0 ? Number.NaN : needsSlowPath;
      continue;
    }
    const limit = top * denominator;
    const scaled = numerators[k]! * stepScale;
    out[outOffset + k] =
      scaled > limit || limit > Number.MAX_SAFE_INTEGER
        ? needsSlowPath
        : lookup[start + ceilDivide(scaled, denominator)]!;
  }
}

/** The same for an exact rational concentration, in BigInt (the slow path). */
export function rationalSubIndex(rules: CompiledRules, index: number, value: exact.Rational): number {
  const count = rules.breakpointCounts[index]!;
  const offset = index * columnsPerIndicator;
  const factor = rules.roundingFactor[index]!;
  if (factor > 0) {
    const units = roundHalfEvenExact({
      numerator: value.numerator * BigInt(factor),
      denominator: value.denominator,
    });
    return units <= BigInt(rules.topUnits[index]!)
      ? rules.lookup[rules.lookupStart[index]! + Number(units)]!
      : aboveScale;
  }
  const { numerator, denominator } = value;
  if (numerator > BigInt(rules.breakpoints[offset + count - 1]!) * denominator) return aboveScale;
  let segment = offset + 1;
  while (numerator > BigInt(rules.breakpoints[segment]!) * denominator) segment += 1;
  const low = BigInt(rules.breakpoints[segment - 1]!);
  const iaqiLow = iaqiLevels[segment - offset - 1]!;
  const rise = BigInt(iaqiLevels[segment - offset]! - iaqiLow) * (numerator - low * denominator);
  const run = (BigInt(rules.breakpoints[segment]!) - low) * denominator;
  return iaqiLow + Number(ceilingExact({ numerator: rise, denominator: run }));
}

/** One indicator's sub-index with rounding, the table notes and the beyond-scale rule; NaN for NA. */
export function subIndexAt(rules: CompiledRules, index: number, scratch: ReportScratch): number {
  const count = rules.breakpointCounts[index]!;
  const denominator = scratch.denominators[index]!;
  if (count === 0 || denominator === 0) return Number.NaN;
  let value: number;
  if ((scratch.rationalMask & (1 << index)) !== 0) {
    const rational = scratch.rationals[index]!;
    value = rationalSubIndex(rules, index, rational);
    const factor = rules.roundingFactor[index]!;
    scratch.used[index] =
      factor > 0
        ? Number(
            roundHalfEvenExact({
              numerator: rational.numerator * BigInt(factor),
              denominator: rational.denominator,
            }),
          ) / factor
        : toNumber(rational);
  } else {
    const numerator = scratch.numerators[index]!;
    value = integerSubIndex(rules, index, numerator, denominator);
    const factor = rules.roundingFactor[index]!;
    scratch.used[index] =
      factor > 0 ? roundHalfEven(numerator * factor, denominator) / factor : numerator / denominator;
  }
  if (value !== aboveScale) return value;
  const fixed = rules.aboveIaqi[index]!;
  if (!Number.isNaN(fixed)) return fixed;
  const fallback = rules.aboveFallback[index]!;
  if (fallback >= 0) return subIndexAt(rules, fallback, scratch);
  scratch.beyondScaleMask |= 1 << index;
  return topIaqi;
}

/** Fills the scratch's outputs for one report (HJ 633-2012 §4.4, HJ 633-2026 §4.2.4, §4.3, §5.3). */
export function evaluateReport(
  rules: CompiledRules,
  kind: ReportKind,
  scratch: ReportScratch,
  unmonitoredSpeciesMask = 0,
): void {
  const indicators = kind === 'hourly' ? rules.hourly : rules.daily;
  scratch.beyondScaleMask = 0;
  for (let position = 0; position < indicators.length; position += 1) {
    const index = indicators[position]!;
    scratch.subIndices[index] = subIndexAt(rules, index, scratch);
  }
  summarizeReport(rules, indicators, scratch.subIndices, 0, 1, unmonitoredSpeciesMask, scratch);
}

/** What a report publishes besides its sub-indices (bit masks as ReportScratch's). */
export type ReportSummary = {
  aqi: number;
  primaryMask: number;
  overStandardMask: number;
  missingMask: number;
};

/**
 * From a report's sub-indices (NaN = NA; indicator i's at values[offset + i × stride]): the AQI as
 * published, primary and over-standard pollutants, and the indicators missing while others were present.
 */
export function summarizeReport(
  rules: CompiledRules,
  indicators: Int8Array,
  values: Float64Array,
  offset: number,
  stride: number,
  unmonitoredSpeciesMask: number,
  out: ReportSummary,
): void {
  // One pass: the highest sub-index with the pollutants that reach it, those above 100 and the missing.
  let missingMask = 0;
  let aqi = -1;
  let highestMask = 0;
  let aboveMask = 0;
  for (let position = 0; position < indicators.length; position += 1) {
    const index = indicators[position]!;
    const value = values[offset + index * stride]!;
    const speciesBit = 1 << speciesIndexOfIndicator[index]!;
    if (value > aqi) {
      aqi = value;
      highestMask = speciesBit;
    } else if (value === aqi) highestMask |= speciesBit;
    else if (Number.isNaN(value) && (unmonitoredSpeciesMask & speciesBit) === 0) missingMask |= 1 << index;
    if (value > 100) aboveMask |= speciesBit;
  }
  const withheld = missingMask !== 0 && aqi <= rules.partialAqiPublishedAbove;
  const published = aqi < 0 || withheld ? Number.NaN : aqi;
  out.aqi = published;
  // A report with nothing present is no report at all, not a partial one.
  out.missingMask = aqi < 0 ? 0 : missingMask;
  // Primary pollutant: AQI > 50, the largest IAQI, ties all listed (2012 §4.4.2, 2026 §4.3.1).
  out.primaryMask = published > 50 ? highestMask : 0;
  // Over-standard pollutant: IAQI > 100 (2012 §3.4, §4.4.2; dropped in 2026).
  out.overStandardMask = rules.listsOverStandard ? aboveMask : 0;
}

export { topIaqi };
