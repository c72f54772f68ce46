import { indicatorOrder, speciesIndexOfIndicator } from './species';
import * as validity from './validity';
import type { WindowStore } from './window-store';
import * as store from './window-store';

// Local copies: imported bindings are property getters once tsx compiles modules, too slow per hour.
const { minimumHoursFor8h } = validity;
const { carriedField, eightHourMeansPerDay, field, noHour, ozone, ratedBefore, speciesCount } = store;
const sum24 = field.sum24;
const count24 = field.count24;
const sum8 = field.sum8;
const count8 = field.count8;
const highestField = field.highestHour;
const highest8hField = field.highest8hHour;
const valid8hField = field.valid8hMeans;
const ratedField = field.rated;
const hourlyHeldField = field.hourlyHeld;
const dailyHeldField = field.dailyHeld;
const highestValueField = carriedField.highestValue;
const highest8hSumField = carriedField.highest8hSum;
const highest8hCountField = carriedField.highest8hCount;
const revisionField = carriedField.revision;
/** What highestValueHour and highestMeanHour found beside the hour they return (one scan at a time). */
let scannedValue = -1;
let scannedSum = 0;
let scannedCount = 0;
let scannedValidMeans = 0;
/** Per species, the indicators computed from its values alone (bit i = indicatorOrder[i]). */
const indicatorsOfSpecies = Int32Array.from({ length: speciesCount }, (_, species) =>
  indicatorOrder.reduce(
    (mask, _name, index) => (speciesIndexOfIndicator[index] === species ? mask | (1 << index) : mask),
    0,
  ),
);

/**
 * Slides every window to end at each hour from … to, from the windows ending an hour earlier: the 24-hour
 * sums and counts of each species, the O3 8-hour sums, the window's highest O3 hour and highest valid
 * 8-hour mean. The reports of those hours are left to be rated when read. Hours before `first` (the ring's
 * first hour, or a later start: HourRing.flushTail) count as missing.
 */
export function slideWindows(windows: WindowStore, from: number, to: number, first: number): void {
  const { records, ring, base, shift, carried, carriedBase, carriedShift } = windows;
  const { mask } = ring;
  const tracksInexact = windows.tracksInexact;
  for (let hour = from; hour <= to; hour += 1) {
    const slot = hour & mask;
    const record = base + (slot << shift);
    const before = hour - 1 >= first;
    const previous = base + (((hour - 1) & mask) << shift);
    const leaving = hour - 24 >= first;
    const leavingRecord = base + (((hour - 24) & mask) << shift);
    for (let species = 0; species < speciesCount; species += 1) {
      let sum = before ? records[previous + sum24 + species]! : 0;
      let count = before ? records[previous + count24 + species]! : 0;
      const incoming = records[record + species]!;
      if (!Number.isNaN(incoming)) {
        sum += incoming;
        count += 1;
      }
      if (leaving) {
        const outgoing = records[leavingRecord + species]!;
        if (!Number.isNaN(outgoing)) {
          sum -= outgoing;
          count -= 1;
        }
      }
      records[record + sum24 + species] = sum;
      records[record + count24 + species] = count;
    }
    if (tracksInexact) countInexact(windows, hour, first);
    const carriedAt = carriedBase + (slot << carriedShift);
    const carriedBefore = before ? carriedBase + (((hour - 1) & mask) << carriedShift) : -1;
    slideOzone(windows, hour, first, record, before ? previous : -1, carriedAt, carriedBefore);
    records[record + ratedField] = 0;
    // No sub-index held stays true; whether the hour was rated before does.
    records[record + hourlyHeldField] = records[record + hourlyHeldField]! & ratedBefore;
    records[record + dailyHeldField] = records[record + dailyHeldField]! & ratedBefore;
    windows.revision += 1;
    carried[carriedAt + revisionField] = windows.revision;
  }
}

