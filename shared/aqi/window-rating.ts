import type { CompiledRules } from './compiled-rules';
import type { ReportScratch, ReportSummary } from './evaluate';
import * as evaluate from './evaluate';
import * as exactNumbers from './exact';
import * as scale from './scale';
import { indicatorIndex, indicatorOrder, speciesIndexOfIndicator, speciesOrder } from './species';
import * as validity from './validity';
import { ozoneMaxima, ozoneMaximaAt } from './window-slide';
import type { WindowStore } from './window-store';
import * as store from './window-store';

// Local copies: imported bindings are property getters once tsx compiles modules, too slow per hour.
const { integerSubIndex, needsSlowPath, rationalSubIndex, subIndexColumn, summarizeReport, topIaqi } =
  evaluate;
const { aboveScale } = scale;
const { ticksPerUnit } = exactNumbers;
const { minimumHoursFor8h, minimumHoursFor24h, minimumHoursForMax1h, minimumMeansForMax8h } = validity;
const {
  carriedField,
  dailyKind,
  dailySubIndices,
  field,
  hourlyKind,
  noHour,
  notAvailable,
  ozone,
  ratedBefore,
  speciesCount,
} = store;

const ozone1h = indicatorIndex.o3_1h;
const ozone8h = indicatorIndex.o3_8h;
const oneHour = Int8Array.from(speciesOrder, (name) => indicatorIndex[`${name}_1h`]);
const dayMean = Int8Array.from(speciesOrder, (name) =>
  name === 'o3' ? -1 : indicatorIndex[`${name}_24h` as 'so2_24h'],
);
const speciesOfIndicator = Int8Array.from(speciesIndexOfIndicator);
/** Where an indicator's concentration comes from: the hour's value, a 24-hour mean, the O3 8-hour mean. */
const hourValueSource = 0;
const dayMeanSource = 1;
const ozone8hSource = 2;
const sourceOf = Int8Array.from(indicatorOrder, (name) =>
  name.endsWith('_24h') ? dayMeanSource : name === 'o3_8h' ? ozone8hSource : hourValueSource,
);

/** Scratch columns shared by every store (one rating runs at a time): sub-indices and integer ratios. */
let subIndices = new Float64Array(0);
let numerators = new Float64Array(0);
let denominators = new Float64Array(0);
function ensureColumns(length: number): void {
  if (numerators.length >= length) return;
  subIndices = new Float64Array(indicatorOrder.length * length * 2);
  numerators = new Float64Array(length * 2);
  denominators = new Float64Array(length * 2);
}

/**
 * Rates the reports of `kinds` for the hours from … to under one edition's rules, in column passes: each
 * indicator's concentrations as integer ratios, rated in one tight loop (subIndexColumn), then each hour's
 * AQI, primary pollutants and missing indicators (summarizeReport) stored in its record.
 */
export function rateRange(
  windows: WindowStore,
  kinds: number,
  from: number,
  to: number,
  rules: CompiledRules,
  unmonitoredMask: number,
  summary: ReportSummary,
): void {
  const length = to - from + 1;
  if (length === 1) {
    rateSlot(windows, kinds, from, rules, unmonitoredMask, summary);
    return;
  }
  ensureColumns(length);
  const { records, ring, base, shift } = windows;
  const mask = ring.mask;
  if (kinds & hourlyKind) {
    const hourly = rules.hourly;
    const heldThroughout = heldInEvery(windows, from, length, field.hourlyHeld);
    for (let position = 0; position < hourly.length; position += 1) {
      const index = hourly[position]!;
      heldColumn(windows, rules, index, from, length, false, (heldThroughout & (1 << index)) !== 0, false);
    }
    const heldNow = rules.hourlyMask | ratedBefore;
    for (let offset = 0; offset < length; offset += 1) {
      summarizeReport(rules, hourly, subIndices, offset, length, unmonitoredMask, summary);
      const record = base + (((from + offset) & mask) << shift);
      storeReport(records, record, summary, false);
      records[record + field.hourlyHeld] = records[record + field.hourlyHeld]! | heldNow;
    }
  }
  if ((kinds & dailyKind) === 0) return;
  const skip = kinds & hourlyKind ? rules.dailyReusesHourlyMask : 0;
  const daily = rules.daily;
  const heldThroughout = heldInEvery(windows, from, length, field.dailyHeld);
  for (let position = 0; position < daily.length; position += 1) {
    const index = daily[position]!;
    const filled = (skip & (1 << index)) !== 0;
    heldColumn(windows, rules, index, from, length, true, (heldThroughout & (1 << index)) !== 0, filled);
  }
  const heldNow = rules.dailyMask | ratedBefore;
  for (let offset = 0; offset < length; offset += 1) {
    summarizeReport(rules, daily, subIndices, offset, length, unmonitoredMask, summary);
    const record = base + (((from + offset) & mask) << shift);
    storeReport(records, record, summary, true);
    records[record + field.dailyHeld] = records[record + field.dailyHeld]! | heldNow;
  }
}

