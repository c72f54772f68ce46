import * as time from '../time';
import * as compiled from './compiled-rules';
import * as editions from './editions';
import * as evaluate from './evaluate';
import * as exactNumbers from './exact';
import { type AqiReport, reportFromScratch } from './report';
import {
  type Edition,
  type Indicator,
  indicatorsFromMask,
  type ReportKind,
  type Species,
  speciesFromMask,
  speciesOrder,
} from './species';
import * as validity from './validity';
import { fillReport, rateRange } from './window-rating';
import { flushStores, rewriteHour, slideWindows } from './window-slide';
import * as store from './window-store';

// Local copies: imported bindings are property getters once tsx compiles modules, too slow per hour.
const { HOUR } = time;
const { compiledRules } = compiled;
const { editionFor } = editions;
const { evaluateReport, ReportScratch } = evaluate;
const { add, divide, exactValue, isMissing, ticksOf, ticksPerUnit } = exactNumbers;
const { minimumHoursFor8h, minimumHoursFor24h } = validity;
const { carriedField, dailyKind, field, hourlyKind, notAvailable, ozone, speciesCount, WindowStore } = store;
const rules2012 = compiledRules('2012');
const rules2026 = compiledRules('2026');
const firstHourOf2026 = editions.edition2026From / HOUR;
const bigTicksPerUnit = BigInt(ticksPerUnit);

/**
 * Working space shared by every StationWindows (each call finishes before the next starts): one per
 * station would be a kilobyte apiece, a few scattered cache lines touched by every station every hour.
 */
const scratch = new ReportScratch();
/** An hour's values as ticks (NaN = missing) while it is written. */
const incoming = new Float64Array(speciesCount);

/**
 * The mean of `count` whole-tick values summing to `sum`, into incoming[species] (NaN for none); false when it
 * is not whole ticks (a mean of more than 10 stations may not be) or the sum is not exact: kept as a rational.
 */
function takeTickMean(species: number, sum: number, count: number): boolean {
  const mean = sum / count;
  if (count === 0) incoming[species] = Number.NaN;
  else if (Number.isInteger(mean) && sum <= Number.MAX_SAFE_INTEGER) incoming[species] = mean;
  else return false;
  return true;
}

/** writeRuns' windows whose ring took the run at once: each one's index and first hour index. */
const runsTaken: number[] = [];

/**
 * The means of `stationCount` stations' whole-tick values (6 each from offset, NaN = missing) into incoming;
 * returns the species whose mean is not whole ticks (tickMeanRational gives those).
 */
function takeTickMeans(ticks: Float64Array, offset: number, stationCount: number): number {
  let rationalMask = 0;
  for (let species = 0; species < speciesCount; species += 1) {
    let sum = 0;
    let count = 0;
    for (let station = 0; station < stationCount; station += 1) {
      const value = ticks[offset + station * speciesCount + species]!;
      if (Number.isNaN(value)) continue;
      sum += value;
      count += 1;
    }
    // A sum past 2^53 is redone in BigInt.
    if (!takeTickMean(species, sum, count)) rationalMask |= 1 << species;
  }
  return rationalMask;
}

/** The exact mean of a species' whole-tick values of `stationCount` stations (6 values each from offset). */
function tickMeanRational(
  ticks: Float64Array,
  offset: number,
  stationCount: number,
  species: number,
): exactNumbers.Rational {
  let sum = 0n;
  let count = 0n;
  for (let station = 0; station < stationCount; station += 1) {
    const value = ticks[offset + station * speciesCount + species]!;
    if (Number.isNaN(value)) continue;
    sum += BigInt(value);
    count += 1n;
  }
  return { numerator: sum, denominator: count * bigTicksPerUnit };
}

/** flushAll's stores. */
const flushing: store.WindowStore[] = [];

/** writeMean's stations' values as ticks. */
let meanTicks = new Float64Array(speciesCount * 8);

export type WindowsOptions = {
  /** Hours kept for lookup and late corrections (default three weeks); rounded up to a power of two. */
  retainHours?: number;
  /**
   * Record memory shared with the other windows of a network (WindowMemory): their hours laid out side by
   * side, so a new hour swept through every station reads consecutive memory. Its hours replace retainHours.
   */
  memory?: WindowMemory;
  /** Force one edition; by default each hour uses the edition in force at its end (editionFor). */
  edition?: Edition;
  /** HJ 633-2026 §5.3.2: pollutants outside this station's monitoring plan. */
  unmonitored?: readonly Species[];
  /**
   * The O3 daily maxima found when a daily report is read, not slid with every hour (WindowStore.maximaWhenRead):
   * for windows read hour by hour and seldom day by day (a network's stations).
   */
  ozoneMaximaWhenRead?: boolean;
};