/**
 * Flushes many stores' rings at once (each as HourRing.flush), sliding hour by hour across the stores that
 * share record memory (consecutive in `stores`): one hour's records of 32 stores lie side by side, where one
 * store's hours lie 8 kB apart, so a correction's 1–24 windows of every station are swept through
 * consecutive memory, not a page an hour per station (issue 17.3).
 */
export function flushStores(stores: readonly WindowStore[]): void {
  let start = 0;
  while (start < stores.length) {
    const records = stores[start]!.records;
    let end = start;
    let from = Number.POSITIVE_INFINITY;
    let to = Number.NEGATIVE_INFINITY;
    for (; end < stores.length && stores[end]!.records === records; end += 1) {
      const ring = stores[end]!.ring;
      if (!ring.takeFlush()) continue;
      if (ring.slideFrom < from) from = ring.slideFrom;
      if (ring.slideTo > to) to = ring.slideTo;
    }
    for (let hour = from; hour <= to; hour += 1)
      for (let index = start; index < end; index += 1) {
        const store = stores[index]!;
        const ring = store.ring;
        if (hour >= ring.slideFrom && hour <= ring.slideTo) store.recompute(hour, hour, ring.first);
      }
    start = end;
  }
}

/**
 * Rewrites a held hour whose O3 value stays the same with new whole-tick values (NaN = missing): each of the
 * 24 windows containing it moves by the difference of sums and counts, exact integers, instead of sliding
 * again. Returns false, writing nothing, when O3 changes or a value held at the hour is inexact: the caller
 * then writes the hour and slides (its windows' maxima need the full pass).
 */
export function rewriteHour(windows: WindowStore, hour: number, ticks: Float64Array): boolean {
  const { records, inexact, ring, base, shift } = windows;
  const { mask } = ring;
  const slot = hour & mask;
  const record = base + (slot << shift);
  if (!same(records[record + ozone]!, ticks[ozone]!)) return false;
  if (windows.tracksInexact)
    for (let species = 0; species < speciesCount; species += 1)
      if (inexact[slot * speciesCount + species]) return false;
  const last = Math.min(ring.newest, hour + 23);
  // The sub-indices of other pollutants stay held: the reports rate again only the changed ones' (O3, whose
  // maxima span pollutants' windows alike, never comes here).
  let changed = 0;
  for (let species = 0; species < speciesCount; species += 1) {
    const before = records[record + species]!;
    const after = ticks[species]!;
    if (same(before, after)) continue;
    changed |= indicatorsOfSpecies[species]!;
    const sumChange = (Number.isNaN(after) ? 0 : after) - (Number.isNaN(before) ? 0 : before);
    const countChange = (Number.isNaN(after) ? 0 : 1) - (Number.isNaN(before) ? 0 : 1);
    for (let window = hour; window <= last; window += 1) {
      const at = base + ((window & mask) << shift);
      records[at + sum24 + species] = records[at + sum24 + species]! + sumChange;
      records[at + count24 + species] = records[at + count24 + species]! + countChange;
    }
    records[record + species] = after;
  }
  if (changed === 0) return true;
  for (let window = hour; window <= last; window += 1) {
    const at = base + ((window & mask) << shift);
    windows.revision += 1;
    windows.carried[windows.carriedBase + ((window & mask) << windows.carriedShift) + revisionField] =
      windows.revision;
    records[at + ratedField] = 0;
    records[at + hourlyHeldField] = records[at + hourlyHeldField]! & ~changed;
    records[at + dailyHeldField] = records[at + dailyHeldField]! & ~changed;
  }
  return true;
}

