import * as time from '../time';
import * as compiled from './compiled-rules';
import * as editions from './editions';
import * as evaluate from './evaluate';
import * as exactNumbers from './exact';
import { HourRing } from './hour-ring';
import { type AqiReport, reportFromScratch } from './report';
import * as scale from './scale';
import {
  type Edition,
  type Indicator,
  indicatorIndex,
  indicatorOrder,
  indicatorsFromMask,
  type ReportKind,
  type Species,
  speciesFromMask,
  speciesIndexOfIndicator,
  speciesOrder,
} from './species';
import * as validity from './validity';

// Local copies: imported bindings are property getters once tsx compiles modules, too slow per hour.
const { HOUR } = time;
const { compiledRules } = compiled;
const { editionFor } = editions;
const {
  evaluateReport,
  integerSubIndex,
  needsSlowPath,
  rationalSubIndex,
  ReportScratch,
  subIndexColumn,
  summarizeReport,
  topIaqi,
} = evaluate;
const { aboveScale } = scale;
const { add, compare, divide, exactValue, isMissing, ticksAsRational, ticksOf, ticksPerUnit } = exactNumbers;
const { minimumHoursFor8h, minimumHoursFor24h, minimumHoursForMax1h, minimumMeansForMax8h } = validity;
const rules2012 = compiledRules('2012');
const rules2026 = compiledRules('2026');
const firstHourOf2026 = editions.edition2026From / HOUR;

const speciesCount = speciesOrder.length;
const ozone = speciesOrder.indexOf('o3');
const notAvailable = -1;
const hourlyKind = 1;
const dailyKind = 2;
/** No hour: the window holds no valid value. Hour indices (hour end / 1 h) are positive. */
const noHour = -2147483648;
/** The 8-hour means lying wholly inside a 24-hour window end in its last 17 hours. */
const eightHourMeansPerDay = 17;
/** An inexact value's stand-in tick count never exceeds this (sums stay exact integers; the slow path decides). */
const largestApproximateTicks = 10_000 * ticksPerUnit;

const oneHour = Int8Array.from(speciesOrder, (name) => indicatorIndex[`${name}_1h`]);
const dayMean = Int8Array.from(speciesOrder, (name) =>
  name === 'o3' ? -1 : indicatorIndex[`${name}_24h` as 'so2_24h'],
);
const ozone1h = indicatorIndex.o3_1h;
const ozone8h = indicatorIndex.o3_8h;
const speciesOfIndicator = Int8Array.from(speciesIndexOfIndicator);
/** Where an indicator's concentration comes from: the hour's value, a 24-hour mean, the O3 8-hour mean. */
const hourValueSource = 0;
const dayMeanSource = 1;
const ozone8hSource = 2;
const sourceOf = Int8Array.from(indicatorOrder, (name) =>
  name.endsWith('_24h') ? dayMeanSource : name === 'o3_8h' ? ozone8hSource : hourValueSource,
);
/** 24-hour-mean indicators of both reports: the daily report reuses the real-time report's sub-index. */
function reusedByDaily(rules: compiled.CompiledRules): number {
  return [...rules.daily]
    .filter((index) => sourceOf[index] === dayMeanSource && rules.hourly.includes(index))
    .reduce((mask, index) => mask | (1 << index), 0);
}
const reusedByDaily2012 = reusedByDaily(rules2012);
const reusedByDaily2026 = reusedByDaily(rules2026);

/** Sub-index columns of one recompute (indicator i's at [i × length, (i + 1) × length)), shared by all windows. */
let columns = new Float64Array(0);
function subIndexColumns(length: number): Float64Array {
  if (columns.length < indicatorOrder.length * length)
    columns = new Float64Array(indicatorOrder.length * length * 2);
  return columns;
}
/** One indicator's concentrations over a recompute, as integer ratios (denominator 0 = NA). */
let ratios = { numerators: new Float64Array(0), denominators: new Float64Array(0) };
function ratioColumns(length: number) {
  if (ratios.numerators.length < length)
    ratios = { numerators: new Float64Array(length * 2), denominators: new Float64Array(length * 2) };
  return ratios;
}

export type WindowsOptions = {
  /** Hours kept for lookup and late corrections (default three weeks); rounded up to a power of two. */
  retainHours?: number;
  /** Force one edition; by default each hour uses the edition in force at its end (editionFor). */
  edition?: Edition;
  /** HJ 633-2026 §5.3.2: pollutants outside this station's monitoring plan. */
  unmonitored?: readonly Species[];
};

/**
 * One station's (or unit's) hourly values, hour-ending Beijing time, with every window HJ 633 needs: 24-hour
 * moving means, the O3 8-hour moving mean, the O3 daily maxima, and the real-time and daily AQI at every
 * hour, with the indicators each report lacked. Values are kept as exact integers (exact.ts), so the
 * running sums never drift and GB/T 8170 ties are decided on the exact value. Appending the next hour
 * costs O(1); a late or corrected hour recomputes only the 24 windows containing it.
 */