/** Record memory for many StationWindows of one length, hour-major (window-store.ts RecordBlocks). */
export class WindowMemory {
  readonly blocks: store.RecordBlocks;

  constructor(retainHours: number) {
    this.blocks = new store.RecordBlocks(retainHours);
  }
}

/**
 * One station's (or unit's) hourly values, hour-ending Beijing time, with every window HJ 633 needs: 24-hour
 * moving means, the O3 8-hour moving mean, the O3 daily maxima, and the real-time and daily AQI at every
 * hour, with the indicators each report lacked. Values are kept as exact integers (exact.ts), so the
 * running sums never drift and GB/T 8170 ties are decided on the exact value. Appending the next hour
 * costs O(1); a late or corrected hour moves only the 24 windows containing it; reports are rated when
 * first read, a run of hours at a time.
 */
export class StationWindows {
  private readonly windows: store.WindowStore;
  private readonly fixedRules: compiled.CompiledRules | null;
  private readonly unmonitoredMask: number;

  constructor(private readonly options: WindowsOptions = {}) {
    this.windows = new WindowStore(
      options.retainHours ?? 21 * 24,
      slideWindows,
      options.memory?.blocks ?? null,
      options.ozoneMaximaWhenRead ?? false,
    );
    this.fixedRules = options.edition ? compiledRules(options.edition) : null;
    this.unmonitoredMask = (options.unmonitored ?? []).reduce(
      (mask, name) => mask | (1 << speciesOrder.indexOf(name)),
      0,
    );
  }

  /** End of the newest hour held, or null before the first value. */
  get newestHour(): number | null {
    const newest = this.windows.ring.newest;
    return Number.isNaN(newest) ? null : newest * HOUR;
  }

  /**
   * Writes one hour's values in speciesOrder (µg/m³, CO mg/m³; NaN, null or negative = missing or flagged)
   * and updates the windows. Returns false when the hour is older than the ring can still correct.
   */
  set(hourEnd: number, values: ArrayLike<number | null>): boolean {
    const written = this.write(hourEnd, values);
    this.windows.ring.flush();
    return written;
  }

  /**
   * As set, but the windows are brought up to date only by the next flush (or read): for batches. The
   * values may start at `offset` in `values`.
   */
  write(hourEnd: number, values: ArrayLike<number | null>, offset = 0): boolean {
    const hour = toHourIndex(hourEnd);
    let inexactMask = 0;
    for (let species = 0; species < speciesCount; species += 1) {
      const value = values[offset + species];
      // NaN for a missing value too: only a NaN of a present value is inexact.
      const ticks = ticksOf(value);
      if (Number.isNaN(ticks) && !isMissing(value)) inexactMask |= 1 << species;
      incoming[species] = ticks;
    }
    if (inexactMask === 0 && this.windows.ring.canRewrite(hour) && rewriteHour(this.windows, hour, incoming))
      return true;
    if (!this.windows.ring.admit(hour)) return false;
    const slot = hour & this.windows.ring.mask;
    for (let species = 0; species < speciesCount; species += 1) {
      if (inexactMask & (1 << species))
        this.windows.storeRational(slot, species, exactValue(values[offset + species])!);
      else this.windows.storeTicks(slot, species, incoming[species]!);
    }
    return true;
  }

