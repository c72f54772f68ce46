import type { HourRing } from './hour-ring';
import * as validity from './validity';

const { minimumHoursFor8h } = validity;
/** The 8-hour means lying wholly inside a 24-hour window end in its last 17 hours. */
const eightHourMeansPerDay = 17;

/**
 * The O3 statistics HJ 633 needs beyond the 24-hour mean: the 8-hour moving mean and, for each 24-hour
 * window, the highest 1-hour value and the highest valid 8-hour mean. Each window keeps the hour of its
 * maximum, so sliding on is O(1) except when that maximum leaves the window, which rescans it.
 */
export class OzoneWindows {
  /** Sum (millionths) and count of the valid values in the 8 hours ending at each slot. */
  readonly sums8: Float64Array;
  readonly counts8: Uint8Array;
  /** Hour of the window's highest 1-hour value, NaN when it has none. */
  readonly highestHour: Float64Array;
  /** Hour ending the window's highest valid 8-hour mean, NaN when it has none. */
  readonly highest8hHour: Float64Array;
  /** Valid 8-hour means ending in the window's last 17 hours. */
  readonly valid8hMeans: Uint8Array;

  constructor(
    private readonly ring: HourRing,
    private readonly values: Float64Array,
  ) {
    this.sums8 = new Float64Array(ring.capacity);
    this.counts8 = new Uint8Array(ring.capacity);
    this.highestHour = new Float64Array(ring.capacity);
    this.highest8hHour = new Float64Array(ring.capacity);
    this.valid8hMeans = new Uint8Array(ring.capacity);
  }

  /** Slides every O3 window to end at `hour`, from the windows ending an hour earlier. */
  update(hour: number): void {
    const { mask, first } = this.ring;
    const slot = hour & mask;
    const before = hour - 1 >= first;
    const previous = (hour - 1) & mask;
    const values = this.values;
    const incoming = values[slot]!;
    const outgoing = hour - 8 >= first ? values[(hour - 8) & mask]! : Number.NaN;
    const sum = (before ? this.sums8[previous]! : 0) + (Number.isNaN(incoming) ? 0 : incoming);
    const count = (before ? this.counts8[previous]! : 0) + (Number.isNaN(incoming) ? 0 : 1);
    this.sums8[slot] = Number.isNaN(outgoing) ? sum : sum - outgoing;
    this.counts8[slot] = Number.isNaN(outgoing) ? count : count - 1;

    let highest = before ? this.highestHour[previous]! : Number.NaN;
    const value = values[slot]!;
    if (highest <= hour - 24) highest = this.rescan(hour, 24, (other) => values[other & mask]!);
    else if (!Number.isNaN(value) && (Number.isNaN(highest) || value >= values[highest & mask]!))
      highest = hour;
    this.highestHour[slot] = highest;

    const valid = this.counts8[slot]! >= minimumHoursFor8h;
    const leaving = hour - eightHourMeansPerDay;
    const left = leaving >= first && this.counts8[leaving & mask]! >= minimumHoursFor8h;
    this.valid8hMeans[slot] = (before ? this.valid8hMeans[previous]! : 0) + (valid ? 1 : 0) - (left ? 1 : 0);
    let highest8h = before ? this.highest8hHour[previous]! : Number.NaN;
    if (highest8h <= leaving)
      highest8h = this.rescan(hour, eightHourMeansPerDay, (other) => this.mean8h(other));
    else if (valid && (Number.isNaN(highest8h) || this.mean8h(hour) >= this.mean8h(highest8h)))
      highest8h = hour;
    this.highest8hHour[slot] = highest8h;
  }

  /** Mean of the 8 hours ending at `hour` in millionths, NaN when invalid. */
  mean8h(hour: number): number {
    const slot = hour & this.ring.mask;
    const count = this.counts8[slot]!;
    return count >= minimumHoursFor8h ? this.sums8[slot]! / count : Number.NaN;
  }

  private rescan(hour: number, span: number, valueAt: (hour: number) => number): number {
    let best = Number.NaN;
    let bestValue = Number.NaN;
    for (let other = Math.max(this.ring.first, hour - span + 1); other <= hour; other += 1) {
      const value = valueAt(other);
      if (Number.isNaN(value) || value < bestValue) continue;
      best = other;
      bestValue = value;
    }
    return best;
  }
}