function same(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function slideOzone(
  windows: WindowStore,
  hour: number,
  first: number,
  record: number,
  previous: number,
  carriedAt: number,
  carriedBefore: number,
): void {
  const { records, ring, base, shift } = windows;
  const { mask } = ring;
  const incoming = records[record + ozone]!;
  const valid = !Number.isNaN(incoming);
  let sum = previous >= 0 ? records[previous + sum8]! : 0;
  let count = previous >= 0 ? records[previous + count8]! : 0;
  if (valid) {
    sum += incoming;
    count += 1;
  }
  if (hour - 8 >= first) {
    const outgoing = records[base + (((hour - 8) & mask) << shift) + ozone]!;
    if (!Number.isNaN(outgoing)) {
      sum -= outgoing;
      count -= 1;
    }
  }
  records[record + sum8] = sum;
  records[record + count8] = count;
  if (windows.maximaWhenRead) records[record + highestField] = Number.NaN;
  else slideMaxima(windows, hour, first, record, previous, carriedAt, carriedBefore);
}

/**
 * The O3 maxima of the window ending at `hour` (its 8-hour sum and count slid already), carried from the
 * window an hour earlier (`previous`, −1 for none): the highest hour's value and the highest valid 8-hour
 * mean's sum and count, not read from their hours' records; a rescan when the highest leaves the window.
 */
function slideMaxima(
  windows: WindowStore,
  hour: number,
  first: number,
  record: number,
  previous: number,
  carriedAt: number,
  carriedBefore: number,
): void {
  const { records, carried, ring, base, shift } = windows;
  const { mask } = ring;
  const incoming = records[record + ozone]!;
  const valid = !Number.isNaN(incoming);
  const sum = records[record + sum8]!;
  const count = records[record + count8]!;
  let highest = previous >= 0 ? records[previous + highestField]! : noHour;
  let highestValue = previous >= 0 ? carried[carriedBefore + highestValueField]! : -1;
  if (highest !== noHour && highest <= hour - 24) {
    highest = highestValueHour(windows, hour, first);
    highestValue = scannedValue;
  } else if (valid && (highest === noHour || incoming >= highestValue)) {
    highest = hour;
    highestValue = incoming;
  }
  records[record + highestField] = highest;
  carried[carriedAt + highestValueField] = highestValue;

  const valid8h = count >= minimumHoursFor8h;
  const leavingMean = hour - eightHourMeansPerDay;
  let validMeans = previous >= 0 ? records[previous + valid8hField]! : 0;
  if (valid8h) validMeans += 1;
  if (leavingMean >= first && records[base + ((leavingMean & mask) << shift) + count8]! >= minimumHoursFor8h)
    validMeans -= 1;
  records[record + valid8hField] = validMeans;
  let highest8h = previous >= 0 ? records[previous + highest8hField]! : noHour;
  let bestSum = previous >= 0 ? carried[carriedBefore + highest8hSumField]! : 0;
  let bestCount = previous >= 0 ? carried[carriedBefore + highest8hCountField]! : 0;
  if (highest8h !== noHour && highest8h <= leavingMean) {
    highest8h = highestMeanHour(windows, hour, first);
    bestSum = scannedSum;
    bestCount = scannedCount;
  } else if (valid8h && (highest8h === noHour || !(sum * bestCount < bestSum * count))) {
    // Not below the highest (exact: cross-multiplied integers): the latest of equal means is kept.
    highest8h = hour;
    bestSum = sum;
    bestCount = count;
  }
  records[record + highest8hField] = highest8h;
  carried[carriedAt + highest8hSumField] = bestSum;
  carried[carriedAt + highest8hCountField] = bestCount;
}

/**
 * The O3 maxima of the windows ending at held hours from … to, for a store that finds them when read
 * (WindowStore.maximaWhenRead), as slideMaxima gives them: the first window not found yet by a rescan
 * (what the slide does when a window's highest leaves), each next one carried from it. Hours before the
 * ring's first are missing. Windows slid since they were found are found again; found ones are kept.
 */
export function ozoneMaxima(windows: WindowStore, from: number, to: number): void {
  const { records, base, shift, carriedBase, carriedShift, ring } = windows;
  const { mask } = ring;
  const first = ring.first;
  let previous = -1;
  let carriedBefore = -1;
  for (let hour = from; hour <= to; hour += 1) {
    const slot = hour & mask;
    const record = base + (slot << shift);
    const carriedAt = carriedBase + (slot << carriedShift);
    if (Number.isNaN(records[record + highestField]!)) {
      if (previous >= 0 && hour - 1 >= first)
        slideMaxima(windows, hour, first, record, previous, carriedAt, carriedBefore);
      else rescanMaxima(windows, hour, first, record, carriedAt);
    }
    previous = record;
    carriedBefore = carriedAt;
  }
}

/** ozoneMaxima of the window ending at a held slot. */
export function ozoneMaximaAt(windows: WindowStore, slot: number): void {
  const hour = windows.hourOfSlot(slot);
  ozoneMaxima(windows, hour, hour);
}

/** The O3 maxima of the window ending at `hour` by rescans of its hours (a window with none found before). */
function rescanMaxima(
  windows: WindowStore,
  hour: number,
  first: number,
  record: number,
  carriedAt: number,
): void {
  const { records, carried } = windows;
  records[record + highestField] = highestValueHour(windows, hour, first);
  carried[carriedAt + highestValueField] = scannedValue;
  records[record + highest8hField] = highestMeanHour(windows, hour, first);
  records[record + valid8hField] = scannedValidMeans;
  carried[carriedAt + highest8hSumField] = scannedSum;
  carried[carriedAt + highest8hCountField] = scannedCount;
}

/** The counts of inexact values in each window ending at `hour` (only while some value is inexact). */
function countInexact(windows: WindowStore, hour: number, first: number): void {
  const { inexact, inexact24, inexact8, ring } = windows;
  const { mask } = ring;
  const at = (hour & mask) * speciesCount;
  const previous = ((hour - 1) & mask) * speciesCount;
  const leaving = ((hour - 24) & mask) * speciesCount;
  for (let species = 0; species < speciesCount; species += 1) {
    let count = hour - 1 >= first ? inexact24[previous + species]! : 0;
    count += inexact[at + species]!;
    if (hour - 24 >= first) count -= inexact[leaving + species]!;
    inexact24[at + species] = count;
  }
  let count8 = hour - 1 >= first ? inexact8[(hour - 1) & mask]! : 0;
  count8 += inexact[at + ozone]!;
  if (hour - 8 >= first) count8 -= inexact[((hour - 8) & mask) * speciesCount + ozone]!;
  inexact8[hour & mask] = count8;
}

/** The window's highest O3 hour (the latest of equals), its value into scannedValue. */
function highestValueHour(windows: WindowStore, hour: number, first: number): number {
  const { records, ring, base, shift } = windows;
  let best = noHour;
  let bestValue = -1;
  for (let other = Math.max(first, hour - 23); other <= hour; other += 1) {
    const value = records[base + ((other & ring.mask) << shift) + ozone]!;
    if (!(value >= bestValue)) continue;
    best = other;
    bestValue = value;
  }
  scannedValue = bestValue;
  return best;
}

/**
 * The hour ending the window's highest valid O3 8-hour mean (the latest of equals); its sum and count, and
 * the number of valid means, beside.
 */
function highestMeanHour(windows: WindowStore, hour: number, first: number): number {
  const { records, ring, base, shift } = windows;
  let best = noHour;
  let bestSum = 0;
  let bestCount = 0;
  let validMeans = 0;
  for (let other = Math.max(first, hour - eightHourMeansPerDay + 1); other <= hour; other += 1) {
    const record = base + ((other & ring.mask) << shift);
    const count = records[record + count8]!;
    if (count < minimumHoursFor8h) continue;
    validMeans += 1;
    const sum = records[record + sum8]!;
    if (best !== noHour && sum * bestCount < bestSum * count) continue;
    best = other;
    bestSum = sum;
    bestCount = count;
  }
  scannedSum = bestSum;
  scannedCount = bestCount;
  scannedValidMeans = validMeans;
  return best;
}
