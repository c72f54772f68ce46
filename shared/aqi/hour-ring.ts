/** Slots of a ring asked to retain this many hours: a power of two, at least 64 so a 24-hour window fits. */
export function ringCapacity(retainHours: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(64, retainHours)));
}

/** What a ring's owner does when hours are skipped or windows must be recomputed. */
export type RingOwner = {
  /** Marks an hour missing (an hour skipped between writes). */
  clearHour(hour: number): void;
  /** A slot takes an hour it did not hold (the hour it held before is dropped); the caller writes its values. */
  startHour(hour: number): void;
  /** Slides the windows ending from … to, hours before `floor` counting as missing. */
  recompute(from: number, to: number, floor: number): void;
};

/**
 * Which hours a station's ring buffer holds, and which hours must be recomputed after writes. Hours are
 * absolute indices (hour end / 1 h). Before the first hour ever written every value counts as missing.
 */
export class HourRing {
  readonly capacity: number;
  readonly mask: number;
  /** First hour ever written (moves back when an earlier hour arrives), NaN when empty. */
  first = Number.NaN;
  newest = Number.NaN;
  private dirtyFrom = Number.NaN;
  private dirtyTo = Number.NaN;
  /**
   * Windows ending before this hour are not computed (flushTail computed only the newest ones): a read
   * there, or a slide that starts from one, recomputes from the first hour.
   */
  private windowsFrom = Number.NEGATIVE_INFINITY;

  /** retainHours is rounded up to a power of two, at least 64 so a 24-hour window always fits. */
  // One owner object, not two closures made for every store (2,500 live stores in a network).
  constructor(
    retainHours: number,
    private readonly owner: RingOwner,
  ) {
    this.capacity = ringCapacity(retainHours);
    this.mask = this.capacity - 1;
  }

  /** Forgets every hour: the next one admitted starts the ring again. */
  clear(): void {
    this.first = Number.NaN;
    this.newest = Number.NaN;
    this.dirtyFrom = Number.NaN;
    this.dirtyTo = Number.NaN;
    this.windowsFrom = Number.NEGATIVE_INFINITY;
  }

  holds(hour: number): boolean {
    return hour >= this.first && hour <= this.newest && hour > this.newest - this.capacity;
  }

  /** Whether a held hour may be rewritten in place: admit would take it without moving the ring. */
  canRewrite(hour: number): boolean {
    return this.holds(hour) && !this.readsDropped(hour);
  }

  /**
   * Whether re-sliding the windows holding `hour` would read an hour written and since overwritten: they read
   * back to hour − 24, and the hours first … newest − capacity are gone once the ring has wrapped.
   */
  private readsDropped(hour: number): boolean {
    return Math.max(this.first, hour - 24) <= this.newest - this.capacity;
  }

  /**
   * Makes room for a value at `hour`, which the caller then writes in full (the hours between the newest
   * and it are cleared: missing); false when the hour is too old to take (a window it belongs to would need
   * values already dropped from the ring).
   */
  admit(hour: number): boolean {
    if (Number.isNaN(this.first) || hour - this.newest >= this.capacity) {
      this.dirtyFrom = Number.NaN;
      this.first = hour;
      this.newest = hour;
      this.markDirty(hour, hour);
      this.owner.startHour(hour);
      return true;
    }
    if (hour > this.newest) {
      // The slot taken last held hour − capacity: slide first if a pending window still reads it.
      if (hour - this.capacity >= Math.max(this.first, this.dirtyFrom - 24)) this.flush();
      for (let gap = this.newest + 1; gap < hour; gap += 1) this.owner.clearHour(gap);
      this.markDirty(this.newest + 1, hour);
      this.newest = hour;
      this.owner.startHour(hour);
      return true;
    }
    if (hour < this.first) {
      if (hour <= this.newest - this.capacity) return false;
      for (let gap = hour + 1; gap < this.first; gap += 1) this.owner.clearHour(gap);
      this.markDirty(hour, this.first - 1);
      this.first = hour;
      this.owner.startHour(hour);
      return true;
    }
    if (this.readsDropped(hour)) return false;
    this.markDirty(hour, hour);
    return true;
  }

  /**
   * Takes the hours first … last at once into an empty ring, which the caller then writes in full; false
   * (nothing taken) when the ring holds hours or the run is longer than the ring.
   */
  admitRun(first: number, last: number): boolean {
    if (!Number.isNaN(this.first) || last < first || last - first >= this.capacity) return false;
    this.first = first;
    this.newest = last;
    this.markDirty(first, last);
    return true;
  }

  /**
   * Recomputes every window that contains a written hour: the hour itself and the 23 after it. `need`:
   * the earliest hour about to be read (windows not computed before it are recomputed first).
   */
  flush(need = Number.POSITIVE_INFINITY): void {
    if (this.takeFlush(need)) this.owner.recompute(this.slideFrom, this.slideTo, this.first);
  }

  /** What takeFlush found to slide: the windows ending from … to (hours before `first` missing). */
  slideFrom = Number.NaN;
  slideTo = Number.NaN;

  /**
   * flush's bookkeeping without the slide: true when windows are to be slid, slideFrom … slideTo, which the
   * caller then slides (many rings' slides run together, hour by hour across them: flushRings).
   */
  takeFlush(need = Number.POSITIVE_INFINITY): boolean {
    this.slideFrom = Number.NaN;
    this.slideTo = Number.NaN;
    if (need < this.windowsFrom) this.markDirty(this.first, this.windowsFrom - 1);
    if (Number.isNaN(this.dirtyFrom)) return false;
    let to = Math.min(this.newest, this.dirtyTo + 23);
    let from = this.dirtyFrom;
    // A slide continues from the window an hour earlier: that one must have been computed. Starting from
    // the first hour, it computes every window not computed yet.
    if (from > this.first && from - 1 < this.windowsFrom) from = this.first;
    if (from === this.first && this.windowsFrom !== Number.NEGATIVE_INFINITY) {
      to = Math.max(to, Math.min(this.newest, this.windowsFrom - 1));
      this.windowsFrom = Number.NEGATIVE_INFINITY;
    }
    this.dirtyFrom = Number.NaN;
    this.dirtyTo = Number.NaN;
    this.slideFrom = from;
    this.slideTo = to;
    return true;
  }

  /**
   * As flush, when only the windows ending at `need` or later will be read (a rebuild read at its newest
   * hours): the slide starts 23 hours before `need` from nothing, which gives those windows exactly (every
   * hour they hold is at or after the start), and the earlier windows are left until a read asks for them.
   */
  flushTail(need: number): void {
    const start = need - 23;
    if (
      Number.isNaN(this.dirtyFrom) ||
      this.dirtyFrom >= start ||
      start <= this.first ||
      this.windowsFrom !== Number.NEGATIVE_INFINITY
    ) {
      this.flush(need);
      return;
    }
    const to = Math.min(this.newest, this.dirtyTo + 23);
    this.dirtyFrom = Number.NaN;
    this.dirtyTo = Number.NaN;
    this.windowsFrom = need;
    this.owner.recompute(start, to, start);
  }

  private markDirty(from: number, to: number): void {
    if (Number.isNaN(this.dirtyFrom)) {
      this.dirtyFrom = from;
      this.dirtyTo = to;
      return;
    }
    this.dirtyFrom = Math.min(this.dirtyFrom, from);
    this.dirtyTo = Math.max(this.dirtyTo, to);
  }
}
