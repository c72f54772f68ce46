import { rulesFor } from './editions';
import type { EditionRules } from './rules';
import { iaqiLevels, subIndexOf } from './scale';
import {
  type Edition,
  type Indicator,
  indicatorIndex,
  indicatorOrder,
  speciesIndexOfIndicator,
  speciesOrder,
} from './species';

const noFallback = -1;
/** IAQI 0, 50, 100, 150, 200, 300, 400, 500. */
export const columnsPerIndicator = 8;

/** EditionRules flattened to arrays indexed by indicatorOrder position, for the per-hour hot loop. */
export type CompiledRules = {
  rules: EditionRules;
  /** Breakpoints of indicator i at [i × 8, i × 8 + breakpointCounts[i]). */
  breakpoints: Float64Array;
  /** 0 when the edition gives the indicator no sub-index. */
  breakpointCounts: Int8Array;
  /** 10^decimals for GB/T 8170 rounding, or 0 when concentrations are used as measured. */
  roundingFactor: Float64Array;
  /**
   * Without rounding (2012): the sub-index, ⌈linear interpolation⌉, steps up only at concentrations that are
   * multiples of 1/stepScale (every breakpoint is an integer and ΔIAQI is 50 or 100), so it is constant
   * on each ((u − 1) / stepScale, u / stepScale]: the sub-index of u / stepScale serves the whole interval.
   * 0 with rounding.
   */
  stepScale: Float64Array;
  /**
   * The sub-index of unit count u (u ≤ topUnits) at lookup[lookupStart[i] + u]: with rounding, of the
   * concentration rounded to u / roundingFactor; without, of any concentration c with ⌈c × stepScale⌉ = u.
   */
  lookup: Int16Array;
  lookupStart: Int32Array;
  /** The last breakpoint in those units (concentration × roundingFactor, or × stepScale). */
  topUnits: Float64Array;
  /** Fixed IAQI above the last breakpoint, or NaN. */
  aboveIaqi: Float64Array;
  /** Indicator whose sub-index replaces this one above the last breakpoint, or -1. */
  aboveFallback: Int8Array;
  hourly: Int8Array;
  daily: Int8Array;
  /** The same as bit masks (bit i = indicatorOrder[i]). */
  hourlyMask: number;
  dailyMask: number;
  /** 24-hour-mean indicators of both reports: the daily report reuses the real-time report's sub-index. */
  dailyReusesHourlyMask: number;
  /** A partial report's AQI is published only above this (2026 §5.3.1); −1 when always published (2012). */
  partialAqiPublishedAbove: number;
  listsOverStandard: boolean;
};

function compile(rules: EditionRules): CompiledRules {
  const count = indicatorOrder.length;
  const compiled: CompiledRules = {
    rules,
    breakpoints: new Float64Array(count * columnsPerIndicator),
    breakpointCounts: new Int8Array(count),
    roundingFactor: new Float64Array(count),
    stepScale: new Float64Array(count),
    aboveIaqi: new Float64Array(count).fill(Number.NaN),
    aboveFallback: new Int8Array(count).fill(noFallback),
    lookup: new Int16Array(0),
    lookupStart: new Int32Array(count),
    topUnits: new Float64Array(count),
    hourly: Int8Array.from(rules.reports.hourly, (name) => indicatorIndex[name]),
    daily: Int8Array.from(rules.reports.daily, (name) => indicatorIndex[name]),
    hourlyMask: rules.reports.hourly.reduce((mask, name) => mask | (1 << indicatorIndex[name]), 0),
    dailyMask: rules.reports.daily.reduce((mask, name) => mask | (1 << indicatorIndex[name]), 0),
    dailyReusesHourlyMask: rules.reports.daily
      .filter((name) => name.endsWith('_24h') && rules.reports.hourly.includes(name))
      .reduce((mask, name) => mask | (1 << indicatorIndex[name]), 0),
    partialAqiPublishedAbove: rules.partialAqiPublishedAbove ?? -1,
    listsOverStandard: rules.listsOverStandard,
  };
  indicatorOrder.forEach((name: Indicator, index) => {
    const breakpoints = rules.scales[name]?.breakpoints ?? [];
    compiled.breakpoints.set(breakpoints, index * columnsPerIndicator);
    compiled.breakpointCounts[index] = breakpoints.length;
    const above = rules.scales[name]?.above;
    if (above && 'iaqi' in above) compiled.aboveIaqi[index] = above.iaqi;
    if (above && 'fallback' in above) compiled.aboveFallback[index] = indicatorIndex[above.fallback];
    const species = speciesOrder[speciesIndexOfIndicator[index]!]!;
    if (rules.roundingDecimals) compiled.roundingFactor[index] = 10 ** rules.roundingDecimals[species];
    else compiled.stepScale[index] = stepScaleOf(breakpoints);
    const factor = compiled.roundingFactor[index] || compiled.stepScale[index]!;
    compiled.topUnits[index] = breakpoints.length > 0 ? breakpoints.at(-1)! * factor : -1;
  });
  fillLookup(compiled);
  return compiled;
}

/**
 * The smallest s such that every concentration where the sub-index reaches an integer is a multiple of
 * 1/s: on a segment, IAQI_lo + k reaches at C_lo + k × ΔC / ΔI, a multiple of 1 / (ΔI / gcd(ΔC, ΔI)).
 */
function stepScaleOf(breakpoints: readonly number[]): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let scale = 1;
  for (let segment = 1; segment < breakpoints.length; segment += 1) {
    const rise = iaqiLevels[segment]! - iaqiLevels[segment - 1]!;
    const run = breakpoints[segment]! - breakpoints[segment - 1]!;
    if (!Number.isInteger(run)) throw new Error('breakpoints must be integers');
    const needed = rise / gcd(run, rise);
    scale = (scale * needed) / gcd(scale, needed);
  }
  return scale;
}

function fillLookup(compiled: CompiledRules): void {
  const sizes = indicatorOrder.map((_, index) => compiled.topUnits[index]! + 1);
  let start = 0;
  sizes.forEach((size, index) => {
    compiled.lookupStart[index] = start;
    start += Math.max(0, size);
  });
  compiled.lookup = new Int16Array(start);
  sizes.forEach((size, index) => {
    const factor = compiled.roundingFactor[index] || compiled.stepScale[index]!;
    const count = compiled.breakpointCounts[index]!;
    const offset = index * columnsPerIndicator;
    for (let units = 0; units < size; units += 1)
      compiled.lookup[compiled.lookupStart[index]! + units] = subIndexOf(
        compiled.breakpoints,
        offset,
        count,
        units,
        factor,
      );
  });
}

const compiled2012 = compile(rulesFor('2012'));
const compiled2026 = compile(rulesFor('2026'));

export function compiledRules(edition: Edition): CompiledRules {
  return edition === '2026' ? compiled2026 : compiled2012;
}
