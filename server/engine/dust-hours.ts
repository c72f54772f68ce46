import { editionAt, iaqi } from '../../shared/aqi';
import { dustLikely } from '../../shared/rules';
import { HOUR } from '../../shared/time';
import type { HourColumns } from './hour-columns';

const pm10 = 2;
const pm25 = 3;
/** A window needs this many hours with both PM values before its hours can call it dust. */
const minimumPmHours = 6;

/**
 * One hour is dust-like when PM10 is its primary pollutant (1-hour values on the daily breakpoints, as
 * the published real-time AQI does) with a low PM2.5/PM10 ratio (shared/rules dustLikely).
 */
export function dustHour(columns: HourColumns, hour: number): boolean | null {
  const coarse = columns.get(hour, pm10);
  const fine = columns.get(hour, pm25);
  if (Number.isNaN(coarse) || Number.isNaN(fine)) return null;
  const edition = editionAt(hour);
  const coarseIndex = iaqi('pm10_24h', coarse, edition) ?? 0;
  const fineIndex = iaqi('pm25_24h', fine, edition) ?? 0;
  const primary = coarseIndex > 50 && coarseIndex >= fineIndex ? ['pm10'] : [];
  return dustLikely({ pm25: fine, pm10: coarse, primaryPollutants: primary });
}

/**
 * Whether most hours of the window ending at t that have both PM values are dust-like. A dust storm's
 * 24-hour means can hide it (A3: PM10 off the analyser's scale for 9 hours while PM2.5 reads 1,821 µg/m³),
 * its hours do not.
 */
export function mostlyDustHours(verdictAt: (hour: number) => boolean | null, t: number): boolean {
  let dust = 0;
  let measured = 0;
  for (let offset = 0; offset < 24; offset += 1) {
    const verdict = verdictAt(t - offset * HOUR);
    if (verdict === null) continue;
    measured += 1;
    if (verdict) dust += 1;
  }
  return measured >= minimumPmHours && dust * 2 >= measured;
}