export class StationWindows {
  private readonly ring: HourRing;
  private readonly capacity: number;
  /** Species-major columns: species s at slot i is [s × capacity + i]. Ticks; NaN = missing. */
  private readonly ticks: Float64Array;
  /** 1 where the hour's value is not a whole number of ticks: its exact value is in `rationals`. */
  private readonly inexact: Uint8Array;
  private readonly rationals = new Map<number, exactNumbers.Rational>();
  private readonly sums24: Float64Array;
  private readonly counts24: Uint8Array;
  private readonly inexact24: Uint8Array;
  /** O3: sum and count of the valid values in the 8 hours ending at each slot, and how many are inexact. */
  private readonly sums8: Float64Array;
  private readonly counts8: Uint8Array;
  private readonly inexact8: Uint8Array;
  /** O3: hour of the 24-hour window's highest value, and hour ending its highest valid 8-hour mean. */
  private readonly highestHour: Int32Array;
  private readonly highest8hHour: Int32Array;
  /** O3: valid 8-hour means ending in the window's last 17 hours. */
  private readonly valid8hMeans: Uint8Array;
  private readonly hourlyAqis: Int16Array;
  private readonly hourlyPrimary: Uint8Array;
  private readonly hourlyMissing: Uint16Array;
  private readonly dailyAqis: Int16Array;
  private readonly dailyPrimary: Uint8Array;
  private readonly dailyMissing: Uint16Array;
  /** Which reports of each slot are rated and stored (hourlyKind | dailyKind); 0 after its windows moved. */
  private readonly rated: Uint8Array;
  private readonly scratch = new ReportScratch();
  private readonly fixedRules: compiled.CompiledRules | null;
  private readonly unmonitoredMask: number;

  constructor(private readonly options: WindowsOptions = {}) {
    this.ring = new HourRing(
      options.retainHours ?? 21 * 24,
      (hour) => this.clearHour(hour),
      (from, to) => this.recompute(from, to),
    );
    const size = this.ring.capacity;
    this.capacity = size;
    this.ticks = new Float64Array(speciesCount * size);
    this.inexact = new Uint8Array(speciesCount * size);
    this.sums24 = new Float64Array(speciesCount * size);
    this.counts24 = new Uint8Array(speciesCount * size);
    this.inexact24 = new Uint8Array(speciesCount * size);
    this.sums8 = new Float64Array(size);
    this.counts8 = new Uint8Array(size);
    this.inexact8 = new Uint8Array(size);
    this.highestHour = new Int32Array(size);
    this.highest8hHour = new Int32Array(size);
    this.valid8hMeans = new Uint8Array(size);
    this.hourlyAqis = new Int16Array(size);
    this.hourlyPrimary = new Uint8Array(size);
    this.hourlyMissing = new Uint16Array(size);
    this.dailyAqis = new Int16Array(size);
    this.dailyPrimary = new Uint8Array(size);
    this.dailyMissing = new Uint16Array(size);
    this.rated = new Uint8Array(size);
    this.fixedRules = options.edition ? compiledRules(options.edition) : null;
    this.unmonitoredMask = (options.unmonitored ?? []).reduce(
      (mask, name) => mask | (1 << speciesOrder.indexOf(name)),
      0,
    );
  }

  /** End of the newest hour held, or null before the first value. */
  get newestHour(): number | null {
    return Number.isNaN(this.ring.newest) ? null : this.ring.newest * HOUR;
  }

  /**
   * Writes one hour's values in speciesOrder (µg/m³, CO mg/m³; NaN, null or negative = missing or flagged)
   * and updates the windows. Returns false when the hour is older than the ring can still correct.
   */
  set(hourEnd: number, values: ArrayLike<number | null>): boolean {
    const written = this.write(hourEnd, values);
    this.ring.flush();
    return written;
  }

  /** As set, but the windows are brought up to date only by the next flush (or set): for batches. */
  write(hourEnd: number, values: ArrayLike<number | null>): boolean {
    const hour = toHourIndex(hourEnd);
    if (!this.ring.admit(hour)) return false;
    const slot = hour & this.ring.mask;
    for (let species = 0; species < speciesCount; species += 1)
      this.store(species * this.capacity + slot, values[species]);
    return true;
  }

