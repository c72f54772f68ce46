import * as exactNumbers from './exact';
import { HourRing, type RingOwner, ringCapacity } from './hour-ring';
import { speciesOrder } from './species';
import * as validity from './validity';

// Local copies: imported bindings are property getters once tsx compiles modules, too slow per hour.
const { add, compare, divide, ticksAsRational, ticksPerUnit } = exactNumbers;
const { minimumHoursFor8h } = validity;

export const speciesCount = speciesOrder.length;
export const ozone = speciesOrder.indexOf('o3');
/** No hour: the window holds no valid value. Hour indices (hour end / 1 h) are positive. */
export const noHour = -2147483648;
/** The 8-hour means lying wholly inside a 24-hour window end in its last 17 hours. */
export const eightHourMeansPerDay = 17;
/** An inexact value's stand-in tick count never exceeds this (sums stay exact integers; the slow path decides). */
const largestApproximateTicks = 10_000 * ticksPerUnit;

/**
 * One slot (hour) of the ring is one record of `stride` doubles, so that sliding the windows by an hour
 * touches a few cache lines, not one per statistic: with 2,000 stations the records, not the arithmetic,
 * decide the speed.
 */
export const stride = 32;
export const strideShift = 5;
/** Fields of a slot record: the hour's values (ticks, NaN = missing), then the windows ending there. */
export const field = {
  ticks: 0,
  sum24: 6,
  count24: 12,
  sum8: 18,
  count8: 19,
  /**
   * O3: hour of the 24-hour window's highest value, and the hour ending its highest valid 8-hour mean;
   * highestHour is NaN while a store that finds its maxima when read (maximaWhenRead) has not found them.
   */
  highestHour: 20,
  highest8hHour: 21,
  /** O3: valid 8-hour means ending in the window's last 17 hours. */
  valid8hMeans: 22,
  hourlyAqi: 23,
  dailyAqi: 24,
  hourlyPrimary: 25,
  dailyPrimary: 26,
  hourlyMissing: 27,
  dailyMissing: 28,
  /** Which reports are rated (hourlyKind | dailyKind); 0 after the slot's windows moved. */
  rated: 29,
  /**
   * Which indicators' sub-indices of the real-time and the daily report are held in `subIndices` (bit i =
   * indicatorOrder[i]): all cleared when the slot's windows slide, a pollutant's alone when a correction
   * moves only its sums (rewriteHour), so a re-rating computes only the sub-indices that changed.
   */
  hourlyHeld: 30,
  dailyHeld: 31,
} as const;
/**
 * In field.hourlyHeld / dailyHeld beside the indicators' bits: the slot's report was rated since its hour
 * arrived, so a rating now is a re-rating (after a correction) and keeps its sub-indices for the next one.
 * The first rating of a new hour keeps none: writing them would touch one more cache line per station.
 * Only a hint: a slide or a correction clears the indicators' bits whatever it says.
 */
export const ratedBefore = 1 << 12;
/**
 * Per slot, beside the record (`carried`, 4 doubles): what the windows ending there would otherwise read
 * from other hours' records, carried from window to window by the slide: the O3 value of the highest hour,
 * the sum and count of the highest 8-hour mean, and the windows' revision. A record of another hour is
 * another cache line (8 kB away in shared blocks) for every slide and rating of the O3 maxima.
 */
const carriedStride = 4;
const carriedShift = 2;
export const carriedField = {
  highestValue: 0,
  highest8hSum: 1,
  highest8hCount: 2,
  /** A new number each time the windows ending there are recomputed or moved (slideWindows, rewriteHour). */
  revision: 3,
} as const;
/** In `subIndices`, a slot's daily sub-indices follow its 12 real-time ones; NA is held as −1. */
export const dailySubIndices = 12;
export const hourlyKind = 1;
export const dailyKind = 2;
export const notAvailable = -1;

/** Stores per block of shared record memory (a power of two). */
const storesPerBlock = 32;
const blockShift = Math.log2(storesPerBlock);

/**
 * Record memory shared by many stores of one capacity (a network's stations, or its units), laid out
 * hour-major: a block holds 32 stores, and the records of one slot of those 32 lie side by side. Sweeping a
 * new hour through every station in order then reads and writes consecutive memory (a few pages), not one
 * 64 kB ring per station, each a page and cache miss of its own (issue 17.3).
 */
