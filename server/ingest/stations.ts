import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import { z } from 'zod';
import { defaultBoundaries } from '../../geo/boundaries/default';
import { units } from '../../geo/units';
import { readDecimal } from '../../shared/decimal';
import { HttpError, type Issue } from '../http/errors';
import type { StationRow } from '../store/types';
import { csvRecords, parseRows } from './rows';

const unitIds = new Set(units.map((unit) => unit.id));

/** A station as registered: the unit comes from point-in-polygon when not given. */
export const stationInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  lon: z.number().min(73).max(97),
  lat: z.number().min(34).max(50),
  unit: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined)),
  simulated: z.boolean().default(false),
});

export const stationIdSchema = z
  .string()
  .trim()
  .regex(/^[\w.-]{1,32}$/, 'station id: 1–32 letters, digits, dot, dash or underscore');

/** A CSV cell for `simulated`: yes/true/1 or no/false/0, empty = no. */
const csvFlagSchema = z
  .enum(['true', 'false', 'yes', 'no', '1', '0', ''])
  .default('')
  .transform((cell) => ['true', 'yes', '1'].includes(cell));

/** A CSV cell holding a decimal number (readDecimal: 0x10 or 1e2 are not coordinates). */
const csvDecimal = (schema: z.ZodNumber) =>
  z
    .string()
    .transform((cell, context) => {
      const value = readDecimal(cell);
      if (value !== null) return value;
      context.addIssue({ code: 'custom', message: `${cell || 'an empty cell'} is not a decimal number` });
      return z.NEVER;
    })
    .pipe(schema);

const stationCsvRowSchema = stationInputSchema.extend({
  id: stationIdSchema,
  lon: csvDecimal(stationInputSchema.shape.lon),
  lat: csvDecimal(stationInputSchema.shape.lat),
  simulated: csvFlagSchema,
});

/** The unit whose boundary contains the point (the bundled approximate boundaries), or null. */
export function unitAt(lon: number, lat: number): string | null {
  const here = point([lon, lat]);
  const feature = defaultBoundaries().features.find((candidate) => booleanPointInPolygon(here, candidate));
  return feature?.properties.unitId ?? null;
}

export function stationRow(id: string, input: z.infer<typeof stationInputSchema>): StationRow {
  return {
    id,
    name: input.name,
    lon: input.lon,
    lat: input.lat,
    unitId: input.unit ?? unitAt(input.lon, input.lat),
    simulated: input.simulated,
  };
}

/** A unit given must exist; a point outside every unit without a unit is refused (it would feed no AQI). */
export function checkUnits(rows: readonly StationRow[], givenUnits: readonly (string | undefined)[]): void {
  const issues: Issue[] = [];
  rows.forEach((row, index) => {
    const given = givenUnits[index];
    if (given !== undefined && !unitIds.has(given))
      issues.push({ row: index + 1, field: 'unit', message: `unknown unit ${given}` });
    else if (row.unitId === null)
      issues.push({ row: index + 1, field: 'lon', message: 'the point lies in no unit; give the unit' });
  });
  if (issues.length > 0) throw new HttpError(400, { error: 'invalid stations: nothing was written', issues });
}

/** Station list CSV: id,name,lon,lat[,unit]. All or nothing. */
export function stationsFromCsv(text: string): StationRow[] {
  const records = csvRecords(text);
  const duplicates: Issue[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const first = seen.get(record.id ?? '');
    if (first !== undefined)
      duplicates.push({ row: index + 1, field: 'id', message: `same id as row ${first}` });
    else seen.set(record.id ?? '', index + 1);
  });
  if (duplicates.length > 0)
    throw new HttpError(400, { error: 'invalid stations: nothing was written', issues: duplicates });
  const rows = parseRows(stationCsvRowSchema, records, 'stations');
  const stations = rows.map((row) => stationRow(row.id, row));
  checkUnits(
    stations,
    rows.map((row) => row.unit),
  );
  return stations;
}