  /**
   * Writes a unit's hour: per species the arithmetic mean of its stations' valid values (DOMAIN.md, AQI:
   * a unit's concentration is the mean of its valid stations), exact, as the windows keep every value.
   * `stations` holds each station's values in speciesOrder, station after station (6 per station).
   */
  writeMean(hourEnd: number, stations: ArrayLike<number>, stationCount: number): boolean {
    const hour = toHourIndex(hourEnd);
    if (!this.ring.admit(hour)) return false;
    const slot = hour & this.ring.mask;
    for (let species = 0; species < speciesCount; species += 1) {
      let sum = 0;
      let count = 0;
      let exactSum = true;
      for (let station = 0; station < stationCount; station += 1) {
        const value = stations[station * speciesCount + species]!;
        if (isMissing(value)) continue;
        const ticks = ticksOf(value);
        if (Number.isNaN(ticks)) exactSum = false;
        sum += ticks;
        count += 1;
      }
      const at = species * this.capacity + slot;
      const mean = sum / count;
      if (count > 0 && exactSum && Number.isInteger(mean)) this.storeTicks(at, mean);
      else if (count === 0) this.storeTicks(at, Number.NaN);
      else {
        let total: exactNumbers.Rational = { numerator: 0n, denominator: 1n };
        for (let station = 0; station < stationCount; station += 1) {
          const value = exactValue(stations[station * speciesCount + species]);
          if (value) total = add(total, value);
        }
        this.storeRational(at, divide(total, count));
      }
    }
    return true;
  }

  /** Brings every window touched by write / writeMean up to date. */
  flush(): void {
    this.ring.flush();
  }

  /** Writes consecutive hours from `firstHourEnd` (columns in speciesOrder) and recomputes once. */
  load(firstHourEnd: number, columns: readonly ArrayLike<number>[]): void {
    const firstHour = toHourIndex(firstHourEnd);
    const length = columns[0]?.length ?? 0;
    for (let offset = 0; offset < length; offset += 1) {
      const hour = firstHour + offset;
      if (!this.ring.admit(hour)) continue;
      const slot = hour & this.ring.mask;
      for (let species = 0; species < speciesCount; species += 1)
        this.store(species * this.capacity + slot, columns[species]![offset]);
    }
    this.ring.flush();
  }

  /**
   * Moves the newest hour on to `hourEnd` without values (the hours between are missing), so that the
   * windows ending there exist: a clock that runs on after the last data still has its windows.
   */
  extendTo(hourEnd: number): void {
    const hour = toHourIndex(hourEnd);
    if (Number.isNaN(this.ring.newest) || hour <= this.ring.newest) return;
    this.ring.admit(hour);
    const slot = hour & this.ring.mask;
    for (let species = 0; species < speciesCount; species += 1)
      this.storeTicks(species * this.capacity + slot, Number.NaN);
    this.ring.flush();
  }

  /** The hour's own value (1-hour mean) of a species, or null when missing or not held. */
  value(species: Species, hourEnd: number): number | null {
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const at = speciesOrder.indexOf(species) * this.capacity + slot;
    const ticks = this.ticks[at]!;
    if (Number.isNaN(ticks)) return null;
    return this.inexact[at] ? exactNumbers.toNumber(this.rationals.get(at)!) : ticks / ticksPerUnit;
  }

  /** The 24-hour moving mean ending at hourEnd, or null when fewer than 20 hours are valid. */
  mean24h(species: Species, hourEnd: number): number | null {
    const index = speciesOrder.indexOf(species);
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const at = index * this.capacity + slot;
    const count = this.counts24[at]!;
    if (count < minimumHoursFor24h) return null;
    if (this.inexact24[at]) return exactNumbers.toNumber(this.exactMean(index, slot, 24));
    return this.sums24[at]! / (count * ticksPerUnit);
  }

  /** The O3 8-hour moving mean ending at hourEnd, or null when fewer than 6 hours are valid. */
  ozone8h(hourEnd: number): number | null {
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const count = this.counts8[slot]!;
    if (count < minimumHoursFor8h) return null;
    if (this.inexact8[slot]) return exactNumbers.toNumber(this.exactMean(ozone, slot, 8));
    return this.sums8[slot]! / (count * ticksPerUnit);
  }

  /** Real-time AQI of the hour ending at hourEnd (as published: null when NA). */
  hourlyAqi(hourEnd: number): number | null {
    return this.stored(this.hourlyAqis, hourlyKind, hourEnd);
  }

  /** Daily AQI of the 24-hour window ending at hourEnd: D(t) of the plans. */
  dailyAqi(hourEnd: number): number | null {
    return this.stored(this.dailyAqis, dailyKind, hourEnd);
  }

  hourlyPrimaryPollutants(hourEnd: number): Species[] {
    const slot = this.ratedSlot(hourlyKind, hourEnd);
    return slot < 0 ? [] : speciesFromMask(this.hourlyPrimary[slot]!);
  }

  dailyPrimaryPollutants(hourEnd: number): Species[] {
    const slot = this.ratedSlot(dailyKind, hourEnd);
    return slot < 0 ? [] : speciesFromMask(this.dailyPrimary[slot]!);
  }

  /** Rates the reports (both by default) of the hours from … to at once, before a series reads them all. */
  rate(fromHourEnd: number, toHourEnd: number, kind?: ReportKind): void {
    this.ring.flush();
    const kinds = kind === 'hourly' ? hourlyKind : kind === 'daily' ? dailyKind : hourlyKind | dailyKind;
    this.ensureReports(kinds, Math.ceil(fromHourEnd / HOUR), Math.floor(toHourEnd / HOUR));
  }