export class RecordBlocks {
  readonly capacity: number;
  private block: Float64Array | null = null;
  private subIndexBlock: Int16Array | null = null;
  private carriedBlock: Float64Array | null = null;
  private used = storesPerBlock;

  constructor(retainHours: number) {
    this.capacity = ringCapacity(retainHours);
  }

  /** A new store's place: the block's memory and the store's first double in it. */
  take(): {
    records: Float64Array;
    subIndices: Int16Array;
    base: number;
    carried: Float64Array;
    carriedBase: number;
  } {
    if (this.used === storesPerBlock || !this.block || !this.subIndexBlock || !this.carriedBlock) {
      this.block = new Float64Array(this.capacity * stride * storesPerBlock);
      this.subIndexBlock = new Int16Array(this.capacity * stride * storesPerBlock);
      this.carriedBlock = new Float64Array(this.capacity * carriedStride * storesPerBlock);
      this.used = 0;
    }
    const base = this.used << strideShift;
    const carriedBase = this.used << carriedShift;
    this.used += 1;
    return {
      records: this.block,
      subIndices: this.subIndexBlock,
      base,
      carried: this.carriedBlock,
      carriedBase,
    };
  }
}

/**
 * The ring of one station's (or unit's) hours: values as exact integers (exact.ts), the windows ending at
 * each hour and the reports rated there. Values that are not whole ticks keep their exact rational beside.
 */
export class WindowStore implements RingOwner {
  readonly ring: HourRing;
  readonly capacity: number;
  /** The records, slot s at base + (s << shift) (its own array, or a block shared with other stores). */
  readonly records: Float64Array;
  readonly base: number;
  readonly shift: number;
  /** Sub-indices rated at each slot, laid out as the records (field.hourlyHeld says which are held). */
  readonly subIndices: Int16Array;
  /** Per slot and species (slot × 6 + species): 1 where the value is not whole ticks. */
  readonly inexact: Uint8Array;
  /** How many inexact values each 24-hour (per species) and O3 8-hour window holds. */
  readonly inexact24: Uint8Array;
  readonly inexact8: Uint8Array;
  /**
   * Per slot, the carried values (carriedField), slot s at carriedBase + (s << carriedShift); a reader may
   * keep what it read of a window with the revision it saw there.
   */
  readonly carried: Float64Array;
  readonly carriedBase: number;
  readonly carriedShift: number;
  /** The last revision given; never reset (not by clear), so a number is never given twice. */
  revision = 0;
  readonly rationals = new Map<number, exactNumbers.Rational>();

  constructor(
    retainHours: number,
    /** Slides the windows ending from … to (window-slide.ts slideWindows, the same for every store). */
    private readonly slide: (windows: WindowStore, from: number, to: number, first: number) => void,
    blocks: RecordBlocks | null = null,
    /**
     * The O3 daily maxima (highestHour, highest8hHour, valid8hMeans and their carried values) are found when
     * a daily report reads them (window-slide.ts ozoneMaxima), not slid hour by hour: for windows whose
     * daily reports are seldom read: sliding them is paid by every new hour, finding them only by a read.
     */
    readonly maximaWhenRead = false,
  ) {
    this.ring = new HourRing(blocks ? blocks.capacity : retainHours, this);
    this.capacity = this.ring.capacity;
    if (blocks) {
      const place = blocks.take();
      this.records = place.records;
      this.subIndices = place.subIndices;
      this.base = place.base;
      this.shift = strideShift + blockShift;
      this.carried = place.carried;
      this.carriedBase = place.carriedBase;
      this.carriedShift = carriedShift + blockShift;
    } else {
      this.records = new Float64Array(this.capacity * stride);
      this.subIndices = new Int16Array(this.capacity * stride);
      this.base = 0;
      this.shift = strideShift;
      this.carried = new Float64Array(this.capacity * carriedStride);
      this.carriedBase = 0;
      this.carriedShift = carriedShift;
    }
    this.inexact = new Uint8Array(this.capacity * speciesCount);
    this.inexact24 = new Uint8Array(this.capacity * speciesCount);
    this.inexact8 = new Uint8Array(this.capacity);
  }

