import { editionFor, iaqi, type Species, type StationWindows } from '../../shared/aqi';
import { dustLikely } from '../../shared/rules';
import { HOUR } from '../../shared/time';

/** A window needs this many hours with both PM values before its hours can call it dust. */
const minimumPmHours = 6;

/**
 * One hour is dust-like when PM10 is its primary pollutant (1-hour values on the daily breakpoints, as
 * the published real-time AQI does) with a low PM2.5/PM10 ratio (shared/rules dustLikely); null when
 * PM is not measured.
 */
export function dustHour(windows: StationWindows, hour: number): boolean | null {
  const coarse = windows.value('pm10', hour);
  const fine = windows.value('pm25', hour);
  if (coarse === null || fine === null) return null;
  const known = verdictsOf(windows).get(hour);
  if (known && known.coarse === coarse && known.fine === fine) return known.verdict;
  const edition = editionFor(hour);
  const coarseIndex = iaqi('pm10_24h', coarse, edition) ?? 0;
  const fineIndex = iaqi('pm25_24h', fine, edition) ?? 0;
  const primary = coarseIndex > 50 && coarseIndex >= fineIndex ? ['pm10' as const] : [];
  const verdict = dustLikely({ pm25: fine, pm10: coarse, primaryPollutants: primary });
  remember(windows, hour, { coarse, fine, verdict });
  return verdict;
}

type Verdict = { coarse: number; fine: number; verdict: boolean };
/**
 * Every tick re-reads a unit's last week of hours (about 40 % of a tick rated them again): an hour's verdict
 * is kept with the values it was made from, so a corrected hour is rated anew.
 */
const verdicts = new WeakMap<StationWindows, Map<number, Verdict>>();
/** Enough for the look-back of a tick (history plus a window) with room; older hours are dropped. */
const keptHours = 400;

function verdictsOf(windows: StationWindows): Map<number, Verdict> {
  let known = verdicts.get(windows);
  if (!known) {
    known = new Map();
    verdicts.set(windows, known);
  }
  return known;
}

function remember(windows: StationWindows, hour: number, verdict: Verdict): void {
  const known = verdictsOf(windows);
  known.set(hour, verdict);
  if (known.size <= keptHours) return;
  const oldest = hour - keptHours * HOUR;
  for (const kept of known.keys()) if (kept < oldest) known.delete(kept);
  // Hours after this one (a past view read after the live one): start afresh rather than scan each call.
  if (known.size > keptHours) known.clear();
}

/**
 * What the caller read already for the windows from start to end (the unit's series): per window, the
 * PM2.5 24 h mean (NaN when none) and the daily primary pollutants.
 */
export type WindowsRead = { pm25Daily: ArrayLike<number>; primary: readonly (readonly Species[])[] };

/**
 * Per window end from start to end (hourly): whether the window looks like sand and dust, by its means
 * (PM10 primary, low PM2.5/PM10) or because most of its hours with both PM values are dust-like. A dust
 * storm's 24-hour means can hide it (A3: PM10 off the analyser's scale for 9 hours while PM2.5 reads
 * 1,821 µg/m³), its hours do not.
 */
export function dustWindows(
  windows: StationWindows,
  start: number,
  end: number,
  read?: WindowsRead,
): boolean[] {
  windows.rate(start, end, 'daily');
  return mostlyDustWindows(windows, start, end).map(
    (mostly, index) =>
      mostly ||
      dustLikely({
        pm25: read ? read.pm25Daily[index]! : (windows.mean24h('pm25', start + index * HOUR) ?? Number.NaN),
        pm10: windows.mean24h('pm10', start + index * HOUR) ?? Number.NaN,
        primaryPollutants: read ? read.primary[index]! : windows.dailyPrimaryPollutants(start + index * HOUR),
      }),
  );
}

function mostlyDustWindows(windows: StationWindows, start: number, now: number): boolean[] {
  const verdicts: (boolean | null)[] = [];
  for (let hour = start - 23 * HOUR; hour <= now; hour += HOUR) verdicts.push(dustHour(windows, hour));
  const result: boolean[] = [];
  let dust = 0;
  let measured = 0;
  verdicts.forEach((verdict, index) => {
    if (verdict !== null) {
      measured += 1;
      if (verdict) dust += 1;
    }
    const leaving = index >= 24 ? verdicts[index - 24] : null;
    if (leaving !== null && leaving !== undefined) {
      measured -= 1;
      if (leaving) dust -= 1;
    }
    if (index >= 23) result.push(measured >= minimumPmHours && dust * 2 >= measured);
  });
  return result;
}
