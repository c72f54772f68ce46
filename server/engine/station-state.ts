import type { StationState } from '../../shared/state/schema';
import { HOUR } from '../../shared/time';
import type { StationRow } from '../store/types';
import type { HourColumns } from './hour-columns';
import { hourlyReport } from './reports';

/** A station is stale when it has sent nothing for 2 hours or more before now (issue 7, wall display). */
export const staleAfterHours = 2;
/** How far back a station's newest hour is searched when computing a past state. */
const searchHours = 72;

/** The newest hour end at or before now with a record, or null. */
export function newestAtOrBefore(columns: HourColumns | undefined, now: number): number | null {
  if (!columns || columns.newest === null) return null;
  const from = Math.min(columns.newest, now);
  for (let offset = 0; offset <= searchHours; offset += 1) {
    if (columns.hasAny(from - offset * HOUR)) return from - offset * HOUR;
  }
  return null;
}

export function isStale(newestHour: number | null, now: number): boolean {
  return newestHour === null || now - newestHour >= staleAfterHours * HOUR;
}

export function stationState(row: StationRow, columns: HourColumns | undefined, now: number): StationState {
  const newestHour = newestAtOrBefore(columns, now);
  const hourlyAqi = columns && newestHour !== null ? hourlyReport(columns, newestHour).aqi : null;
  return {
    id: row.id,
    name: row.name,
    unitId: row.unitId,
    lon: row.lon,
    lat: row.lat,
    simulated: row.simulated,
    hourlyAqi,
    newestHour,
    stale: isStale(newestHour, now),
  };
}
