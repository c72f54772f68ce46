import type { CompiledRules } from './compiled-rules';
import * as compiled from './compiled-rules';
import * as scale from './scale';
import type { ReportKind } from './species';
import * as species from './species';

// Local copies: imported bindings are property getters once tsx compiles modules, too slow per hour.
const { aboveScale, roundHalfEven, subIndexOf } = scale;
const { columnsPerIndicator } = compiled;
const { indicatorOrder } = species;
const speciesIndexOfIndicator = Int8Array.from(species.speciesIndexOfIndicator);

const indicatorCount = indicatorOrder.length;
const topIaqi = 500;

/**
 * Reusable working space for one report, so the per-hour loop allocates nothing. In: each indicator's
 * concentration as the exact ratio numerator / denominator (denominator 0 = missing). Out: sub-indices
 * (NaN = NA), the concentrations as used, the AQI and bit masks (species bits for pollutants, indicator
 * bits for indicators).
 */
export class ReportScratch {
  readonly numerators = new Float64Array(indicatorCount);
  readonly denominators = new Float64Array(indicatorCount);
  readonly usedNumerators = new Float64Array(indicatorCount);
  readonly usedDenominators = new Float64Array(indicatorCount);
  readonly subIndices = new Float64Array(indicatorCount);
  /** The published AQI, NaN for NA. */
  aqi = Number.NaN;
  primaryMask = 0;
  overStandardMask = 0;
  missingMask = 0;
  beyondScaleMask = 0;

  clear(): void {
    this.denominators.fill(0);
  }

  set(index: number, numerator: number, denominator: number): void {
    const present = denominator > 0 && numerator >= 0;
    this.numerators[index] = present ? numerator : 0;
    this.denominators[index] = present ? denominator : 0;
  }
}

/** One indicator's sub-index with rounding, the table notes and the beyond-scale rule; NaN for NA. */
export function subIndexAt(rules: CompiledRules, index: number, scratch: ReportScratch): number {
  const count = rules.breakpointCounts[index]!;
  let denominator = scratch.denominators[index]!;
  if (count === 0 || denominator === 0) return Number.NaN;
  let numerator = scratch.numerators[index]!;
  const factor = rules.roundingFactor[index]!;
  let value: number;
  if (factor > 0) {
    // HJ 633-2026 §4.2.2: round once, from the measured value (GB/T 8170); then a whole number of units.
    numerator = roundHalfEven(numerator * factor, denominator);
    denominator = factor;
    const top = rules.breakpoints[index * columnsPerIndicator + count - 1]! * factor;
    value = numerator <= top ? rules.lookup[rules.lookupStart[index]! + numerator]! : aboveScale;
  } else value = subIndexOf(rules.breakpoints, index * columnsPerIndicator, count, numerator, denominator);
  scratch.usedNumerators[index] = numerator;
  scratch.usedDenominators[index] = denominator;
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
  const subIndices = scratch.subIndices;
  scratch.beyondScaleMask = 0;
  let missingMask = 0;
  let aqi = -1;
  for (let position = 0; position < indicators.length; position += 1) {
    const index = indicators[position]!;
    const value = subIndexAt(rules, index, scratch);
    subIndices[index] = value;
    if (value > aqi) aqi = value;
    else if (Number.isNaN(value) && (unmonitoredSpeciesMask & (1 << speciesIndexOfIndicator[index]!)) === 0)
      missingMask |= 1 << index;
  }
  const threshold = rules.rules.partialAqiPublishedAbove;
  const withheld = threshold !== null && missingMask !== 0 && aqi <= threshold;
  const published = aqi < 0 || withheld ? Number.NaN : aqi;
  const listsOverStandard = rules.rules.listsOverStandard;
  let primaryMask = 0;
  let overStandardMask = 0;
  for (let position = 0; position < indicators.length; position += 1) {
    const index = indicators[position]!;
    const value = subIndices[index]!;
    const speciesBit = 1 << speciesIndexOfIndicator[index]!;
    // Primary pollutant: AQI > 50, the largest IAQI, ties all listed (2012 §4.4.2, 2026 §4.3.1).
    if (published > 50 && value === published) primaryMask |= speciesBit;
    // Over-standard pollutant: IAQI > 100 (2012 §3.4, §4.4.2; dropped in 2026).
    if (listsOverStandard && value > 100) overStandardMask |= speciesBit;
  }
  scratch.aqi = published;
  scratch.missingMask = missingMask;
  scratch.primaryMask = primaryMask;
  scratch.overStandardMask = overStandardMask;
}
