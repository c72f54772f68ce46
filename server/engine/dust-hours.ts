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
  return knownVerdict(verdictsOf(windows), hour, coarse, fine);
}

/** Hours kept per windows: the look-back of a tick (history plus a window) with room, by hour index. */
const keptHours = 512;

/**
 * Every tick re-reads a unit's last week of hours (about 40 % of a tick rated them again): an hour's verdict
 * is kept with the values it was made from, so a corrected hour is rated anew. Kept in flat arrays indexed
 * by hour modulo keptHours (a later hour in the same slot replaces an older one).
 */
type Verdicts = { hours: Float64Array; coarse: Float64Array; fine: Float64Array; verdict: Uint8Array };
const verdicts = new WeakMap<StationWindows, Verdicts>();

function verdictsOf(windows: StationWindows): Verdicts {
  let known = verdicts.get(windows);
  if (!known) {
    known = {
      hours: new Float64Array(keptHours).fill(Number.NaN),
      coarse: new Float64Array(keptHours),
      fine: new Float64Array(keptHours),
      verdict: new Uint8Array(keptHours),
    };
    verdicts.set(windows, known);
  }
  return known;
}

function knownVerdict(known: Verdicts, hour: number, coarse: number, fine: number): boolean {
  const slot = (hour / HOUR) % keptHours;
  if (known.hours[slot] === hour && known.coarse[slot] === coarse && known.fine[slot] === fine)
    return known.verdict[slot] === 1;
  const edition = editionFor(hour);
  const coarseIndex = iaqi('pm10_24h', coarse, edition) ?? 0;
  const fineIndex = iaqi('pm25_24h', fine, edition) ?? 0;
  const primary = coarseIndex > 50 && coarseIndex >= fineIndex ? ['pm10' as const] : [];
  const verdict = dustLikely({ pm25: fine, pm10: coarse, primaryPollutants: primary });
  known.hours[slot] = hour;
  known.coarse[slot] = coarse;
  known.fine[slot] = fine;
  known.verdict[slot] = verdict ? 1 : 0;
  return verdict;
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

/** Per window end from start to now: whether most of its hours with both PM values are dust-like. */
function mostlyDustWindows(windows: StationWindows, start: number, now: number): boolean[] {
  const known = verdictsOf(windows);
  const first = start - 23 * HOUR;
  const count = Math.max(0, Math.round((now - first) / HOUR) + 1);
  // Per hour from first: 0 not measured, 1 measured and not dust, 2 dust.
  const hours = new Uint8Array(count);
  const result: boolean[] = [];
  let dust = 0;
  let measured = 0;
  for (let index = 0; index < count; index += 1) {
    const hour = first + index * HOUR;
    const coarse = windows.value('pm10', hour);
    const fine = windows.value('pm25', hour);
    if (coarse !== null && fine !== null) {
      const verdict = knownVerdict(known, hour, coarse, fine);
      hours[index] = verdict ? 2 : 1;
      measured += 1;
      if (verdict) dust += 1;
    }
    const leaving = index >= 24 ? hours[index - 24]! : 0;
    if (leaving !== 0) {
      measured -= 1;
      if (leaving === 2) dust -= 1;
    }
    if (index >= 23) result.push(measured >= minimumPmHours && dust * 2 >= measured);
  }
  return result;
}