  /**
   * The indicators the real-time report of this hour lacked for want of valid hours (DOMAIN.md, incomplete
   * data); empty when complete or when nothing at all was measured.
   */
  hourlyMissingIndicators(hourEnd: number): Indicator[] {
    const slot = this.ratedSlot(hourlyKind, hourEnd);
    return slot < 0 ? [] : indicatorsFromMask(this.hourlyMissing[slot]!);
  }

  /** The same for the daily report of the 24-hour window ending at hourEnd. */
  dailyMissingIndicators(hourEnd: number): Indicator[] {
    const slot = this.ratedSlot(dailyKind, hourEnd);
    return slot < 0 ? [] : indicatorsFromMask(this.dailyMissing[slot]!);
  }

  /** The full report (sub-indices, concentrations, category…) for the hour or window ending at hourEnd. */
  report(hourEnd: number, kind: ReportKind): AqiReport {
    const edition = this.options.edition ?? editionFor(hourEnd);
    const slot = this.slotOf(hourEnd);
    this.scratch.clear();
    if (slot >= 0) this.fillHourly(slot);
    if (slot >= 0 && kind === 'daily') this.fillDailyOzone(slot);
    evaluateReport(compiledRules(edition), kind, this.scratch, this.unmonitoredMask);
    return reportFromScratch(this.scratch, kind, edition);
  }

  private stored(column: Int16Array, kind: number, hourEnd: number): number | null {
    const slot = this.ratedSlot(kind, hourEnd);
    if (slot < 0) return null;
    const value = column[slot]!;
    return value === notAvailable ? null : value;
  }

  /** The slot of a held hour with its report of `kind` rated, or -1. */
  private ratedSlot(kind: number, hourEnd: number): number {
    const slot = this.slotOf(hourEnd);
    if (slot >= 0 && (this.rated[slot]! & kind) === 0)
      this.ensureReports(kind, hourEnd / HOUR, hourEnd / HOUR);
    return slot;
  }

  /** The ring slot of a held hour, or -1. */
  private slotOf(hourEnd: number): number {
    this.ring.flush();
    const hour = hourEnd / HOUR;
    return Number.isInteger(hour) && this.ring.holds(hour) ? hour & this.ring.mask : -1;
  }

  private store(at: number, value: number | null | undefined): void {
    if (isMissing(value)) {
      this.storeTicks(at, Number.NaN);
      return;
    }
    const ticks = ticksOf(value);
    if (Number.isNaN(ticks)) this.storeRational(at, exactValue(value)!);
    else this.storeTicks(at, ticks);
  }

  private storeTicks(at: number, ticks: number): void {
    this.ticks[at] = ticks;
    if (this.inexact[at]) {
      this.inexact[at] = 0;
      this.rationals.delete(at);
    }
  }

  /** A value the ticks cannot hold: kept exact, with an integer stand-in for the running sums. */
  private storeRational(at: number, value: exactNumbers.Rational): void {
    const approximate = Math.min(
      largestApproximateTicks,
      Math.round(exactNumbers.toNumber(value) * ticksPerUnit),
    );
    this.ticks[at] = approximate;
    this.inexact[at] = 1;
    this.rationals.set(at, value);
  }

  private clearHour(hour: number): void {
    const slot = hour & this.ring.mask;
    for (let species = 0; species < speciesCount; species += 1)
      this.storeTicks(species * this.capacity + slot, Number.NaN);
  }

  /** Recomputes the windows ending at hours from … to, in column passes (one tight loop per statistic). */
  /**
   * Slides the windows ending at hours from … to, in column passes (one tight loop per statistic). Their
   * reports are rated when first read (ensureReports): a station whose daily AQI nobody reads never pays.
   */
  private recompute(from: number, to: number): void {
    const exactOnly = this.rationals.size === 0;
    for (let species = 0; species < speciesCount; species += 1) this.slideMeans(species, from, to, exactOnly);
    this.slideOzone(from, to, exactOnly);
    const mask = this.ring.mask;
    for (let hour = from; hour <= to; hour += 1) this.rated[hour & mask] = 0;
  }

  /** Rates the reports of `kinds` (hourlyKind | dailyKind) for the held hours from … to not yet rated. */
  private ensureReports(kinds: number, fromHour: number, toHour: number): void {
    const { mask, first, newest } = this.ring;
    const from = Math.max(fromHour, first, newest - this.capacity + 1);
    const to = Math.min(toHour, newest);
    let run = Number.NaN;
    for (let hour = from; hour <= to + 1; hour += 1) {
      const stale = hour <= to && (this.rated[hour & mask]! & kinds) !== kinds;
      if (stale && Number.isNaN(run)) run = hour;
      else if (!stale && !Number.isNaN(run)) {
        this.rateRange(kinds, run, hour - 1);
        run = Number.NaN;
      }
    }
  }

