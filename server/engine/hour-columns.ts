import { HOUR } from '../../shared/time';
import type { Species } from '../store/types';

/** Column order of every hourly record the engine keeps. */
export const speciesOrder: readonly Species[] = ['so2', 'no2', 'pm10', 'pm25', 'co', 'o3'];
const width = speciesOrder.length;

/**
 * Hourly values of one station or unit, dense by hour (NaN = missing or flagged), growing at either end.
 * Dense columns keep a year of 200 stations at ~84 MB instead of millions of small objects.
 */
export class HourColumns {
  private start = 0;
  private capacity = 0;
  private data = new Float64Array(0);
  /** Newest hour end with a record (even an all-missing one), or null. */
  newest: number | null = null;

  set(hour: number, values: ArrayLike<number>): void {
    this.reserve(hour);
    const offset = ((hour - this.start) / HOUR) * width;
    for (let column = 0; column < width; column += 1) this.data[offset + column] = values[column]!;
    if (this.newest === null || hour > this.newest) this.newest = hour;
  }

  get(hour: number, column: number): number {
    const index = (hour - this.start) / HOUR;
    if (index < 0 || index >= this.capacity) return Number.NaN;
    return this.data[index * width + column]!;
  }

  /** True when the hour holds at least one usable value. */
  hasAny(hour: number): boolean {
    for (let column = 0; column < width; column += 1) if (!Number.isNaN(this.get(hour, column))) return true;
    return false;
  }

  private reserve(hour: number): void {
    if (this.capacity === 0) {
      this.start = hour;
      this.capacity = 256;
      this.data = new Float64Array(this.capacity * width).fill(Number.NaN);
      return;
    }
    const index = (hour - this.start) / HOUR;
    if (index >= 0 && index < this.capacity) return;
    const first = Math.min(this.start, hour);
    const last = Math.max(this.start + (this.capacity - 1) * HOUR, hour);
    const needed = (last - first) / HOUR + 1;
    const capacity = Math.max(needed, this.capacity * 2);
    const newStart = hour < this.start ? last - (capacity - 1) * HOUR : first;
    const data = new Float64Array(capacity * width).fill(Number.NaN);
    data.set(this.data, ((this.start - newStart) / HOUR) * width);
    this.start = newStart;
    this.capacity = capacity;
    this.data = data;
  }
}