/** The indicators whose sub-indices are held at every hour of the run (`heldField`'s masks and-ed). */
function heldInEvery(windows: WindowStore, from: number, length: number, heldField: number): number {
  const { records, ring, base, shift } = windows;
  let held = -1;
  for (let offset = 0; offset < length && held !== 0; offset += 1)
    held &= records[base + (((from + offset) & ring.mask) << shift) + heldField]!;
  return held;
}

/** One hour's sub-indices (indicator i at slotSubIndices[i]). */
const slotSubIndices = new Float64Array(indicatorOrder.length);

/**
 * rateRange for a single hour (what a new hour asks): each indicator by subIndexAtSlot, the same arithmetic
 * as the column pass without setting one up per indicator.
 */
function rateSlot(
  windows: WindowStore,
  kinds: number,
  hour: number,
  rules: CompiledRules,
  unmonitoredMask: number,
  summary: ReportSummary,
): void {
  const slot = hour & windows.ring.mask;
  if (kinds & hourlyKind) rateSlotReport(windows, rules, rules.hourly, slot, false, unmonitoredMask, summary);
  if (kinds & dailyKind) rateSlotReport(windows, rules, rules.daily, slot, true, unmonitoredMask, summary);
}

/**
 * One report of one hour: its indicators' sub-indices at the slot, summarised and stored. Sub-indices
 * still held (field.hourlyHeld / dailyHeld) are read back. The others are computed, and kept when the
 * report was rated before (ratedBefore): a re-rating follows a correction, and a correction that moves one
 * pollutant's windows then re-rates that pollutant's sub-indices alone (rewriteHour clears only its bits).
 * The daily report takes the 24-hour means' sub-indices the real-time report of the slot holds (the same
 * concentration, the same scale).
 */
function rateSlotReport(
  windows: WindowStore,
  rules: CompiledRules,
  indicators: Int8Array,
  slot: number,
  daily: boolean,
  unmonitoredMask: number,
  summary: ReportSummary,
): void {
  const { records, subIndices: held } = windows;
  const record = windows.base + (slot << windows.shift);
  const heldField = record + (daily ? field.dailyHeld : field.hourlyHeld);
  const heldMask = records[heldField]!;
  const keep = (heldMask & ratedBefore) !== 0;
  const first = record + (daily ? dailySubIndices : 0);
  const shared = daily ? records[record + field.hourlyHeld]! & rules.dailyReusesHourlyMask : 0;
  for (let position = 0; position < indicators.length; position += 1) {
    const index = indicators[position]!;
    const bit = 1 << index;
    if (heldMask & bit) {
      const value = held[first + index]!;
      slotSubIndices[index] = value < 0 ? Number.NaN : value;
    } else if (shared & bit) {
      const value = held[record + index]!;
      if (keep) held[first + index] = value;
      slotSubIndices[index] = value < 0 ? Number.NaN : value;
    } else {
      const value = subIndexAtSlot(windows, rules, index, slot, daily);
      if (keep) held[first + index] = Number.isNaN(value) ? -1 : value;
      slotSubIndices[index] = value;
    }
  }
  records[heldField] = keep
    ? heldMask | (daily ? rules.dailyMask : rules.hourlyMask)
    : heldMask | ratedBefore;
  summarizeReport(rules, indicators, slotSubIndices, 0, 1, unmonitoredMask, summary);
  storeReport(records, record, summary, daily);
}

