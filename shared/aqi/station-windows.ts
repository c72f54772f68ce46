import * as time from '../time';
import * as compiled from './compiled-rules';
import * as editions from './editions';
import * as evaluate from './evaluate';
import { HourRing } from './hour-ring';
import { OzoneWindows } from './ozone-windows';
import { type AqiReport, reportFromScratch } from './report';
import * as scale from './scale';
import {
  type Edition,
  indicatorIndex,
  type ReportKind,
  type Species,
  speciesFromMask,
  speciesOrder,
} from './species';
import * as validity from './validity';

// Local copies: imported bindings are property getters once tsx compiles modules, too slow per hour.
const { HOUR } = time;
const { compiledRules } = compiled;
const { editionFor } = editions;
const { evaluateReport, ReportScratch } = evaluate;
const { microsPerUnit, toMicros } = scale;
const { minimumHoursFor8h, minimumHoursFor24h, minimumHoursForMax1h, minimumMeansForMax8h } = validity;
const rules2012 = compiledRules('2012');
const rules2026 = compiledRules('2026');
const firstHourOf2026 = editions.edition2026From / HOUR;

const speciesCount = speciesOrder.length;
const ozone = speciesOrder.indexOf('o3');
const notAvailable = -1;

const oneHour = speciesOrder.map((name) => indicatorIndex[`${name}_1h`]);
const dayMean = speciesOrder.map((name) => (name === 'o3' ? -1 : indicatorIndex[`${name}_24h` as 'so2_24h']));
const ozone1h = indicatorIndex.o3_1h;
const ozone8h = indicatorIndex.o3_8h;

export type WindowsOptions = {
  /** Hours kept for lookup and late corrections (default two weeks); rounded up to a power of two. */
  retainHours?: number;
  /** Force one edition; by default each hour uses the edition in force at its end (editionFor). */
  edition?: Edition;
  /** HJ 633-2026 §5.3.2: pollutants outside this station's monitoring plan. */
  unmonitored?: readonly Species[];
};

/**
 * One station's (or unit's) hourly values, hour-ending Beijing time, with every window HJ 633 needs: 24-hour
 * moving means, the O3 8-hour moving mean, the O3 daily maxima, and the real-time and daily AQI at every
 * hour. Values are kept as exact millionths, so the running sums never drift. Appending the next hour
 * costs O(1); a late or corrected hour recomputes only the 24 windows containing it.
 */
export class StationWindows {
  private readonly ring: HourRing;
  /** Species-major columns: species s at slot i is [s × capacity + i]. */
  private readonly values: Float64Array;
  private readonly sums24: Float64Array;
  private readonly counts24: Uint8Array;
  private readonly ozone: OzoneWindows;
  private readonly hourlyAqis: Int16Array;
  private readonly hourlyPrimary: Uint8Array;
  private readonly dailyAqis: Int16Array;
  private readonly dailyPrimary: Uint8Array;
  private readonly scratch = new ReportScratch();
  private readonly fixedRules: compiled.CompiledRules | null;
  private readonly unmonitoredMask: number;

  constructor(private readonly options: WindowsOptions = {}) {
    this.ring = new HourRing(
      options.retainHours ?? 14 * 24,
      (hour) => this.clearHour(hour),
      (from, to) => {
        for (let hour = from; hour <= to; hour += 1) this.computeHour(hour);
      },
    );
    const size = this.ring.capacity;
    this.values = new Float64Array(speciesCount * size);
    this.sums24 = new Float64Array(speciesCount * size);
    this.counts24 = new Uint8Array(speciesCount * size);
    this.ozone = new OzoneWindows(this.ring, this.values.subarray(ozone * size, (ozone + 1) * size));
    this.hourlyAqis = new Int16Array(size);
    this.hourlyPrimary = new Uint8Array(size);
    this.dailyAqis = new Int16Array(size);
    this.dailyPrimary = new Uint8Array(size);
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
   * Writes one hour's values in speciesOrder (µg/m³, CO mg/m³; NaN or negative = missing or flagged) and
   * updates the windows. Returns false when the hour is older than the ring can still correct.
   */
  set(hourEnd: number, values: ArrayLike<number>): boolean {
    const hour = toHourIndex(hourEnd);
    if (!this.ring.admit(hour)) return false;
    const slot = hour & this.ring.mask;
    for (let species = 0; species < speciesCount; species += 1)
      this.values[species * this.ring.capacity + slot] = toMicros(values[species]);
    this.ring.flush();
    return true;
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
        this.values[species * this.ring.capacity + slot] = toMicros(columns[species]![offset]);
    }
    this.ring.flush();
  }

  /** The 24-hour moving mean ending at hourEnd, or null when fewer than 20 hours are valid. */
  mean24h(species: Species, hourEnd: number): number | null {
    const index = speciesOrder.indexOf(species);
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const at = index * this.ring.capacity + slot;
    const count = this.counts24[at]!;
    return count >= minimumHoursFor24h ? this.sums24[at]! / count / microsPerUnit : null;
  }

  /** The O3 8-hour moving mean ending at hourEnd, or null when fewer than 6 hours are valid. */
  ozone8h(hourEnd: number): number | null {
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const count = this.ozone.counts8[slot]!;
    return count >= minimumHoursFor8h ? this.ozone.sums8[slot]! / count / microsPerUnit : null;
  }

  /** Real-time AQI of the hour ending at hourEnd (as published: null when NA). */
  hourlyAqi(hourEnd: number): number | null {
    return this.stored(this.hourlyAqis, hourEnd);
  }

