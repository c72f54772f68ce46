import { z } from 'zod';
import { coordinateOutsideXinjiangMessage, xinjiangExtent } from '../../geo/layers/common';
import { unitIdOfWritten, units, unknownUnitText } from '../../geo/units';
import type { Issue } from '../../shared/issues';
import type { StationRow } from '../store/types';
import { inFileNames, readHeader, recordByField, stationColumns } from './headers';
import { accepted, type IngestResult, invalid } from './result';
import { csvDecimal, csvRecords, parseBody, parseRows, repeatedKeys } from './rows';

const unitIds = new Set(units.map((unit) => unit.id));
const unitNames = new Map(units.map((unit) => [unit.id, unit.nameZh] as const));
const unitName = (id: string) => `${unitNames.get(id) ?? id} (${id})`;

/** Where a station lies, in the boundaries in force (bundled, or an office's imported official ones). */
export type StationPlaces = {
  /** The unit whose boundary contains a point (geo/boundaries/locate unitContaining). */
  unitAt: (lon: number, lat: number) => string | null;
  /** Whether a point can belong to the unit given for it (geo/boundaries/locate pointNearUnit). */
  near: (unitId: string, lon: number, lat: number) => boolean;
};

/** A station as registered: the unit comes from point-in-polygon when not given. */
export const stationInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  lon: z
    .number()
    .min(xinjiangExtent.west, coordinateOutsideXinjiangMessage.lon)
    .max(xinjiangExtent.east, coordinateOutsideXinjiangMessage.lon),
  lat: z
    .number()
    .min(xinjiangExtent.south, coordinateOutsideXinjiangMessage.lat)
    .max(xinjiangExtent.north, coordinateOutsideXinjiangMessage.lat),
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

const stationCsvRowSchema = stationInputSchema.extend({
  id: stationIdSchema,
  // Offices' lists give the county by name (所属区县: 伊宁市), as the catalogue names it.
  unit: stationInputSchema.shape.unit.transform((unit) => (unit ? unitIdOfWritten(unit) : unit)),
  lon: csvDecimal(stationInputSchema.shape.lon),
  lat: csvDecimal(stationInputSchema.shape.lat),
  simulated: csvFlagSchema,
});

function stationRow(
  id: string,
  input: z.infer<typeof stationInputSchema>,
  places: StationPlaces,
): StationRow {
  return {
    id,
    name: input.name,
    lon: input.lon,
    lat: input.lat,
    unitId: input.unit ?? places.unitAt(input.lon, input.lat),
    simulated: input.simulated,
  };
}

/**
 * A unit given must exist and be where the point is (a station counted in a unit it is not in, perhaps of
 * the other prefecture, would grade that unit on another place's air); a point outside every unit without
 * a unit is refused (it would feed no AQI).
 */
function unitIssues(
  rows: readonly StationRow[],
  givenUnits: readonly (string | undefined)[],
  places: StationPlaces,
): Issue[] {
  const issues: Issue[] = [];
  rows.forEach((row, index) => {
    const given = givenUnits[index];
    if (given !== undefined && !unitIds.has(given))
      issues.push({ row: index + 1, field: 'unit', message: `unknown unit ${unknownUnitText(given)}` });
    else if (given !== undefined && !places.near(given, row.lon, row.lat)) {
      const located = places.unitAt(row.lon, row.lat);
      issues.push({
        row: index + 1,
        field: 'unit',
        message: `the point (${row.lon}, ${row.lat}) is not in or near ${unitName(given)}${located ? `: it lies in ${unitName(located)}` : ''}; check the unit, and that lon and lat are not swapped`,
      });
    } else if (row.unitId === null)
      issues.push({ row: index + 1, field: 'lon', message: 'the point lies in no unit; give the unit' });
  });
  return issues;
}

/** PUT /api/stations/:id: one station from its id and JSON body. */
export function stationFromInput(
  id: unknown,
  body: unknown,
  places: StationPlaces,
): IngestResult<StationRow> {
  const parsedId = parseBody(stationIdSchema, id, 'station id');
  if (!parsedId.ok) return parsedId;
  const input = parseBody(stationInputSchema, body, 'station');
  if (!input.ok) return input;
  const station = stationRow(parsedId.value, input.value, places);
  const issues = unitIssues([station], [input.value.unit], places);
  return issues.length > 0 ? invalid('invalid stations: nothing was written', issues) : accepted(station);
}

/**
 * Station list CSV: id,name,lon,lat[,unit][,simulated], or the Chinese names offices use (headers.ts). All
 * or nothing; issues name the columns as the file does.
 */
export function stationsFromCsv(text: string, places: StationPlaces): IngestResult<StationRow[]> {
  const records = csvRecords(text);
  if (!records.ok) return records;
  const { written, issues: header } = readHeader(Object.keys(records.value[0]!), stationColumns, [
    'id',
    'name',
    'lon',
    'lat',
  ]);
  const refuse = (issues: Issue[]) =>
    invalid('invalid stations: nothing was written', inFileNames(issues, written));
  if (header.length > 0) return refuse(header);
  const rows = records.value.map((record) => recordByField(record, written));
  const duplicates = repeatedKeys(
    rows.map((row) => row.id ?? ''),
    'id',
    'id',
  );
  if (duplicates.length > 0) return refuse(duplicates);
  const parsed = parseRows(stationCsvRowSchema, rows, 'stations');
  if (!parsed.ok) return parsed.refusal.kind === 'invalid' ? refuse(parsed.refusal.issues) : parsed;
  const stations = parsed.value.map((row) => stationRow(row.id, row, places));
  const issues = unitIssues(
    stations,
    parsed.value.map((row) => row.unit),
    places,
  );
  return issues.length > 0 ? refuse(issues) : accepted(stations);
}