  /**
   * Writes `count` consecutive hours into empty windows (after clear): window k's run from firstHourEnds[k],
   * hour h's six values at offsets[k] + h × stride; what write does hour by hour, with each ring taking the
   * run at once (a rebuild). Windows that hold hours, or a run longer than the ring, are written hour by hour.
   * Written hour by hour across the windows: windows sharing a WindowMemory then write one hour's records
   * side by side, where one window's run writes a record every 8 kB (a rebuild of every station).
   */
  static writeRuns(
    windows: readonly StationWindows[],
    firstHourEnds: ArrayLike<number>,
    count: number,
    values: ArrayLike<number>,
    offsets: ArrayLike<number>,
    stride: number,
  ): void {
    const taken = runsTaken;
    taken.length = 0;
    for (let index = 0; index < windows.length; index += 1) {
      const target = windows[index]!;
      const first = toHourIndex(firstHourEnds[index]!);
      if (target.windows.ring.admitRun(first, first + count - 1)) {
        taken.push(index, first);
        continue;
      }
      for (let hour = 0; hour < count; hour += 1)
        target.write(firstHourEnds[index]! + hour * HOUR, values, offsets[index]! + hour * stride);
    }
    for (let hour = 0; hour < count; hour += 1) {
      for (let position = 0; position < taken.length; position += 2) {
        const index = taken[position]!;
        const store = windows[index]!.windows;
        const slot = (taken[position + 1]! + hour) & store.ring.mask;
        const at = offsets[index]! + hour * stride;
        for (let species = 0; species < speciesCount; species += 1) {
          const value = values[at + species]!;
          const ticks = ticksOf(value);
          if (Number.isNaN(ticks) && !isMissing(value))
            store.storeRational(slot, species, exactValue(value)!);
          else store.storeTicks(slot, species, ticks);
        }
      }
    }
    taken.length = 0;
  }

  /**
   * Brings every window touched by write / writeMean up to date in many windows at once (each as flush), hour
   * by hour across the windows that share a WindowMemory (window-slide.ts flushStores).
   */
  static flushAll(windows: readonly StationWindows[]): void {
    const stores = flushing;
    stores.length = 0;
    for (let index = 0; index < windows.length; index += 1) stores.push(windows[index]!.windows);
    flushStores(stores);
    stores.length = 0;
  }

  /**
   * Writes a unit's hour: per species the arithmetic mean of its stations' valid values (DOMAIN.md, AQI:
   * a unit's concentration is the mean of its valid stations), exact, as the windows keep every value.
   * `stations` holds each station's values in speciesOrder, station after station (6 per station), from
   * `offset`.
   */
  writeMean(hourEnd: number, stations: ArrayLike<number>, stationCount: number, offset = 0): boolean {
    const length = stationCount * speciesCount;
    if (meanTicks.length < length) meanTicks = new Float64Array(length * 2);
    const ticks = meanTicks;
    let exact = true;
    for (let index = 0; index < length; index += 1) {
      const value = stations[offset + index]!;
      const converted = isMissing(value) ? Number.NaN : ticksOf(value);
      if (Number.isNaN(converted) && !isMissing(value)) exact = false;
      ticks[index] = converted;
    }
    if (exact) return this.writeMeanTicks(hourEnd, ticks, stationCount);
    return this.writeInexactMean(hourEnd, stations, stationCount, offset);
  }

  /**
   * writeMean from the stations' values as exact ticks (NaN = missing), as ticksAt gives them: the mean of
   * whole ticks is kept as ticks, any other as the exact ratio of the tick sum to the count.
   */
  writeMeanTicks(hourEnd: number, ticks: Float64Array, stationCount: number, offset = 0): boolean {
    const hour = toHourIndex(hourEnd);
    const rationalMask = takeTickMeans(ticks, offset, stationCount);
    return this.storeMean(hour, rationalMask, (species) =>
      tickMeanRational(ticks, offset, stationCount, species),
    );
  }

  /**
   * writeMeanTicks for `count` consecutive hours from `firstHourEnd` into empty windows (after clear), hour
   * k's stations at offset + k × stationCount × 6, with the ring taking the run at once (a rebuild). Windows
   * that hold hours, or a run longer than the ring, are written hour by hour.
   */
  writeMeanTicksRun(
    firstHourEnd: number,
    count: number,
    ticks: Float64Array,
    stationCount: number,
    offset: number,
  ): void {
    const first = toHourIndex(firstHourEnd);
    const perHour = stationCount * speciesCount;
    const { ring } = this.windows;
    if (!ring.admitRun(first, first + count - 1)) {
      for (let hour = 0; hour < count; hour += 1)
        this.writeMeanTicks(firstHourEnd + hour * HOUR, ticks, stationCount, offset + hour * perHour);
      return;
    }
    for (let hour = 0; hour < count; hour += 1) {
      const slot = (first + hour) & ring.mask;
      const at = offset + hour * perHour;
      const rationalMask = takeTickMeans(ticks, at, stationCount);
      for (let species = 0; species < speciesCount; species += 1) {
        if ((rationalMask & (1 << species)) === 0) this.windows.storeTicks(slot, species, incoming[species]!);
        else this.windows.storeRational(slot, species, tickMeanRational(ticks, at, stationCount, species));
      }
    }
  }