  /**
   * Whether any value held is inexact (rationals.size > 0): only then do the windows count inexact values.
   * A field, not a getter on the map: read once per hour of every store, the map would be one more cache miss.
   */
  tracksInexact = false;

  /** Forgets every hour (the records are rewritten as hours arrive again). */
  clear(): void {
    this.ring.clear();
    if (!this.tracksInexact) return;
    this.rationals.clear();
    this.tracksInexact = false;
    this.inexact.fill(0);
  }

  storeTicks(slot: number, species: number, ticks: number): void {
    this.records[this.base + (slot << this.shift) + species] = ticks;
    if (!this.tracksInexact) return;
    const at = slot * speciesCount + species;
    if (this.inexact[at]) {
      this.inexact[at] = 0;
      this.rationals.delete(at);
      this.tracksInexact = this.rationals.size > 0;
    }
  }

  /** A value the ticks cannot hold: kept exact, with an integer stand-in for the running sums. */
  storeRational(slot: number, species: number, value: exactNumbers.Rational): void {
    // Counting starts with the first inexact value: every window before held none.
    if (!this.tracksInexact) {
      this.inexact24.fill(0);
      this.inexact8.fill(0);
    }
    const approximate = Math.min(
      largestApproximateTicks,
      Math.round(exactNumbers.toNumber(value) * ticksPerUnit),
    );
    const at = slot * speciesCount + species;
    this.records[this.base + (slot << this.shift) + species] = approximate;
    this.inexact[at] = 1;
    this.rationals.set(at, value);
    this.tracksInexact = true;
  }

  /** HourRing's owner: the windows ending from … to slid, hours before `first` counting as missing. */
  recompute(from: number, to: number, first: number): void {
    this.slide(this, from, to, first);
  }

  clearHour(hour: number): void {
    const slot = hour & this.ring.mask;
    this.startHour(hour);
    for (let species = 0; species < speciesCount; species += 1) this.storeTicks(slot, species, Number.NaN);
  }

  /** HourRing's owner: nothing held of the slot's earlier hour counts as rated before (ratedBefore). */
  startHour(hour: number): void {
    const record = this.base + ((hour & this.ring.mask) << this.shift);
    this.records[record + field.hourlyHeld] = 0;
    this.records[record + field.dailyHeld] = 0;
  }

  /** The hour index held in a slot (the ring holds one hour per slot, the newest `capacity`). */
  hourOfSlot(slot: number): number {
    const newest = this.ring.newest;
    return newest - ((newest - slot) & this.ring.mask);
  }

  /** The exact value of a species at an hour, or null when missing or not held. */
  exactHour(species: number, hour: number): exactNumbers.Rational | null {
    if (hour < this.ring.first) return null;
    const slot = hour & this.ring.mask;
    const ticks = this.records[this.base + (slot << this.shift) + species]!;
    if (Number.isNaN(ticks)) return null;
    const at = slot * speciesCount + species;
    return this.inexact[at] ? this.rationals.get(at)! : ticksAsRational(ticks);
  }

  /** The exact mean of the valid values of the `span` hours ending at the slot's hour. */
  exactMean(species: number, slot: number, span: number): exactNumbers.Rational {
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
  exactHighest1h(slot: number): exactNumbers.Rational {
    const hour = this.hourOfSlot(slot);
    let best: exactNumbers.Rational | null = null;
    for (let other = hour - 23; other <= hour; other += 1) {
      const value = this.exactHour(ozone, other);
      if (value && (!best || compare(value, best) > 0)) best = value;
    }
    return best!;
  }

  /** The window's highest valid O3 8-hour mean, compared exactly. */
  exactHighest8h(slot: number): exactNumbers.Rational {
    const hour = this.hourOfSlot(slot);
    let best: exactNumbers.Rational | null = null;
    for (let other = Math.max(this.ring.first, hour - eightHourMeansPerDay + 1); other <= hour; other += 1) {
      const otherSlot = other & this.ring.mask;
      if (this.records[this.base + (otherSlot << this.shift) + field.count8]! < minimumHoursFor8h) continue;
      const value = this.exactMean(ozone, otherSlot, 8);
      if (!best || compare(value, best) > 0) best = value;
    }
    return best!;
  }
}
