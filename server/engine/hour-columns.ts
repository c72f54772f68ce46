import { speciesOrder } from '../../shared/aqi';
import { HOUR } from '../../shared/time';

/** Columns of every hourly record the engine keeps: shared/aqi's species order. */
export { speciesOrder };

const width = speciesOrder.length;
/** Hours per chunk: about a month, so a year costs 13 small arrays instead of one doubled one. */
const chunkHours = 720;

/**
 * Hourly values of one station or unit (NaN = missing or flagged), dense by hour in month-long chunks that
 * exist only where data does: a year of 200 stations is ~85 MB of Float64 instead of millions of objects.
 * Float64, not Float32: shared/aqi computes on exact millionths and a Float32 123.4 is not 123.4.
 */
export class HourColumns {
  private readonly chunks = new Map<number, Float64Array>();
  /** Newest hour end with a record (even an all-missing one), or null. */
  newest: number | null = null;
  /** Oldest hour end with a record, or null: where the time slider starts. */
  oldest: number | null = null;

  set(hour: number, values: ArrayLike<number>): void {
    const index = Math.round(hour / HOUR);
    const key = Math.floor(index / chunkHours);
    let chunk = this.chunks.get(key);
    if (!chunk) {
      chunk = new Float64Array(chunkHours * width).fill(Number.NaN);
      this.chunks.set(key, chunk);
    }
    const offset = (index - key * chunkHours) * width;
    for (let column = 0; column < width; column += 1) chunk[offset + column] = values[column]!;
    if (this.newest === null || hour > this.newest) this.newest = hour;
    if (this.oldest === null || hour < this.oldest) this.oldest = hour;
  }

  get(hour: number, column: number): number {
    const index = Math.round(hour / HOUR);
    const key = Math.floor(index / chunkHours);
    const chunk = this.chunks.get(key);
    return chunk ? chunk[(index - key * chunkHours) * width + column]! : Number.NaN;
  }

  /** Every hour end that holds at least one usable value. */
  *hours(): Generator<number> {
    for (const [key, chunk] of this.chunks) {
      for (let slot = 0; slot < chunkHours; slot += 1) {
        for (let column = 0; column < width; column += 1) {
          if (Number.isNaN(chunk[slot * width + column]!)) continue;
          yield (key * chunkHours + slot) * HOUR;
          break;
        }
      }
    }
  }

  /** True when the hour holds at least one usable value. */
  hasAny(hour: number): boolean {
    for (let column = 0; column < width; column += 1) if (!Number.isNaN(this.get(hour, column))) return true;
    return false;
  }
}