  private rateRange(kinds: number, from: number, to: number): void {
    if (this.fixedRules === null && from < firstHourOf2026 && to >= firstHourOf2026) {
      this.rateRangeWith(kinds, from, firstHourOf2026 - 1, rules2012);
      this.rateRangeWith(kinds, firstHourOf2026, to, rules2026);
    } else
      this.rateRangeWith(
        kinds,
        from,
        to,
        this.fixedRules ?? (from >= firstHourOf2026 ? rules2026 : rules2012),
      );
  }

  private rateRangeWith(kinds: number, from: number, to: number, rules: compiled.CompiledRules): void {
    const length = to - from + 1;
    const values = subIndexColumns(length);
    const summary = this.scratch;
    const mask = this.ring.mask;
    const hourly = rules.hourly;
    const daily = rules.daily;
    if (kinds & hourlyKind) {
      for (let position = 0; position < hourly.length; position += 1)
        this.fillColumn(rules, hourly[position]!, from, length, false, values);
      for (let offset = 0; offset < length; offset += 1) {
        summarizeReport(rules, hourly, values, offset, length, this.unmonitoredMask, summary);
        const slot = (from + offset) & mask;
        this.hourlyAqis[slot] = !Number.isNaN(summary.aqi) ? summary.aqi : notAvailable;
        this.hourlyPrimary[slot] = summary.primaryMask;
        this.hourlyMissing[slot] = summary.missingMask;
        this.rated[slot]! |= hourlyKind;
      }
    }
    if ((kinds & dailyKind) === 0) return;
    // 24-hour means both reports use (2012 rates PM in the real-time report by them) are rated once.
    const reused = kinds & hourlyKind ? (rules === rules2012 ? reusedByDaily2012 : reusedByDaily2026) : 0;
    for (let position = 0; position < daily.length; position += 1) {
      const index = daily[position]!;
      if ((reused & (1 << index)) === 0) this.fillColumn(rules, index, from, length, true, values);
    }
    for (let offset = 0; offset < length; offset += 1) {
      summarizeReport(rules, daily, values, offset, length, this.unmonitoredMask, summary);
      const slot = (from + offset) & mask;
      this.dailyAqis[slot] = !Number.isNaN(summary.aqi) ? summary.aqi : notAvailable;
      this.dailyPrimary[slot] = summary.primaryMask;
      this.dailyMissing[slot] = summary.missingMask;
      this.rated[slot]! |= dailyKind;
    }
  }

  /** Slides one species' 24-hour sum, count and inexact count over hours from … to. */
  private slideMeans(species: number, from: number, to: number, exactOnly: boolean): void {
    const { mask, first } = this.ring;
    const column = species * this.capacity;
    const { ticks, inexact, sums24, counts24, inexact24 } = this;
    const before = from - 1 >= first;
    let sum = before ? sums24[column + ((from - 1) & mask)]! : 0;
    let count = before ? counts24[column + ((from - 1) & mask)]! : 0;
    let inexactCount = before && !exactOnly ? inexact24[column + ((from - 1) & mask)]! : 0;
    for (let hour = from; hour <= to; hour += 1) {
      const at = column + (hour & mask);
      const incoming = ticks[at]!;
      if (!Number.isNaN(incoming)) {
        sum += incoming;
        count += 1;
        if (!exactOnly) inexactCount += inexact[at]!;
      }
      if (hour - 24 >= first) {
        const leaving = column + ((hour - 24) & mask);
        const outgoing = ticks[leaving]!;
        if (!Number.isNaN(outgoing)) {
          sum -= outgoing;
          count -= 1;
          if (!exactOnly) inexactCount -= inexact[leaving]!;
        }
      }
      sums24[at] = sum;
      counts24[at] = count;
      inexact24[at] = inexactCount;
    }
  }

