import { z } from 'zod';
import { type Issue, issuesOf } from '../../shared/issues';
import { inFileNames, observationColumns, readHeader, recordByField } from './headers';
import { accepted, type IngestResult, invalid } from './result';
import { csvNumber, csvRecords, hourEndSchema, unknownKeyIssue } from './rows';

const concentration = z
  .number({ error: 'a concentration is a decimal number, or empty when not measured' })
  .finite()
  .nullable()
  .optional();

/**
 * One station-hour (µg/m³; CO mg/m³; hour-ending, with UTC offset). A missing species is not measured.
 * Strict: a key spelt otherwise ("pm2_5", "PM2.5") would be a species silently not measured.
 */
export const observationInputSchema = z.strictObject({
  station: z.string().trim().min(1).max(32),
  time: hourEndSchema,
  pm25: concentration,
  pm10: concentration,
  so2: concentration,
  no2: concentration,
  co: concentration,
  o3: concentration,
});
export type ObservationInput = z.infer<typeof observationInputSchema>;

const jsonKeys = Object.keys(observationInputSchema.shape);

/** The species columns of a batch, in the order of `ObservationBatch.values` (shared/aqi's speciesOrder). */
export const batchSpecies = ['so2', 'no2', 'pm10', 'pm25', 'co', 'o3'] as const;

/**
 * A request's station-hours as typed columns, checked against observationInputSchema row by row. Read
 * before the request is authorised, reported after: `stations` holds each row's station as sent (trimmed,
 * undefined when not text) for the jurisdiction check, `issues` every row and field the schema refuses.
 */
export type ObservationBatch = {
  count: number;
  stations: (string | undefined)[];
  /** Hour ends, epoch ms. */
  times: Float64Array;
  /** One column per species in batchSpecies order; NaN: not measured. */
  values: Float64Array[];
  issues: Issue[];
};

/** Parsed hour ends by their text: a bulk request repeats each hour for every station, a feed each hour. */
const hourEnds = new Map<string, ReturnType<typeof hourEndSchema.safeParse>>();
const hourEndsKept = 20_000;

function hourEnd(value: string): ReturnType<typeof hourEndSchema.safeParse> {
  let parsed = hourEnds.get(value);
  if (!parsed) {
    parsed = hourEndSchema.safeParse(value);
    if (hourEnds.size >= hourEndsKept) hourEnds.clear();
    hourEnds.set(value, parsed);
  }
  return parsed;
}

/**
 * observationInputSchema with each distinct hour end parsed once. Built once: zod compiles a schema on its
 * first parse, which cost an hourly request more than parsing its rows.
 */
const rowSchema = observationInputSchema.extend({
  time: z.string().transform((value, context) => {
    const parsed = hourEnd(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  }),
});

function emptyBatch(count: number): ObservationBatch {
  return {
    count,
    stations: new Array(count),
    times: new Float64Array(count),
    values: batchSpecies.map(() => new Float64Array(count)),
    issues: [],
  };
}

/** Row `index` of the batch from the schema's verdict on `row` (the authority on every field). */
function checkRow(batch: ObservationBatch, index: number, row: unknown): void {
  const result = rowSchema.safeParse(row);
  if (!result.success) {
    for (const issue of result.error.issues)
      if (issue.code === 'unrecognized_keys')
        batch.issues.push(
          ...issue.keys.map((key) => ({ row: index + 1, ...unknownKeyIssue(key, jsonKeys) })),
        );
      else batch.issues.push(...issuesOf(new z.ZodError([issue]), index + 1));
    return;
  }
  const parsed = result.data;
  batch.stations[index] = parsed.station;
  batch.times[index] = parsed.time;
  for (let column = 0; column < batchSpecies.length; column += 1)
    batch.values[column]![index] = parsed[batchSpecies[column]!] ?? Number.NaN;
}

const stationOf = (row: unknown): string | undefined => {
  const value = row && typeof row === 'object' ? (row as Record<string, unknown>).station : undefined;
  return typeof value === 'string' ? value.trim() : undefined;
};

/** Rows as JSON objects (the API's JSON body, the replay), each parsed with the schema. */
export function batchFromRows(rows: readonly unknown[]): ObservationBatch {
  const batch = emptyBatch(rows.length);
  rows.forEach((row, index) => {
    batch.stations[index] = stationOf(row);
    checkRow(batch, index, row);
  });
  return batch;
}

/** A CSV record as the JSON body would send it: station and time as text, concentrations as numbers. */
function csvObservation(cell: (name: string) => string | undefined): Record<string, unknown> {
  return {
    station: cell('station'),
    time: cell('time'),
    pm25: csvNumber(cell('pm25')),
    pm10: csvNumber(cell('pm10')),
    so2: csvNumber(cell('so2')),
    no2: csvNumber(cell('no2')),
    co: csvNumber(cell('co')),
    o3: csvNumber(cell('o3')),
  };
}

type ObservationField = keyof typeof observationColumns;
const requiredColumns: ObservationField[] = ['station', 'time'];

/** The batch, its issues naming the columns as the file's header does. */
function named(
  batch: ObservationBatch,
  written: Map<ObservationField, string>,
): IngestResult<ObservationBatch> {
  if (batch.issues.length > 0) batch.issues = inFileNames(batch.issues, written);
  return accepted(batch);
}

/** CSV through the general reader (quotes, uneven rows): records, then the schema row by row. */
function batchFromCsvRecords(text: string): IngestResult<ObservationBatch> {
  const records = csvRecords(text);
  if (!records.ok) return records;
  const { written, issues } = readHeader(Object.keys(records.value[0]!), observationColumns, requiredColumns);
  if (issues.length > 0) return invalid('invalid observations: nothing was written', issues);
  const rows = records.value.map((record) => recordByField(record, written));
  return named(
    batchFromRows(rows.map((row) => csvObservation((name) => row[name as ObservationField]))),
    written,
  );
}

const powersOfTen = Array.from({ length: 16 }, (_, power) => 10 ** power);

/**
 * The value of a plain decimal cell text[start, end) ("12", "-0.5", "3.", ".5", at most 15 digits), or
 * undefined for anything else (read by csvNumber then). Exact: an integer below 2^53 divided by a power
 * of ten up to 10^15, both exact doubles, is the correctly rounded value, as Number() gives.
 */
function plainDecimal(text: string, start: number, end: number): number | undefined {
  let index = start;
  const negative = text.charCodeAt(index) === 45;
  if (negative) index += 1;
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits += 1;
    } else if (code === 46 && point < 0) point = index;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const value = point < 0 ? mantissa : mantissa / powersOfTen[end - point - 1]!;
  return negative ? -value : value;
}

