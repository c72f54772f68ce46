import type { StationWindows } from '../../shared/aqi';
import type { StationState } from '../../shared/state/schema';
import { HOUR } from '../../shared/time';
import type { StationRow } from '../store/types';
import type { HourColumns } from './hour-columns';

/** A station is stale when it has sent nothing for 2 hours or more before now (issue 7, wall display). */
export const staleAfterHours = 2;

export function isStale(newestHour: number | null, now: number): boolean {
  return newestHour === null || now - newestHour >= staleAfterHours * HOUR;
}

export function stationState(
  row: StationRow,
  hours: HourColumns | undefined,
  windows: StationWindows | null,
  now: number,
): StationState {
  const newestHour = hours?.newestAtOrBefore(now) ?? null;
  return {
    id: row.id,
    name: row.name,
    unitId: row.unitId,
    lon: row.lon,
    lat: row.lat,
    simulated: row.simulated,
    hourlyAqi: windows && newestHour !== null ? windows.hourlyAqi(newestHour) : null,
    newestHour,
    stale: isStale(newestHour, now),
  };
}