  /** Slides the O3 windows: the 8-hour mean, the window's highest hour and highest valid 8-hour mean. */
  private slideOzone(from: number, to: number, exactOnly: boolean): void {
    const { mask, first } = this.ring;
    const column = ozone * this.capacity;
    const { ticks, inexact, sums8, counts8, inexact8, highestHour, highest8hHour, valid8hMeans } = this;
    const before = from - 1 >= first;
    const previous = (from - 1) & mask;
    let sum = before ? sums8[previous]! : 0;
    let count = before ? counts8[previous]! : 0;
    let inexactCount = before && !exactOnly ? inexact8[previous]! : 0;
    let highest = before ? highestHour[previous]! : noHour;
    let highest8h = before ? highest8hHour[previous]! : noHour;
    let validMeans = before ? valid8hMeans[previous]! : 0;
    for (let hour = from; hour <= to; hour += 1) {
      const slot = hour & mask;
      const incoming = ticks[column + slot]!;
      const valid = !Number.isNaN(incoming);
      if (valid) {
        sum += incoming;
        count += 1;
        if (!exactOnly) inexactCount += inexact[column + slot]!;
      }
      if (hour - 8 >= first) {
        const leaving = column + ((hour - 8) & mask);
        const outgoing = ticks[leaving]!;
        if (!Number.isNaN(outgoing)) {
          sum -= outgoing;
          count -= 1;
          if (!exactOnly) inexactCount -= inexact[leaving]!;
        }
      }
      sums8[slot] = sum;
      counts8[slot] = count;
      inexact8[slot] = inexactCount;

      if (highest !== noHour && highest <= hour - 24) highest = this.highestValueHour(hour);
      else if (valid && (highest === noHour || incoming >= ticks[column + (highest & mask)]!)) highest = hour;
      highestHour[slot] = highest;

      const valid8h = count >= minimumHoursFor8h;
      const leavingMean = hour - eightHourMeansPerDay;
      if (valid8h) validMeans += 1;
      if (leavingMean >= first && counts8[leavingMean & mask]! >= minimumHoursFor8h) validMeans -= 1;
      valid8hMeans[slot] = validMeans;
      if (highest8h !== noHour && highest8h <= leavingMean) highest8h = this.highestMeanHour(hour);
      else if (valid8h && (highest8h === noHour || !this.lower8h(slot, highest8h & mask))) highest8h = hour;
      highest8hHour[slot] = highest8h;
    }
  }

  /**
   * One indicator's sub-index for every hour from `from` (length hours) into its column of `values`: the
   * concentrations as integer ratios into two columns, rated in one tight loop (subIndexColumn); an
   * inexact window or a concentration above the table goes through subIndex, value by value.
   */
  private fillColumn(
    rules: compiled.CompiledRules,
    index: number,
    from: number,
    length: number,
    daily: boolean,
    values: Float64Array,
  ): void {
    const out = index * length;
    if (rules.breakpointCounts[index] === 0) {
      values.fill(Number.NaN, out, out + length);
      return;
    }
    const { numerators, denominators } = ratioColumns(length);
    const source = sourceOf[index]!;
    if (source === dayMeanSource) this.dayMeanRatios(index, from, length, numerators, denominators);
    else if (source === ozone8hSource && daily) this.highest8hRatios(from, length, numerators, denominators);
    else if (source === ozone8hSource) this.ozone8hRatios(from, length, numerators, denominators);
    else if (daily && index === ozone1h) this.highest1hRatios(from, length, numerators, denominators);
    else this.hourRatios(index, from, length, numerators, denominators);
    subIndexColumn(rules, index, numerators, denominators, length, values, out);
    const mask = this.ring.mask;
    for (let offset = 0; offset < length; offset += 1)
      if (values[out + offset] === needsSlowPath)
        values[out + offset] = this.subIndex(rules, index, (from + offset) & mask, daily);
  }

  private dayMeanRatios(
    index: number,
    from: number,
    length: number,
    numerators: Float64Array,
    denominators: Float64Array,
  ) {
    const mask = this.ring.mask;
    const column = speciesOfIndicator[index]! * this.capacity;
    const { sums24, counts24, inexact24 } = this;
    for (let offset = 0; offset < length; offset += 1) {
      const at = column + ((from + offset) & mask);
      const count = counts24[at]!;
      numerators[offset] = sums24[at]!;
      denominators[offset] =
        count < minimumHoursFor24h ? 0 : inexact24[at] === 0 ? count * ticksPerUnit : needsSlowPath;
    }
  }

  private hourRatios(
    index: number,
    from: number,
    length: number,
    numerators: Float64Array,
    denominators: Float64Array,
  ) {
    const mask = this.ring.mask;
    const column = speciesOfIndicator[index]! * this.capacity;
    const { ticks, inexact } = this;
    for (let offset = 0; offset < length; offset += 1) {
      const at = column + ((from + offset) & mask);
      const value = ticks[at]!;
      numerators[offset] = value;
      denominators[offset] = Number.isNaN(value) ? 0 : inexact[at] === 0 ? ticksPerUnit : needsSlowPath;
    }
  }

  private ozone8hRatios(from: number, length: number, numerators: Float64Array, denominators: Float64Array) {
    const mask = this.ring.mask;
    const { sums8, counts8, inexact8 } = this;
    for (let offset = 0; offset < length; offset += 1) {
      const slot = (from + offset) & mask;
      const count = counts8[slot]!;
      numerators[offset] = sums8[slot]!;
      denominators[offset] =
        count < minimumHoursFor8h ? 0 : inexact8[slot] === 0 ? count * ticksPerUnit : needsSlowPath;
    }
  }

  private highest1hRatios(
    from: number,
    length: number,
    numerators: Float64Array,
    denominators: Float64Array,
  ) {
    const mask = this.ring.mask;
    const column = ozone * this.capacity;
    const { ticks, counts24, inexact24, highestHour } = this;
    for (let offset = 0; offset < length; offset += 1) {
      const slot = (from + offset) & mask;
      const highest = highestHour[slot]!;
      const valid = counts24[column + slot]! >= minimumHoursForMax1h && highest !== noHour;
      numerators[offset] = valid ? ticks[column + (highest & mask)]! : 0;
      denominators[offset] = !valid ? 0 : inexact24[column + slot] === 0 ? ticksPerUnit : needsSlowPath;
    }
  }