  /** Daily AQI of the 24-hour window ending at hourEnd: D(t) of the plans. */
  dailyAqi(hourEnd: number): number | null {
    return this.stored(this.dailyAqis, hourEnd);
  }

  hourlyPrimaryPollutants(hourEnd: number): Species[] {
    const slot = this.slotOf(hourEnd);
    return slot < 0 ? [] : speciesFromMask(this.hourlyPrimary[slot]!);
  }

  dailyPrimaryPollutants(hourEnd: number): Species[] {
    const slot = this.slotOf(hourEnd);
    return slot < 0 ? [] : speciesFromMask(this.dailyPrimary[slot]!);
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

  private stored(column: Int16Array, hourEnd: number): number | null {
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const value = column[slot]!;
    return value === notAvailable ? null : value;
  }

  /** The ring slot of a held hour, or -1. */
  private slotOf(hourEnd: number): number {
    const hour = hourEnd / HOUR;
    return Number.isInteger(hour) && this.ring.holds(hour) ? hour & this.ring.mask : -1;
  }

  private clearHour(hour: number): void {
    const slot = hour & this.ring.mask;
    for (let species = 0; species < speciesCount; species += 1)
      this.values[species * this.ring.capacity + slot] = Number.NaN;
  }

  /** Slides every window to end at `hour` from the windows ending an hour earlier. */
  private computeHour(hour: number): void {
    const mask = this.ring.mask;
    const slot = hour & mask;
    const before = hour - 1 >= this.ring.first;
    const previous = (hour - 1) & mask;
    const capacity = this.ring.capacity;
    const leaving = hour - 24 >= this.ring.first;
    const leavingSlot = (hour - 24) & mask;
    for (let species = 0; species < speciesCount; species += 1) {
      const column = species * capacity;
      const incoming = this.values[column + slot]!;
      const outgoing = leaving ? this.values[column + leavingSlot]! : Number.NaN;
      let sum = before ? this.sums24[column + previous]! : 0;
      let count = before ? this.counts24[column + previous]! : 0;
      if (!Number.isNaN(incoming)) {
        sum += incoming;
        count += 1;
      }
      if (!Number.isNaN(outgoing)) {
        sum -= outgoing;
        count -= 1;
      }
      this.sums24[column + slot] = sum;
      this.counts24[column + slot] = count;
    }
    this.ozone.update(hour);
    const rules = this.fixedRules ?? (hour >= firstHourOf2026 ? rules2026 : rules2012);
    this.fillHourly(slot);
    evaluateReport(rules, 'hourly', this.scratch, this.unmonitoredMask);
    this.hourlyAqis[slot] = Number.isNaN(this.scratch.aqi) ? notAvailable : this.scratch.aqi;
    this.hourlyPrimary[slot] = this.scratch.primaryMask;
    this.fillDailyOzone(slot);
    evaluateReport(rules, 'daily', this.scratch, this.unmonitoredMask);
    this.dailyAqis[slot] = Number.isNaN(this.scratch.aqi) ? notAvailable : this.scratch.aqi;
    this.dailyPrimary[slot] = this.scratch.primaryMask;
  }

  /**
   * Puts the real-time report's indicators for a held slot into the scratch as exact ratios, with the
   * 24-hour means the 2012 notes fall back on; the daily report then only swaps in its O3 statistics.
   */
  private fillHourly(slot: number): void {
    // Every indicator is written (present or 0/0 for missing), so the scratch needs no clearing.
    const { numerators, denominators } = this.scratch;
    const capacity = this.ring.capacity;
    for (let species = 0; species < speciesCount; species += 1) {
      const at = species * capacity + slot;
      const count = this.counts24[at]!;
      const index = dayMean[species]!;
      if (index >= 0) {
        const valid = count >= minimumHoursFor24h;
        numerators[index] = valid ? this.sums24[at]! : 0;
        denominators[index] = valid ? count * microsPerUnit : 0;
      }
      const value = this.values[at]!;
      const present = !Number.isNaN(value);
      numerators[oneHour[species]!] = present ? value : 0;
      denominators[oneHour[species]!] = present ? microsPerUnit : 0;
    }
    const count = this.ozone.counts8[slot]!;
    const valid8h = count >= minimumHoursFor8h;
    numerators[ozone8h] = valid8h ? this.ozone.sums8[slot]! : 0;
    denominators[ozone8h] = valid8h ? count * microsPerUnit : 0;
  }

  /** Replaces the O3 indicators with the window's daily maxima (NA when invalid). */
  private fillDailyOzone(slot: number): void {
    const scratch = this.scratch;
    const mask = this.ring.mask;
    const highest = this.ozone.highestHour[slot]!;
    const column = ozone * this.ring.capacity;
    const valid1h = this.counts24[column + slot]! >= minimumHoursForMax1h && !Number.isNaN(highest);
    scratch.set(ozone1h, valid1h ? this.values[column + (highest & mask)]! : 0, valid1h ? microsPerUnit : 0);
    const bestSlot = this.ozone.highest8hHour[slot]! & mask;
    const valid8h = this.ozone.valid8hMeans[slot]! >= minimumMeansForMax8h;
    scratch.set(
      ozone8h,
      valid8h ? this.ozone.sums8[bestSlot]! : 0,
      valid8h ? this.ozone.counts8[bestSlot]! * microsPerUnit : 0,
    );
  }
}

function toHourIndex(hourEnd: number): number {
  if (hourEnd % HOUR !== 0) throw new Error(`hour end ${hourEnd} is not a whole hour`);
  return hourEnd / HOUR;
}
