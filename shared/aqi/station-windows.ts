import { HOUR } from '../time';
import { compiledRules, compiledRulesAt } from './compiled-rules';
import { editionFor } from './editions';
import { evaluateReport, ReportScratch } from './evaluate';
import { HourRing } from './hour-ring';
import { type AqiReport, reportFromScratch } from './report';
import { microsPerUnit, toMicros } from './scale';
import {
  type Edition,
  indicatorIndex,
  type ReportKind,
  type Species,
  speciesFromMask,
  speciesOrder,
} from './species';

const speciesCount = speciesOrder.length;
const ozone = speciesOrder.indexOf('o3');
/** GB 3095-2026 Table 4: a daily (24-hour) mean needs at least 20 hourly values, an 8-hour mean 6. */
export const minimumHoursFor24h = 20;
export const minimumHoursFor8h = 6;
/** HJ 663 (cited by HJ 633-2026 §6.1): the daily maximum 8-hour O3 needs 14 valid 8-hour means. */
export const minimumMeansForMax8h = 14;
/** The 8-hour means lying wholly inside a 24-hour window end in its last 17 hours. */
const eightHourMeansPerDay = 17;
/** Our choice: the daily maximum 1-hour O3 (2012 daily report) needs a valid day, as for a daily mean. */
const minimumHoursForMax1h = minimumHoursFor24h;
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
  private readonly values: Float64Array[];
  private readonly sums24: Float64Array[];
  private readonly counts24: Uint8Array[];
  private readonly sums8: Float64Array;
  private readonly counts8: Uint8Array;
  /** Daily maximum 1-hour O3 (millionths) of the window, NaN when invalid. */
  private readonly max1h: Float64Array;
  /** Sum and count of the window's highest valid 8-hour mean; count 0 when invalid. */
  private readonly max8hSums: Float64Array;
  private readonly max8hCounts: Uint8Array;
  private readonly hourlyAqis: Int16Array;
  private readonly hourlyPrimary: Uint8Array;
  private readonly dailyAqis: Int16Array;
  private readonly dailyPrimary: Uint8Array;
  private readonly scratch = new ReportScratch();
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
    const columns = () => speciesOrder.map(() => new Float64Array(size));
    this.values = columns();
    this.sums24 = columns();
    this.counts24 = speciesOrder.map(() => new Uint8Array(size));
    this.sums8 = new Float64Array(size);
    this.counts8 = new Uint8Array(size);
    this.max1h = new Float64Array(size);
    this.max8hSums = new Float64Array(size);
    this.max8hCounts = new Uint8Array(size);
    this.hourlyAqis = new Int16Array(size);
    this.hourlyPrimary = new Uint8Array(size);
    this.dailyAqis = new Int16Array(size);
    this.dailyPrimary = new Uint8Array(size);
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
      this.values[species]![slot] = toMicros(values[species]);
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
        this.values[species]![slot] = toMicros(columns[species]![offset]);
    }
    this.ring.flush();
  }

  /** The 24-hour moving mean ending at hourEnd, or null when fewer than 20 hours are valid. */
  mean24h(species: Species, hourEnd: number): number | null {
    const index = speciesOrder.indexOf(species);
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const count = this.counts24[index]![slot]!;
    return count >= minimumHoursFor24h ? this.sums24[index]![slot]! / count / microsPerUnit : null;
  }

  /** The O3 8-hour moving mean ending at hourEnd, or null when fewer than 6 hours are valid. */
  ozone8h(hourEnd: number): number | null {
    const slot = this.slotOf(hourEnd);
    if (slot < 0) return null;
    const count = this.counts8[slot]!;
    return count >= minimumHoursFor8h ? this.sums8[slot]! / count / microsPerUnit : null;
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
    const hour = toHourIndex(hourEnd);
    const edition = this.options.edition ?? editionFor(hourEnd);
    const rules = compiledRules(edition);
    this.fillScratch(hour, kind);
    evaluateReport(rules, kind, this.scratch, this.unmonitoredMask);
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
    for (let species = 0; species < speciesCount; species += 1) this.values[species]![slot] = Number.NaN;
  }

  private valueAt(species: number, hour: number): number {
    return this.ring.holds(hour) ? this.values[species]![hour & this.ring.mask]! : Number.NaN;
  }

  /** Slides every window to end at `hour` from the windows ending an hour earlier. */
  private computeHour(hour: number): void {
    const mask = this.ring.mask;
    const slot = hour & mask;
    const before = hour - 1 >= this.ring.first;
    const previous = (hour - 1) & mask;
    for (let species = 0; species < speciesCount; species += 1) {
      const incoming = this.values[species]![slot]!;
      const outgoing = this.valueAt(species, hour - 24);
      let sum = before ? this.sums24[species]![previous]! : 0;
      let count = before ? this.counts24[species]![previous]! : 0;
      if (!Number.isNaN(incoming)) {
        sum += incoming;
        count += 1;
      }
      if (!Number.isNaN(outgoing)) {
        sum -= outgoing;
        count -= 1;
      }
      this.sums24[species]![slot] = sum;
      this.counts24[species]![slot] = count;
    }
    this.computeOzone(hour, slot, before, previous);
    const rules = this.options.edition ? compiledRules(this.options.edition) : compiledRulesAt(hour * HOUR);
    this.fillScratch(hour, 'hourly');
    evaluateReport(rules, 'hourly', this.scratch, this.unmonitoredMask);
    this.hourlyAqis[slot] = Number.isNaN(this.scratch.aqi) ? notAvailable : this.scratch.aqi;
    this.hourlyPrimary[slot] = this.scratch.primaryMask;
    this.fillScratch(hour, 'daily');
    evaluateReport(rules, 'daily', this.scratch, this.unmonitoredMask);
    this.dailyAqis[slot] = Number.isNaN(this.scratch.aqi) ? notAvailable : this.scratch.aqi;
    this.dailyPrimary[slot] = this.scratch.primaryMask;
  }

  private computeOzone(hour: number, slot: number, before: boolean, previous: number): void {
    const incoming = this.values[ozone]![slot]!;
    const outgoing = this.valueAt(ozone, hour - 8);
    let sum = before ? this.sums8[previous]! : 0;
    let count = before ? this.counts8[previous]! : 0;
    if (!Number.isNaN(incoming)) {
      sum += incoming;
      count += 1;
    }
    if (!Number.isNaN(outgoing)) {
      sum -= outgoing;
      count -= 1;
    }
    this.sums8[slot] = sum;
    this.counts8[slot] = count;
    let highest = Number.NaN;
    let valid = 0;
    for (let back = 0; back < 24; back += 1) {
      const value = this.valueAt(ozone, hour - back);
      if (Number.isNaN(value)) continue;
      valid += 1;
      if (!(value <= highest)) highest = value;
    }
    this.max1h[slot] = valid >= minimumHoursForMax1h ? highest : Number.NaN;
    let bestMean = -1;
    let bestSlot = -1;
    let means = 0;
    for (let back = 0; back < eightHourMeansPerDay; back += 1) {
      const other = hour - back;
      if (!this.ring.holds(other)) continue;
      const otherSlot = other & this.ring.mask;
      const otherCount = this.counts8[otherSlot]!;
      if (otherCount < minimumHoursFor8h) continue;
      means += 1;
      const mean = this.sums8[otherSlot]! / otherCount;
      if (mean > bestMean) {
        bestMean = mean;
        bestSlot = otherSlot;
      }
    }
    const valid8h = means >= minimumMeansForMax8h;
    this.max8hSums[slot] = valid8h ? this.sums8[bestSlot]! : 0;
    this.max8hCounts[slot] = valid8h ? this.counts8[bestSlot]! : 0;
  }

  /** Puts the indicators of one report for the hour into the scratch as exact ratios. */
  private fillScratch(hour: number, kind: ReportKind): void {
    const scratch = this.scratch;
    scratch.clear();
    if (!this.ring.holds(hour)) return;
    const slot = hour & this.ring.mask;
    for (let species = 0; species < speciesCount; species += 1) {
      const index = dayMean[species]!;
      const count = this.counts24[species]![slot]!;
      if (index >= 0 && count >= minimumHoursFor24h)
        scratch.set(index, this.sums24[species]![slot]!, count * microsPerUnit);
    }
    if (kind === 'hourly') {
      for (let species = 0; species < speciesCount; species += 1) {
        const value = this.values[species]![slot]!;
        if (!Number.isNaN(value)) scratch.set(oneHour[species]!, value, microsPerUnit);
      }
      const count = this.counts8[slot]!;
      if (count >= minimumHoursFor8h) scratch.set(ozone8h, this.sums8[slot]!, count * microsPerUnit);
      return;
    }
    const highest = this.max1h[slot]!;
    if (!Number.isNaN(highest)) scratch.set(ozone1h, highest, microsPerUnit);
    const count = this.max8hCounts[slot]!;
    if (count > 0) scratch.set(ozone8h, this.max8hSums[slot]!, count * microsPerUnit);
  }
}

function toHourIndex(hourEnd: number): number {
  if (hourEnd % HOUR !== 0) throw new Error(`hour end ${hourEnd} is not a whole hour`);
  return hourEnd / HOUR;
}