  private highest8hRatios(
    from: number,
    length: number,
    numerators: Float64Array,
    denominators: Float64Array,
  ) {
    const mask = this.ring.mask;
    const column = ozone * this.capacity;
    const { sums8, counts8, inexact24, valid8hMeans, highest8hHour } = this;
    for (let offset = 0; offset < length; offset += 1) {
      const slot = (from + offset) & mask;
      const valid = valid8hMeans[slot]! >= minimumMeansForMax8h;
      const best = highest8hHour[slot]! & mask;
      numerators[offset] = valid ? sums8[best]! : 0;
      denominators[offset] = !valid
        ? 0
        : inexact24[column + slot] === 0
          ? counts8[best]! * ticksPerUnit
          : needsSlowPath;
    }
  }

  /**
   * One indicator's sub-index at a held slot, from the windows (`daily`: O3 takes the window's maxima),
   * with the table notes; NaN for NA. The per-hour hot path: integers, or BigInt where a value is inexact.
   */
  private subIndex(rules: compiled.CompiledRules, index: number, slot: number, daily: boolean): number {
    if (rules.breakpointCounts[index] === 0) return Number.NaN;
    const at = speciesOfIndicator[index]! * this.capacity + slot;
    let numerator = 0;
    let denominator = 0;
    let rational: exactNumbers.Rational | null = null;
    const source = sourceOf[index]!;
    if (source === dayMeanSource) {
      const count = this.counts24[at]!;
      if (count < minimumHoursFor24h) return Number.NaN;
      if (this.inexact24[at]) rational = this.exactMean(speciesOfIndicator[index]!, slot, 24);
      numerator = this.sums24[at]!;
      denominator = count * ticksPerUnit;
    } else if (source === ozone8hSource && daily) {
      if (this.valid8hMeans[slot]! < minimumMeansForMax8h) return Number.NaN;
      const best = this.highest8hHour[slot]! & this.ring.mask;
      if (this.inexact24[at]) rational = this.exactHighest8h(slot);
      numerator = this.sums8[best]!;
      denominator = this.counts8[best]! * ticksPerUnit;
    } else if (source === ozone8hSource) {
      const count = this.counts8[slot]!;
      if (count < minimumHoursFor8h) return Number.NaN;
      if (this.inexact8[slot]) rational = this.exactMean(ozone, slot, 8);
      numerator = this.sums8[slot]!;
      denominator = count * ticksPerUnit;
    } else if (daily && index === ozone1h) {
      const highest = this.highestHour[slot]!;
      if (this.counts24[at]! < minimumHoursForMax1h || highest === noHour) return Number.NaN;
      if (this.inexact24[at]) rational = this.exactHighest1h(slot);
      numerator = this.ticks[ozone * this.capacity + (highest & this.ring.mask)]!;
      denominator = ticksPerUnit;
    } else {
      numerator = this.ticks[at]!;
      if (Number.isNaN(numerator)) return Number.NaN;
      if (this.inexact[at]) rational = this.rationals.get(at)!;
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
    return fallback >= 0 ? this.subIndex(rules, fallback, slot, daily) : topIaqi;
  }

  /** Whether the 8-hour mean at slot a is below the one at slot b (exact: cross-multiplied integers). */
  private lower8h(a: number, b: number): boolean {
    return this.sums8[a]! * this.counts8[b]! < this.sums8[b]! * this.counts8[a]!;
  }

  private highestValueHour(hour: number): number {
    const column = ozone * this.capacity;
    let best = noHour;
    let bestValue = -1;
    for (let other = Math.max(this.ring.first, hour - 23); other <= hour; other += 1) {
      const value = this.ticks[column + (other & this.ring.mask)]!;
      if (!(value >= bestValue)) continue;
      best = other;
      bestValue = value;
    }
    return best;
  }

  private highestMeanHour(hour: number): number {
    let best = noHour;
    for (let other = Math.max(this.ring.first, hour - eightHourMeansPerDay + 1); other <= hour; other += 1) {
      const slot = other & this.ring.mask;
      if (this.counts8[slot]! < minimumHoursFor8h) continue;
      if (best === noHour || !this.lower8h(slot, best & this.ring.mask)) best = other;
    }
    return best;
  }

  /**
   * Puts the real-time report's indicators for a held slot into the scratch, with the 24-hour means the
   * 2012 notes fall back on; the daily report then only swaps in its O3 statistics.
   */
  private fillHourly(slot: number): void {
    // Every indicator is written (present or 0/0 for missing), so the scratch needs no clearing.
    const scratch = this.scratch;
    const { numerators, denominators } = scratch;
    scratch.rationalMask = 0;
    const capacity = this.capacity;
    for (let species = 0; species < speciesCount; species += 1) {
      const at = species * capacity + slot;
      const index = dayMean[species]!;
      if (index >= 0) {
        const count = this.counts24[at]!;
        const valid = count >= minimumHoursFor24h;
        numerators[index] = valid ? this.sums24[at]! : 0;
        denominators[index] = valid ? count * ticksPerUnit : 0;
        if (valid && this.inexact24[at]) scratch.setRational(index, this.exactMean(species, slot, 24));
      }
      const value = this.ticks[at]!;
      const present = !Number.isNaN(value);
      const hourIndex = oneHour[species]!;
      numerators[hourIndex] = present ? value : 0;
      denominators[hourIndex] = present ? ticksPerUnit : 0;
      if (present && this.inexact[at]) scratch.setRational(hourIndex, this.rationals.get(at)!);
    }
    const count = this.counts8[slot]!;
    const valid8h = count >= minimumHoursFor8h;
    numerators[ozone8h] = valid8h ? this.sums8[slot]! : 0;
    denominators[ozone8h] = valid8h ? count * ticksPerUnit : 0;
    if (valid8h && this.inexact8[slot]) scratch.setRational(ozone8h, this.exactMean(ozone, slot, 8));
  }

  /** Replaces the O3 indicators with the window's daily maxima (NA when invalid). */
  private fillDailyOzone(slot: number): void {
    const scratch = this.scratch;
    const mask = this.ring.mask;
    const column = ozone * this.capacity;
    const highest = this.highestHour[slot]!;
    const valid1h = this.counts24[column + slot]! >= minimumHoursForMax1h && highest !== noHour;
    const best = this.highest8hHour[slot]! & mask;
    const valid8h = this.valid8hMeans[slot]! >= minimumMeansForMax8h;
    scratch.set(ozone1h, valid1h ? this.ticks[column + (highest & mask)]! : 0, valid1h ? ticksPerUnit : 0);
    scratch.set(ozone8h, valid8h ? this.sums8[best]! : 0, valid8h ? this.counts8[best]! * ticksPerUnit : 0);
    if (this.inexact24[column + slot] === 0) return;
    // Some O3 hour of the window is not whole ticks: pick both maxima on the exact values.
    if (valid1h) scratch.setRational(ozone1h, this.exactHighest1h(slot));
    if (valid8h) scratch.setRational(ozone8h, this.exactHighest8h(slot));
  }

  /** The hour index held in a slot (the ring holds one hour per slot, the newest `capacity`). */
  private hourOfSlot(slot: number): number {
    const newest = this.ring.newest;
    return newest - ((newest - slot) & this.ring.mask);
  }

  private exactHour(species: number, hour: number): exactNumbers.Rational | null {
    if (hour < this.ring.first) return null;
    const at = species * this.capacity + (hour & this.ring.mask);
    const ticks = this.ticks[at]!;
    if (Number.isNaN(ticks)) return null;
    return this.inexact[at] ? this.rationals.get(at)! : ticksAsRational(ticks);
  }

  /** The exact mean of the valid values of the `span` hours ending at the slot's hour. */
  private exactMean(species: number, slot: number, span: number): exactNumbers.Rational {
    const hour = this.hourOfSlot(slot);
    let total: exactNumbers.Rational = { numerator: 0n, denominator: 1n };
    let count = 0;
    for (let other = hour - span + 1; other <= hour; other += 1) {
      const value = this.exactHour(species, other);
      if (!value) continue;
      total = add(total, value);
      count += 1;
    }
    return divide(total, count);
  }

  /** The window's highest O3 hour, compared exactly. */
  private exactHighest1h(slot: number): exactNumbers.Rational {
    const hour = this.hourOfSlot(slot);
    let best: exactNumbers.Rational | null = null;
    for (let other = hour - 23; other <= hour; other += 1) {
      const value = this.exactHour(ozone, other);
      if (value && (!best || compare(value, best) > 0)) best = value;
    }
    return best!;
  }

  /** The window's highest valid O3 8-hour mean, compared exactly. */
  private exactHighest8h(slot: number): exactNumbers.Rational {
    const hour = this.hourOfSlot(slot);
    let best: exactNumbers.Rational | null = null;
    for (let other = Math.max(this.ring.first, hour - eightHourMeansPerDay + 1); other <= hour; other += 1) {
      const otherSlot = other & this.ring.mask;
      if (this.counts8[otherSlot]! < minimumHoursFor8h) continue;
      const value = this.exactMean(ozone, otherSlot, 8);
      if (!best || compare(value, best) > 0) best = value;
    }
    return best!;
  }
}

function toHourIndex(hourEnd: number): number {
  if (hourEnd % HOUR !== 0) throw new Error(`hour end ${hourEnd} is not a whole hour`);
  return hourEnd / HOUR;
}
