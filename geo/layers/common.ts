import { z } from 'zod';
import { units } from '../units';

/** Xinjiang's extent with a margin: a point outside it is a wrong CRS or a typo, not an enterprise of ours. */
export const xinjiangExtent = { west: 73, east: 97, south: 34, north: 50 } as const;

export function insideXinjiang(lon: number, lat: number): boolean {
  const { west, east, south, north } = xinjiangExtent;
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

export const outsideXinjiangMessage =
  'lies outside Xinjiang (73–97°E, 34–50°N): coordinates must be WGS84/CGCS2000 longitude and latitude in degrees';

/** One coordinate out of Xinjiang's extent (a station's lon or lat field): lat and lon swapped, usually. */
export const coordinateOutsideXinjiangMessage = {
  lon: 'longitude must be 73–97 (°E, WGS84/CGCS2000 degrees): are lon and lat swapped?',
  lat: 'latitude must be 34–50 (°N, WGS84/CGCS2000 degrees): are lon and lat swapped?',
} as const;

const unitIds = new Set(units.map((unit) => unit.id));

export const unitIdSchema = z.string().refine((id) => unitIds.has(id), {
  message: 'is not a warning unit (geo/units.ts)',
});

export const recordIdSchema = z.string().trim().min(1);

export const longitudeSchema = z.number().finite();
export const latitudeSchema = z.number().finite();

/** A calendar date, YYYY-MM-DD (e.g. when the list was last updated; plans 4.3.1(2): lists are updated yearly). */
export const calendarDateSchema = z.iso.date().nullable();

/** Sample data carries its own label so it cannot be mistaken for an office's list. */
export const syntheticSchema = z.boolean();

export function unitOf(id: string) {
  return units.find((unit) => unit.id === id);
}