  /**
   * The hour's six values as exact ticks (NaN = missing) into target from offset, as writeMeanTicks takes
   * them; false when the windows cannot say: the hour is before the ring, in its oldest slots (where a late
   * write is refused, so the slot may not hold the latest value sent), or a value there is inexact. Hours
   * after the newest hold nothing.
   */
  ticksAt(hourEnd: number, target: Float64Array, offset: number): boolean {
    const hour = hourEnd / HOUR;
    const { ring, records, base, shift } = this.windows;
    if (hour > ring.newest) {
      for (let species = 0; species < speciesCount; species += 1) target[offset + species] = Number.NaN;
      return true;
    }
    if (!Number.isInteger(hour) || !ring.canRewrite(hour)) return false;
    const slot = hour & ring.mask;
    if (this.windows.tracksInexact)
      for (let species = 0; species < speciesCount; species += 1)
        if (this.windows.inexact[slot * speciesCount + species]) return false;
    const record = base + (slot << shift);
    for (let species = 0; species < speciesCount; species += 1)
      target[offset + species] = records[record + species]!;
    return true;
  }

  /** writeMean when a station's value is not whole ticks: those species' means are exact rationals. */
  private writeInexactMean(
    hourEnd: number,
    stations: ArrayLike<number>,
    stationCount: number,
    offset: number,
  ): boolean {
    const hour = toHourIndex(hourEnd);
    let inexactMask = 0;
    for (let species = 0; species < speciesCount; species += 1) {
      let sum = 0;
      let count = 0;
      for (let station = 0; station < stationCount; station += 1) {
        const value = stations[offset + station * speciesCount + species]!;
        if (isMissing(value)) continue;
        sum += ticksOf(value);
        count += 1;
      }
      // An inexact value made the sum NaN.
      if (!takeTickMean(species, sum, count)) inexactMask |= 1 << species;
    }
    return this.storeMean(hour, inexactMask, (species) => {
      let total: exactNumbers.Rational = { numerator: 0n, denominator: 1n };
      let count = 0;
      for (let station = 0; station < stationCount; station += 1) {
        const value = exactValue(stations[offset + station * speciesCount + species]);
        if (!value) continue;
        total = add(total, value);
        count += 1;
      }
      return divide(total, count);
    });
  }

  /**
   * Stores an hour's means: those in incoming as ticks (an hour still in place rewritten where the ring
   * allows it), the species of rationalMask as rationalOf gives them.
   */
  private storeMean(
    hour: number,
    rationalMask: number,
    rationalOf: (species: number) => exactNumbers.Rational,
  ): boolean {
    const { ring } = this.windows;
    if (rationalMask === 0 && ring.canRewrite(hour) && rewriteHour(this.windows, hour, incoming)) return true;
    if (!ring.admit(hour)) return false;
    const slot = hour & ring.mask;
    for (let species = 0; species < speciesCount; species += 1) {
      if ((rationalMask & (1 << species)) === 0) this.windows.storeTicks(slot, species, incoming[species]!);
      else this.windows.storeRational(slot, species, rationalOf(species));
    }
    return true;
  }

  /** Forgets every hour held, keeping the memory: for rebuilding the windows from stored hours. */
  clear(): void {
    this.windows.clear();
  }

  /** Brings every window touched by write / writeMean up to date. */
  flush(): void {
    this.windows.ring.flush();
  }

  /**
   * As flush, when the next reads are of windows ending at `fromHourEnd` or later (a rebuild read at its
   * newest hours): only those are computed now; an earlier one is computed when first read.
   */
  flushFrom(fromHourEnd: number): void {
    this.windows.ring.flushTail(Math.ceil(fromHourEnd / HOUR));
  }

  /** Writes consecutive hours from `firstHourEnd` (columns in speciesOrder) and recomputes once. */
  load(firstHourEnd: number, columns: readonly ArrayLike<number>[]): void {
    const firstHour = toHourIndex(firstHourEnd);
    const { ring } = this.windows;
    const length = columns[0]?.length ?? 0;
    for (let offset = 0; offset < length; offset += 1) {
      const hour = firstHour + offset;
      if (!ring.admit(hour)) continue;
      for (let species = 0; species < speciesCount; species += 1)
        this.store(hour & ring.mask, species, columns[species]![offset]);
    }
    ring.flush();
  }