/** A rated report into an hour's record: its AQI, primary pollutants, missing indicators and rated bit. */
function storeReport(records: Float64Array, record: number, summary: ReportSummary, daily: boolean): void {
  records[record + (daily ? field.dailyAqi : field.hourlyAqi)] = Number.isNaN(summary.aqi)
    ? notAvailable
    : summary.aqi;
  records[record + (daily ? field.dailyPrimary : field.hourlyPrimary)] = summary.primaryMask;
  records[record + (daily ? field.dailyMissing : field.hourlyMissing)] = summary.missingMask;
  records[record + field.rated] = records[record + field.rated]! | (daily ? dailyKind : hourlyKind);
}

/**
 * One indicator's sub-indices over the run into its column: read back when held at every hour (`held`,
 * field.hourlyHeld), else computed (`filled`: the column already holds them, the real-time report's 24-hour
 * means reused by the daily report), and kept (rateRange marks them held).
 */
function heldColumn(
  windows: WindowStore,
  rules: CompiledRules,
  index: number,
  from: number,
  length: number,
  daily: boolean,
  held: boolean,
  filled: boolean,
): void {
  const { subIndices: kept, ring, base, shift } = windows;
  const mask = ring.mask;
  const first = (daily ? dailySubIndices : 0) + index;
  const out = index * length;
  if (held && !filled) {
    for (let offset = 0; offset < length; offset += 1) {
      const value = kept[base + (((from + offset) & mask) << shift) + first]!;
      subIndices[out + offset] = value < 0 ? Number.NaN : value;
    }
    return;
  }
  if (!filled) fillColumn(windows, rules, index, from, length, daily);
  for (let offset = 0; offset < length; offset += 1) {
    const value = subIndices[out + offset]!;
    kept[base + (((from + offset) & mask) << shift) + first] = Number.isNaN(value) ? -1 : value;
  }
}

function fillColumn(
  windows: WindowStore,
  rules: CompiledRules,
  index: number,
  from: number,
  length: number,
  daily: boolean,
): void {
  const out = index * length;
  if (rules.breakpointCounts[index] === 0) {
    subIndices.fill(Number.NaN, out, out + length);
    return;
  }
  const source = sourceOf[index]!;
  if (source === dayMeanSource) dayMeanRatios(windows, speciesOfIndicator[index]!, from, length);
  else if (source === ozone8hSource && daily) highest8hRatios(windows, from, length);
  else if (source === ozone8hSource) ozone8hRatios(windows, from, length);
  else if (daily && index === ozone1h) highest1hRatios(windows, from, length);
  else hourRatios(windows, speciesOfIndicator[index]!, from, length);
  subIndexColumn(rules, index, numerators, denominators, length, subIndices, out);
  const mask = windows.ring.mask;
  for (let offset = 0; offset < length; offset += 1)
    if (subIndices[out + offset] === needsSlowPath)
      subIndices[out + offset] = subIndexAtSlot(windows, rules, index, (from + offset) & mask, daily);
}

function dayMeanRatios(windows: WindowStore, species: number, from: number, length: number): void {
  const { records, inexact24, ring, base, shift } = windows;
  const tracksInexact = windows.tracksInexact;
  for (let offset = 0; offset < length; offset += 1) {
    const slot = (from + offset) & ring.mask;
    const record = base + (slot << shift);
    const count = records[record + field.count24 + species]!;
    numerators[offset] = records[record + field.sum24 + species]!;
    denominators[offset] =
      count < minimumHoursFor24h
        ? 0
        : tracksInexact && inexact24[slot * speciesCount + species]
          ? needsSlowPath
          : count * ticksPerUnit;
  }
}

function hourRatios(windows: WindowStore, species: number, from: number, length: number): void {
  const { records, inexact, ring, base, shift } = windows;
  const tracksInexact = windows.tracksInexact;
  for (let offset = 0; offset < length; offset += 1) {
    const slot = (from + offset) & ring.mask;
    const value = records[base + (slot << shift) + species]!;
    numerators[offset] = value;
    denominators[offset] = Number.isNaN(value)
      ? 0
      : tracksInexact && inexact[slot * speciesCount + species]
        ? needsSlowPath
        : ticksPerUnit;
  }
}

