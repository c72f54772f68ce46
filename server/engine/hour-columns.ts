import { speciesOrder } from '../../shared/aqi';
import { HOUR } from '../../shared/time';

const width = speciesOrder.length;
/** Hours per chunk: about a month, so a year costs 13 small arrays instead of one doubled one. */
const chunkHours = 720;
/** Stations per group sharing chunks (HourGroups). */
const stationsPerGroup = 32;

/** One chunk map per group of stations, their hours side by side. */
type Group = { chunks: Map<number, Float64Array>; stations: number };

/**
 * Chunks shared by the stations of a network, 32 to a group, hour-major: one hour of a group's stations
 * is 32 × 6 consecutive values, so a new hour stored for every station in order writes consecutive memory
 * instead of one month-long chunk per station, each a cache miss of its own (issue 17.3).
 */
export class HourGroups {
  private group: Group | null = null;
  private used = stationsPerGroup;

  /** A new station's group and its place in it. */
  take(): { group: Group; column: number } {
    if (!this.group || this.used === stationsPerGroup) {
      this.group = { chunks: new Map(), stations: stationsPerGroup };
      this.used = 0;
    }
    const column = this.used;
    this.used += 1;
    return { group: this.group, column };
  }
}

/**
 * Every hourly value a station sent (NaN = missing or flagged), in shared/aqi's species order, dense by
 * hour in month-long chunks that exist only where data does: a year of 200 stations is ~85 MB of Float64
 * instead of millions of objects. The values exactly as sent (Float64: shared/aqi reads the decimal each
 * double stands for). The live windows keep ten days; past states and unit means are rebuilt from these.
 * Stations of one HourGroups share chunks, an hour of each group's stations side by side.
 */
export class HourColumns {
  private readonly chunks: Map<number, Float64Array>;
  /** Values per hour in a chunk (all the group's stations), and this station's first value in an hour. */
  private readonly hourStride: number;
  private readonly column: number;
  /** The chunk used last: consecutive hours of one station stay in it. */
  private lastKey = Number.NaN;
  private lastChunk: Float64Array | undefined;
  /** Newest hour end with a record (even an all-missing one), or null. */
  newest: number | null = null;
  /** Oldest hour end with a record, or null: where the time slider starts. */
  oldest: number | null = null;

  constructor(groups?: HourGroups) {
    const place = groups?.take() ?? { group: { chunks: new Map(), stations: 1 }, column: 0 };
    this.chunks = place.group.chunks;
    this.hourStride = place.group.stations * width;
    this.column = place.column * width;
  }

  set(hour: number, values: ArrayLike<number>): void {
    const index = Math.round(hour / HOUR);
    const key = Math.floor(index / chunkHours);
    let chunk = this.chunkOf(key);
    if (!chunk) {
      chunk = new Float64Array(chunkHours * this.hourStride).fill(Number.NaN);
      this.chunks.set(key, chunk);
      this.lastKey = key;
      this.lastChunk = chunk;
    }
    const offset = (index - key * chunkHours) * this.hourStride + this.column;
    for (let column = 0; column < width; column += 1) chunk[offset + column] = values[column]!;
    if (this.newest === null || hour > this.newest) this.newest = hour;
    if (this.oldest === null || hour < this.oldest) this.oldest = hour;
  }

  /** Copies the hour's six values into target from offset (NaN where nothing is held). */
  read(hour: number, target: Float64Array, offset: number): void {
    const index = Math.round(hour / HOUR);
    const key = Math.floor(index / chunkHours);
    const chunk = this.chunkOf(key);
    const from = (index - key * chunkHours) * this.hourStride + this.column;
    for (let column = 0; column < width; column += 1)
      target[offset + column] = chunk ? chunk[from + column]! : Number.NaN;
  }

  /**
   * Copies `count` consecutive hours from `firstHour` into target, the hour at offset + k × stride (six
   * values each, NaN where nothing is held): a chunk at a time, for rebuilding windows.
   */
  readRange(firstHour: number, count: number, target: Float64Array, offset: number, stride: number): void {
    let index = Math.round(firstHour / HOUR);
    let at = offset;
    const { hourStride } = this;
    for (let remaining = count; remaining > 0; ) {
      const key = Math.floor(index / chunkHours);
      const chunk = this.chunkOf(key);
      const inChunk = Math.min(remaining, (key + 1) * chunkHours - index);
      let from = (index - key * chunkHours) * hourStride + this.column;
      for (let hour = 0; hour < inChunk; hour += 1, from += hourStride, at += stride) {
        for (let column = 0; column < width; column += 1)
          target[at + column] = chunk ? chunk[from + column]! : Number.NaN;
      }
      index += inChunk;
      remaining -= inChunk;
    }
  }

  private chunkOf(key: number): Float64Array | undefined {
    if (key !== this.lastKey || !this.lastChunk) {
      this.lastKey = key;
      this.lastChunk = this.chunks.get(key);
    }
    return this.lastChunk;
  }

  get(hour: number, column: number): number {
    const index = Math.round(hour / HOUR);
    const key = Math.floor(index / chunkHours);
    const chunk = this.chunks.get(key);
    return chunk ? chunk[(index - key * chunkHours) * this.hourStride + this.column + column]! : Number.NaN;
  }

  /** The newest hour end at or before now with a usable value, searched back `searchHours`; or null. */
  newestAtOrBefore(now: number, searchHours = 72): number | null {
    if (this.newest === null) return null;
    const from = Math.min(this.newest, now);
    for (let offset = 0; offset <= searchHours; offset += 1)
      if (this.hasAny(from - offset * HOUR)) return from - offset * HOUR;
    return null;
  }

  /** True when the hour holds at least one usable value. */
  hasAny(hour: number): boolean {
    for (let column = 0; column < width; column += 1) if (!Number.isNaN(this.get(hour, column))) return true;
    return false;
  }
}