  /**
   * Moves the newest hour on to `hourEnd` without values (the hours between are missing), so that the
   * windows ending there exist: a clock that runs on after the last data still has its windows.
   */
  extendTo(hourEnd: number): void {
    const hour = toHourIndex(hourEnd);
    const { ring } = this.windows;
    if (Number.isNaN(ring.newest) || hour <= ring.newest) return;
    ring.admit(hour);
    this.windows.clearHour(hour);
    ring.flush(hour);
  }

  /** The hour's own value (1-hour mean) of a species, or null when missing or not held. */
  value(species: Species, hourEnd: number): number | null {
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const index = speciesOrder.indexOf(species);
    const exact = this.windows.tracksInexact ? this.windows.exactHour(index, hourEnd / HOUR) : null;
    if (exact) return exactNumbers.toNumber(exact);
    const ticks = this.windows.records[this.windows.base + (slot << this.windows.shift) + index]!;
    return Number.isNaN(ticks) ? null : ticks / ticksPerUnit;
  }

  /** The 24-hour moving mean ending at hourEnd, or null when fewer than 20 hours are valid. */
  mean24h(species: Species, hourEnd: number): number | null {
    const index = speciesOrder.indexOf(species);
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const record = this.windows.base + (slot << this.windows.shift);
    const count = this.windows.records[record + field.count24 + index]!;
    if (count < minimumHoursFor24h) return null;
    if (this.windows.tracksInexact && this.windows.inexact24[slot * speciesCount + index])
      return exactNumbers.toNumber(this.windows.exactMean(index, slot, 24));
    return this.windows.records[record + field.sum24 + index]! / (count * ticksPerUnit);
  }

  /** The O3 8-hour moving mean ending at hourEnd, or null when fewer than 6 hours are valid. */
  ozone8h(hourEnd: number): number | null {
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const record = this.windows.base + (slot << this.windows.shift);
    const count = this.windows.records[record + field.count8]!;
    if (count < minimumHoursFor8h) return null;
    if (this.windows.tracksInexact && this.windows.inexact8[slot])
      return exactNumbers.toNumber(this.windows.exactMean(ozone, slot, 8));
    return this.windows.records[record + field.sum8]! / (count * ticksPerUnit);
  }

  /**
   * The revisions of the `count` windows ending hourly from fromHourEnd, into target: a window's revision
   * changes whenever any value of its hours (the 24 ending there) changes, so whatever was read of it under
   * one revision still holds while it is the same; −1 while the hour is not held (nothing to read: every
   * answer is null or empty).
   */
  windowRevisions(fromHourEnd: number, count: number, target: Float64Array): void {
    const { ring, carried, carriedBase, carriedShift } = this.windows;
    const from = fromHourEnd / HOUR;
    // One flush brings every later window up to date too (slotOf's flush, once for the run).
    ring.flush(from);
    for (let index = 0; index < count; index += 1) {
      const hour = from + index;
      target[index] =
        Number.isInteger(hour) && ring.holds(hour)
          ? carried[carriedBase + ((hour & ring.mask) << carriedShift) + carriedField.revision]!
          : -1;
    }
  }

  /** Real-time AQI of the hour ending at hourEnd (as published: null when NA). */
  hourlyAqi(hourEnd: number): number | null {
    return published(this.rated(hourlyKind, field.hourlyAqi, hourEnd));
  }

  /** Daily AQI of the 24-hour window ending at hourEnd: D(t) of the plans. */
  dailyAqi(hourEnd: number): number | null {
    return published(this.rated(dailyKind, field.dailyAqi, hourEnd));
  }

  hourlyPrimaryPollutants(hourEnd: number): Species[] {
    return speciesFromMask(this.rated(hourlyKind, field.hourlyPrimary, hourEnd) ?? 0);
  }

  dailyPrimaryPollutants(hourEnd: number): Species[] {
    return speciesFromMask(this.rated(dailyKind, field.dailyPrimary, hourEnd) ?? 0);
  }

  /**
   * The indicators the real-time report of this hour lacked for want of valid hours (DOMAIN.md, incomplete
   * data); empty when complete or when nothing at all was measured.
   */
  hourlyMissingIndicators(hourEnd: number): Indicator[] {
    return indicatorsFromMask(this.rated(hourlyKind, field.hourlyMissing, hourEnd) ?? 0);
  }

  /** The same for the daily report of the 24-hour window ending at hourEnd. */
  dailyMissingIndicators(hourEnd: number): Indicator[] {
    return indicatorsFromMask(this.rated(dailyKind, field.dailyMissing, hourEnd) ?? 0);
  }