/** A cell's edges need trim() (a space, a control or a non-ASCII character on either side). */
function needsTrim(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  return first <= 32 || first >= 128 || last <= 32 || last >= 128;
}

const cellText = (text: string, start: number, end: number) =>
  start === end ? '' : needsTrim(text, start, end) ? text.slice(start, end).trim() : text.slice(start, end);

/** A line is blank (skipped) when trim() leaves nothing. */
function isBlank(text: string, start: number, end: number): boolean {
  if (start === end) return true;
  const first = text.charCodeAt(start);
  return first <= 32 || first >= 128 ? text.slice(start, end).trim() === '' : false;
}

/**
 * CSV with the JSON field names as header (station,time,pm25,pm10,so2,no2,co,o3, any order; empty cell =
 * null) or the names offices' files use (headers.ts: 站点编码,监测时间,PM2.5(μg/m³) …), read in one pass straight into the batch's columns: no record, cell array or parsed object per
 * row. A row the fast checks do not pass whole is given to the schema (its verdict and messages stand);
 * a file with quotes or rows of another length goes through the general reader (server/ingest/csv.ts).
 */
export function batchFromCsv(input: string): IngestResult<ObservationBatch> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('"')) return batchFromCsvRecords(text);
  const lines: number[] = [];
  let header: string[] | undefined;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (!isBlank(text, start, lineEnd)) {
      if (header) lines.push(start, lineEnd);
      else
        header = text
          .slice(start, lineEnd)
          .split(',')
          .map((name) => name.trim());
    }
    start = end + 1;
  }
  if (!header || lines.length === 0) return batchFromCsvRecords(text);
  const { fields, written, issues } = readHeader(header, observationColumns, requiredColumns);
  if (issues.length > 0) return invalid('invalid observations: nothing was written', issues);
  const columnOf = new Map<string, number>();
  for (const [column, field] of fields.entries()) if (field) columnOf.set(field, column);
  const stationColumn = columnOf.get('station');
  const timeColumn = columnOf.get('time');
  if (stationColumn === undefined || timeColumn === undefined) return batchFromCsvRecords(text);
  // Each cell's role: -3 other, -2 station, -1 time, else the species column.
  const roles = header.map(() => -3);
  roles[stationColumn] = -2;
  roles[timeColumn] = -1;
  batchSpecies.forEach((name, column) => {
    const at = columnOf.get(name);
    if (at !== undefined) roles[at] = column;
  });
  const count = lines.length / 2;
  const batch = emptyBatch(count);
  for (const column of batch.values) column.fill(Number.NaN);
  const last = roles.length - 1;
  let timeText = '';
  let time = hourEnd(timeText);
  for (let row = 0; row < count; row += 1) {
    const lineStart = lines[2 * row]!;
    const lineEnd = lines[2 * row + 1]!;
    let start = lineStart;
    let valid = true;
    for (let column = 0; column <= last; column += 1) {
      const comma = text.indexOf(',', start);
      const end = column === last ? lineEnd : comma;
      // A row of another length: the general reader names it.
      if (column === last ? comma >= 0 && comma < lineEnd : comma < 0 || comma > lineEnd)
        return batchFromCsvRecords(text);
      const role = roles[column]!;
      if (role >= 0) {
        let value = start === end ? Number.NaN : plainDecimal(text, start, end);
        if (value === undefined) {
          const cell = csvNumber(cellText(text, start, end));
          if (cell === null) value = Number.NaN;
          else if (typeof cell === 'number' && Number.isFinite(cell)) value = cell;
        }
        if (value === undefined) valid = false;
        else batch.values[role]![row] = value;
      } else if (role === -2) {
        const station = cellText(text, start, end);
        batch.stations[row] = station;
        if (station.length === 0 || station.length > 32) valid = false;
      } else if (role === -1) {
        // The rows of one hour usually follow each other: the same text is compared, not cut out again.
        if (end - start !== timeText.length || !text.startsWith(timeText, start)) {
          timeText = cellText(text, start, end);
          time = hourEnd(timeText);
        }
        if (time.success) batch.times[row] = time.data;
        else valid = false;
      }
      start = end + 1;
    }
    if (!valid) {
      const cells = text.slice(lineStart, lineEnd).split(',');
      checkRow(
        batch,
        row,
        csvObservation((name) => {
          const column = columnOf.get(name);
          return column === undefined ? undefined : cells[column]!.trim();
        }),
      );
    }
  }
  return named(batch, written);
}