function ozone8hRatios(windows: WindowStore, from: number, length: number): void {
  const { records, inexact8, ring, base, shift } = windows;
  const tracksInexact = windows.tracksInexact;
  for (let offset = 0; offset < length; offset += 1) {
    const slot = (from + offset) & ring.mask;
    const record = base + (slot << shift);
    const count = records[record + field.count8]!;
    numerators[offset] = records[record + field.sum8]!;
    denominators[offset] =
      count < minimumHoursFor8h ? 0 : tracksInexact && inexact8[slot] ? needsSlowPath : count * ticksPerUnit;
  }
}

function highest1hRatios(windows: WindowStore, from: number, length: number): void {
  const { records, carried, carriedBase, carriedShift, inexact24, ring, base, shift } = windows;
  const tracksInexact = windows.tracksInexact;
  if (windows.maximaWhenRead) ozoneMaxima(windows, from, from + length - 1);
  for (let offset = 0; offset < length; offset += 1) {
    const slot = (from + offset) & ring.mask;
    const record = base + (slot << shift);
    const highest = records[record + field.highestHour]!;
    const valid = records[record + field.count24 + ozone]! >= minimumHoursForMax1h && highest !== noHour;
    numerators[offset] = valid
      ? carried[carriedBase + (slot << carriedShift) + carriedField.highestValue]!
      : 0;
    denominators[offset] = !valid
      ? 0
      : tracksInexact && inexact24[slot * speciesCount + ozone]
        ? needsSlowPath
        : ticksPerUnit;
  }
}

function highest8hRatios(windows: WindowStore, from: number, length: number): void {
  const { records, carried, carriedBase, carriedShift, inexact24, ring, base, shift } = windows;
  const tracksInexact = windows.tracksInexact;
  if (windows.maximaWhenRead) ozoneMaxima(windows, from, from + length - 1);
  for (let offset = 0; offset < length; offset += 1) {
    const slot = (from + offset) & ring.mask;
    const valid = records[base + (slot << shift) + field.valid8hMeans]! >= minimumMeansForMax8h;
    const best = carriedBase + (slot << carriedShift);
    numerators[offset] = valid ? carried[best + carriedField.highest8hSum]! : 0;
    denominators[offset] = !valid
      ? 0
      : tracksInexact && inexact24[slot * speciesCount + ozone]
        ? needsSlowPath
        : carried[best + carriedField.highest8hCount]! * ticksPerUnit;
  }
}

/**
 * One indicator's sub-index at a held slot, from the windows (`daily`: O3 takes the window's maxima), with
 * the table notes; NaN for NA. The per-value path: BigInt where a value is inexact, notes above the table.
 */
export function subIndexAtSlot(
  windows: WindowStore,
  rules: CompiledRules,
  index: number,
  slot: number,
  daily: boolean,
): number {
  if (rules.breakpointCounts[index] === 0) return Number.NaN;
  const { records, base, shift } = windows;
  const record = base + (slot << shift);
  const species = speciesOfIndicator[index]!;
  const at = slot * speciesCount + species;
  const tracksInexact = windows.tracksInexact;
  let numerator = 0;
  let denominator = 0;
  let rational: exactNumbers.Rational | null = null;
  const source = sourceOf[index]!;
  if (source === dayMeanSource) {
    const count = records[record + field.count24 + species]!;
    if (count < minimumHoursFor24h) return Number.NaN;
    if (tracksInexact && windows.inexact24[at]) rational = windows.exactMean(species, slot, 24);
    numerator = records[record + field.sum24 + species]!;
    denominator = count * ticksPerUnit;
  } else if (source === ozone8hSource && daily) {
    if (windows.maximaWhenRead) ozoneMaximaAt(windows, slot);
    if (records[record + field.valid8hMeans]! < minimumMeansForMax8h) return Number.NaN;
    const best = windows.carriedBase + (slot << windows.carriedShift);
    if (tracksInexact && windows.inexact24[at]) rational = windows.exactHighest8h(slot);
    numerator = windows.carried[best + carriedField.highest8hSum]!;
    denominator = windows.carried[best + carriedField.highest8hCount]! * ticksPerUnit;
  } else if (source === ozone8hSource) {
    const count = records[record + field.count8]!;
    if (count < minimumHoursFor8h) return Number.NaN;
    if (tracksInexact && windows.inexact8[slot]) rational = windows.exactMean(ozone, slot, 8);
    numerator = records[record + field.sum8]!;
    denominator = count * ticksPerUnit;
  } else if (daily && index === ozone1h) {
    if (windows.maximaWhenRead) ozoneMaximaAt(windows, slot);
    const highest = records[record + field.highestHour]!;
    if (records[record + field.count24 + ozone]! < minimumHoursForMax1h || highest === noHour)
      return Number.NaN;
    if (tracksInexact && windows.inexact24[at]) rational = windows.exactHighest1h(slot);
    numerator =
      windows.carried[windows.carriedBase + (slot << windows.carriedShift) + carriedField.highestValue]!;
    denominator = ticksPerUnit;
  } else {
    numerator = records[record + species]!;
    if (Number.isNaN(numerator)) return Number.NaN;
    if (tracksInexact && windows.inexact[at]) rational = windows.rationals.get(at)!;
    denominator = ticksPerUnit;
  }
  const value =
    rational === null
      ? integerSubIndex(rules, index, numerator, denominator)
      : rationalSubIndex(rules, index, rational);
  if (value !== aboveScale) return value;
  const fixed = rules.aboveIaqi[index]!;
  if (!Number.isNaN(fixed)) return fixed;
  const fallback = rules.aboveFallback[index]!;
  return fallback >= 0 ? subIndexAtSlot(windows, rules, fallback, slot, daily) : topIaqi;
}