  /** Rates the reports (both by default) of the hours from … to at once, before a series reads them all. */
  rate(fromHourEnd: number, toHourEnd: number, kind?: ReportKind): void {
    this.windows.ring.flush(Math.ceil(fromHourEnd / HOUR));
    const kinds = kind === 'hourly' ? hourlyKind : kind === 'daily' ? dailyKind : hourlyKind | dailyKind;
    this.ensureRated(kinds, Math.ceil(fromHourEnd / HOUR), Math.floor(toHourEnd / HOUR));
  }

  /** The full report (sub-indices, concentrations, category…) for the hour or window ending at hourEnd. */
  report(hourEnd: number, kind: ReportKind): AqiReport {
    const edition = this.options.edition ?? editionFor(hourEnd);
    const slot = this.slotOf(hourEnd);
    scratch.clear();
    if (slot >= 0) fillReport(this.windows, slot, kind === 'daily', scratch);
    evaluateReport(compiledRules(edition), kind, scratch, this.unmonitoredMask);
    return reportFromScratch(scratch, kind, edition);
  }

  /** A rated field of a held hour (null when not held), rating the hour's report first when needed. */
  private rated(kind: number, at: number, hourEnd: number): number | null {
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const record = this.windows.base + (slot << this.windows.shift);
    // slotOf found the hour held: it is its own run.
    if ((this.windows.records[record + field.rated]! & kind) === 0)
      this.rateRun(kind, hourEnd / HOUR, hourEnd / HOUR);
    return this.windows.records[record + at]!;
  }

  /** The slot of a held hour, or -1 (pending writes are brought up to date first). */
  private slotOf(hourEnd: number): number {
    const { ring } = this.windows;
    const hour = hourEnd / HOUR;
    ring.flush(hour);
    return Number.isInteger(hour) && ring.holds(hour) ? hour & ring.mask : -1;
  }

  private store(slot: number, species: number, value: number | null | undefined): void {
    if (isMissing(value)) {
      this.windows.storeTicks(slot, species, Number.NaN);
      return;
    }
    const ticks = ticksOf(value);
    if (Number.isNaN(ticks)) this.windows.storeRational(slot, species, exactValue(value)!);
    else this.windows.storeTicks(slot, species, ticks);
  }

  /** Rates the reports of `kinds` for the held hours from … to not yet rated, a run at a time. */
  private ensureRated(kinds: number, fromHour: number, toHour: number): void {
    const { records, ring, base, shift } = this.windows;
    const from = Math.max(fromHour, ring.first, ring.newest - ring.capacity + 1);
    const to = Math.min(toHour, ring.newest);
    let run = Number.NaN;
    for (let hour = from; hour <= to + 1; hour += 1) {
      const stale =
        hour <= to && (records[base + ((hour & ring.mask) << shift) + field.rated]! & kinds) !== kinds;
      if (stale && Number.isNaN(run)) run = hour;
      else if (!stale && !Number.isNaN(run)) {
        this.rateRun(kinds, run, hour - 1);
        run = Number.NaN;
      }
    }
  }

  /** Rates a run of hours, each under the edition in force at its end (split at 2026-03-01). */
  private rateRun(kinds: number, from: number, to: number): void {
    // No closure here: tsx names every closure it creates (__name), which costs more than the rating.
    const { windows, unmonitoredMask } = this;
    if (this.fixedRules) rateRange(windows, kinds, from, to, this.fixedRules, unmonitoredMask, scratch);
    else if (to < firstHourOf2026) rateRange(windows, kinds, from, to, rules2012, unmonitoredMask, scratch);
    else if (from >= firstHourOf2026)
      rateRange(windows, kinds, from, to, rules2026, unmonitoredMask, scratch);
    else {
      rateRange(windows, kinds, from, firstHourOf2026 - 1, rules2012, unmonitoredMask, scratch);
      rateRange(windows, kinds, firstHourOf2026, to, rules2026, unmonitoredMask, scratch);
    }
  }
}

function published(aqi: number | null): number | null {
  return aqi === notAvailable ? null : aqi;
}

function toHourIndex(hourEnd: number): number {
  // A division, not hourEnd % HOUR: a remainder of doubles this large costs more than the rest of a write.
  const hour = hourEnd / HOUR;
  if (!Number.isInteger(hour)) throw new Error(`hour end ${hourEnd} is not a whole hour`);
  return hour;
}
