import type { Indicator, Species, StationWindows } from '../../shared/aqi';
import { dailyAqiSeries } from '../../shared/rules';
import { HOUR } from '../../shared/time';
import { dustWindows } from './dust-hours';

/**
 * What a unit's series reads of each observed window (shared/rules dailyAqiSeries, the PM2.5 24 h mean, the
 * dust verdict), from `start` to `now` hourly: index i is the window ending at start + i hours.
 */
export type ObservedWindows = {
  /** gradedDailyAqi of each window (NaN: missing). */
  graded: Float64Array;
  published: (number | null)[];
  missing: Indicator[][];
  primary: Species[][];
  /** PM2.5 24 h mean (NaN when none). */
  pm25Daily: Float64Array;
  dust: boolean[];
};

/** Windows kept per StationWindows, by hour index modulo keptWindows: a tick's look-back with room. */
const keptWindows = 256;
const slotMask = keptWindows - 1;

/**
 * The last answers per window with the windows' revision they were read under (StationWindows
 * windowRevisions): every tick moves now by an hour and would read the week before it again, though only the
 * windows containing a new or corrected hour changed. A window whose revision moved is read anew.
 */
type Kept = {
  hours: Float64Array;
  revisions: Float64Array;
  graded: Float64Array;
  published: (number | null)[];
  missing: Indicator[][];
  primary: Species[][];
  pm25Daily: Float64Array;
  dust: Uint8Array;
};

const keptOf = new WeakMap<StationWindows, Kept>();

function keptFor(windows: StationWindows): Kept {
  let kept = keptOf.get(windows);
  if (!kept) {
    kept = {
      hours: new Float64Array(keptWindows).fill(Number.NaN),
      revisions: new Float64Array(keptWindows),
      graded: new Float64Array(keptWindows),
      published: new Array(keptWindows).fill(null),
      missing: new Array(keptWindows).fill([]),
      primary: new Array(keptWindows).fill([]),
      pm25Daily: new Float64Array(keptWindows),
      dust: new Uint8Array(keptWindows),
    };
    keptOf.set(windows, kept);
  }
  return kept;
}

/**
 * The observed windows from start to now (at most keptWindows of them), each read as dailyAqiSeries and
 * dustWindows read it, a run of changed windows at a time; unchanged windows are taken as last read.
 */
export function observedWindows(windows: StationWindows, start: number, now: number): ObservedWindows {
  const count = Math.round((now - start) / HOUR) + 1;
  if (count > keptWindows) throw new Error(`${count} observed windows, more than ${keptWindows} are kept`);
  const kept = keptFor(windows);
  const revisions = new Float64Array(count);
  windows.windowRevisions(start, count, revisions);
  const firstHour = start / HOUR;
  let runFrom = -1;
  for (let index = 0; index <= count; index += 1) {
    let stale = false;
    if (index < count) {
      const slot = (firstHour + index) & slotMask;
      stale = kept.hours[slot] !== firstHour + index || kept.revisions[slot] !== revisions[index];
    }
    if (stale && runFrom < 0) runFrom = index;
    else if (!stale && runFrom >= 0) {
      readRun(windows, kept, start + runFrom * HOUR, start + (index - 1) * HOUR, revisions, runFrom);
      runFrom = -1;
    }
  }
  // Sized once (every tick, every unit: a week of windows each; grown by push they were copied again and again).
  const result: ObservedWindows = {
    graded: new Float64Array(count),
    published: new Array(count),
    missing: new Array(count),
    primary: new Array(count),
    pm25Daily: new Float64Array(count),
    dust: new Array(count),
  };
  for (let index = 0; index < count; index += 1) {
    const slot = (firstHour + index) & slotMask;
    result.graded[index] = kept.graded[slot]!;
    result.published[index] = kept.published[slot]!;
    result.missing[index] = kept.missing[slot]!;
    result.primary[index] = kept.primary[slot]!;
    result.pm25Daily[index] = kept.pm25Daily[slot]!;
    result.dust[index] = kept.dust[slot] === 1;
  }
  return result;
}

/** Reads the windows from … to (a run of changed ones) and keeps them under the revisions seen before. */
function readRun(
  windows: StationWindows,
  kept: Kept,
  from: number,
  to: number,
  revisions: Float64Array,
  revisionsFrom: number,
): void {
  const observed = dailyAqiSeries(windows, from, to, to);
  const count = observed.published.length;
  const pm25Daily = new Float64Array(count);
  for (let index = 0; index < count; index += 1)
    pm25Daily[index] = windows.mean24h('pm25', from + index * HOUR) ?? Number.NaN;
  const dust = dustWindows(windows, from, to, { pm25Daily, primary: observed.primaryPollutants });
  for (let index = 0; index < count; index += 1) {
    const hour = from / HOUR + index;
    const slot = hour & slotMask;
    kept.hours[slot] = hour;
    kept.revisions[slot] = revisions[revisionsFrom + index]!;
    kept.graded[slot] = observed.series.values[index]!;
    kept.published[slot] = observed.published[index]!;
    kept.missing[slot] = observed.missing[index]!;
    kept.primary[slot] = observed.primaryPollutants[index]!;
    kept.pm25Daily[slot] = pm25Daily[index]!;
    kept.dust[slot] = dust[index] ? 1 : 0;
  }
}