/**
 * Puts a slot's indicators into the scratch as the full report needs them (exact rationals where a value
 * is inexact): the real-time report's, with the 24-hour means the 2012 notes fall back on, and for the
 * daily report the window's O3 maxima in place of the hour's.
 */
export function fillReport(windows: WindowStore, slot: number, daily: boolean, scratch: ReportScratch): void {
  const { records, base, shift } = windows;
  const record = base + (slot << shift);
  const tracksInexact = windows.tracksInexact;
  scratch.clear();
  for (let species = 0; species < speciesCount; species += 1) {
    const at = slot * speciesCount + species;
    const index = dayMean[species]!;
    if (index >= 0) {
      const count = records[record + field.count24 + species]!;
      if (count >= minimumHoursFor24h) {
        if (tracksInexact && windows.inexact24[at])
          scratch.setRational(index, windows.exactMean(species, slot, 24));
        else scratch.set(index, records[record + field.sum24 + species]!, count * ticksPerUnit);
      }
    }
    const value = records[record + species]!;
    if (Number.isNaN(value)) continue;
    if (tracksInexact && windows.inexact[at])
      scratch.setRational(oneHour[species]!, windows.rationals.get(at)!);
    else scratch.set(oneHour[species]!, value, ticksPerUnit);
  }
  if (!daily) {
    const count = records[record + field.count8]!;
    if (count < minimumHoursFor8h) return;
    if (tracksInexact && windows.inexact8[slot])
      scratch.setRational(ozone8h, windows.exactMean(ozone, slot, 8));
    else scratch.set(ozone8h, records[record + field.sum8]!, count * ticksPerUnit);
    return;
  }
  if (windows.maximaWhenRead) ozoneMaximaAt(windows, slot);
  const highest = records[record + field.highestHour]!;
  const exactOzone = tracksInexact && windows.inexact24[slot * speciesCount + ozone];
  const carried = windows.carried;
  const carriedAt = windows.carriedBase + (slot << windows.carriedShift);
  scratch.set(ozone1h, 0, 0);
  if (records[record + field.count24 + ozone]! >= minimumHoursForMax1h && highest !== noHour) {
    if (exactOzone) scratch.setRational(ozone1h, windows.exactHighest1h(slot));
    else scratch.set(ozone1h, carried[carriedAt + carriedField.highestValue]!, ticksPerUnit);
  }
  scratch.set(ozone8h, 0, 0);
  if (records[record + field.valid8hMeans]! >= minimumMeansForMax8h) {
    if (exactOzone) scratch.setRational(ozone8h, windows.exactHighest8h(slot));
    else
      scratch.set(
        ozone8h,
        carried[carriedAt + carriedField.highest8hSum]!,
        carried[carriedAt + carriedField.highest8hCount]! * ticksPerUnit,
      );
  }
}
