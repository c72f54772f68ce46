import { z } from 'zod';
import { unitIdOfWritten, units, unknownUnitText } from '../../geo/units';
import { type Species, speciesSchema } from '../../shared/aqi';
import type { Issue } from '../../shared/issues';
import { BEIJING_OFFSET, DAY, HOUR } from '../../shared/time';
import { futureProblem } from '../../shared/time-schemas';
import type { ForecastRow, Store } from '../store/types';
import { forecastColumns, inFileNames, looseName, readHeader, recordByField } from './headers';
import { accepted, type IngestResult, invalid, refused } from './result';
import {
  csvDecimal,
  csvRecords,
  hourEndSchema,
  instantSchema,
  parseBody,
  parseRows,
  repeatedKeys,
} from './rows';

const forecastAqi = z.number().finite().min(0).max(2000);

/** One unit's forecast daily AQI for the 24-hour window ending at windowEnd, field by field. */
const forecastFields = z.object({
  unit: z.string().trim().min(1),
  windowEnd: hourEndSchema,
  aqi: forecastAqi,
  aqiLow: forecastAqi.nullable().optional(),
  aqiHigh: forecastAqi.nullable().optional(),
  primary: speciesSchema.nullable().optional(),
});

/** A forecast's likely range holds its value: the low not above it, the high not below it. */
function withinRange<
  Schema extends z.ZodType<{ aqi: number; aqiLow?: number | null; aqiHigh?: number | null }>,
>(schema: Schema): Schema {
  return schema
    .refine((row) => row.aqiLow == null || row.aqiLow <= row.aqi, {
      path: ['aqiLow'],
      message: 'aqiLow above aqi',
    })
    .refine((row) => row.aqiHigh == null || row.aqiHigh >= row.aqi, {
      path: ['aqiHigh'],
      message: 'aqiHigh below aqi',
    });
}

/** One unit's forecast daily AQI for the 24-hour window ending at windowEnd. */
export const forecastInputSchema = withinRange(forecastFields);

const issueFields = {
  issuedAt: instantSchema,
  source: z.string().trim().min(1).max(100),
};

export const forecastBodySchema = z.object({
  ...issueFields,
  forecasts: z.array(z.unknown()).min(1).max(100_000),
});

/** A forecast table's issue, given in the query of a CSV request (one issue per file). */
export const forecastCsvQuerySchema = z.object(issueFields);

/** One forecast issue, read from JSON or CSV; `columns` names its fields as the file does, for its issues. */
export type ForecastIssue = {
  issuedAt: number;
  source: string;
  rows: z.infer<typeof forecastInputSchema>[];
  columns?: ReadonlyMap<string, string>;
};

/** The body of POST /api/forecasts as JSON. */
export function forecastsFromJson(body: unknown): IngestResult<ForecastIssue> {
  const parsed = parseBody(forecastBodySchema, body, 'forecast issue');
  if (!parsed.ok) return parsed;
  const rows = parseRows(forecastInputSchema, parsed.value.forecasts, 'forecasts');
  if (!rows.ok) return rows;
  return accepted({ issuedAt: parsed.value.issuedAt, source: parsed.value.source, rows: rows.value });
}

/** Primary pollutants as forecast tables write them: PM2.5, O3-8h, 细颗粒物, 臭氧 … */
const speciesByName = new Map<string, Species>([
  ...speciesSchema.options.map((species) => [species, species] as const),
  ['o38h', 'o3'],
  ['o31h', 'o3'],
  ['细颗粒物', 'pm25'],
  ['可吸入颗粒物', 'pm10'],
  ['二氧化硫', 'so2'],
  ['二氧化氮', 'no2'],
  ['一氧化碳', 'co'],
  ['臭氧', 'o3'],
]);
/** A primary-pollutant cell that says there is none (AQI ≤ 50 has no primary pollutant). */
const noPrimary = new Set(['', '-', '—', '/', '无']);

/** 2019-01-05, 2019/1/5 or 2019年1月5日: a calendar day, as forecast tables date their rows. */
const calendarDay = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/;

/** A calendar day's window end, 24:00 Beijing time (the next day's 00:00); null if the cell is not a day. */
function dayWindowEnd(cell: string): number | null {
  const match = calendarDay.exec(cell);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const civil = new Date(Date.UTC(year, month - 1, day));
  if (civil.getUTCMonth() !== month - 1 || civil.getUTCDate() !== day) return null;
  return civil.getTime() - BEIJING_OFFSET + DAY;
}

/** An AQI cell of the range: empty is no value, anything else a decimal number. */
const rangeCell = z.preprocess(
  (cell) => (cell === '' ? null : cell),
  csvDecimal(forecastAqi).nullable().optional(),
);

/**
 * A forecast table's row, its cells as text, read into the JSON row: a unit by its Chinese name (伊宁市), the
 * window by its end or by its calendar day, numbers as decimals, the primary pollutant as tables write it.
 */
const forecastCsvRowSchema = withinRange(
  z
    .object({
      unit: z.string().transform(unitIdOfWritten).pipe(forecastFields.shape.unit),
      windowEnd: forecastFields.shape.windowEnd.optional(),
      date: z
        .string()
        .transform((cell, context) => {
          const end = dayWindowEnd(cell);
          if (end !== null) return end;
          context.addIssue({
            code: 'custom',
            message: `${cell || 'an empty cell'} is not a calendar day like 2019-01-17`,
          });
          return z.NEVER;
        })
        .optional(),
      aqi: csvDecimal(forecastAqi),
      aqiLow: rangeCell,
      aqiHigh: rangeCell,
      primary: z.preprocess(
        (cell) =>
          typeof cell !== 'string' || noPrimary.has(cell)
            ? null
            : (speciesByName.get(looseName(cell)) ?? cell),
        forecastFields.shape.primary,
      ),
    })
    // The header gives the window one way (forecastsFromCsv): its end, or its day.
    .transform(({ date, windowEnd, ...row }) => ({ ...row, windowEnd: (date ?? windowEnd)! })),
);

/**
 * A forecast table as CSV: the JSON rows' fields as columns, or the names offices give them (headers.ts),
 * with `issuedAt` and `source` in the query. Offices name the unit (伊宁市) and date the row (日期
 * 2019-01-05: that day's window, ending at 24:00); both are read as such. All or nothing; issues name the
 * file's columns.
 */
export function forecastsFromCsv(text: string, query: unknown): IngestResult<ForecastIssue> {
  const issue = parseBody(forecastCsvQuerySchema, query, 'forecast issue (query)');
  if (!issue.ok) return issue;
  const records = csvRecords(text);
  if (!records.ok) return records;
  const header = readHeader<keyof typeof forecastColumns>(Object.keys(records.value[0]!), forecastColumns, [
    'unit',
    'aqi',
  ]);
  const { written } = header;
  const dated = written.get('date');
  const windowed = written.get('windowEnd');
  if (dated !== undefined && windowed !== undefined)
    header.issues.push({
      field: dated,
      message: `columns "${windowed}" and "${dated}" both give the window: keep one`,
    });
  if (dated === undefined && windowed === undefined)
    header.issues.push({
      field: 'windowEnd',
      message: `the header has no window column: name the calendar day ${forecastColumns.date.names.join(' or ')}, or the window's end ${forecastColumns.windowEnd.names.join(' or ')}`,
    });
  // Later issues name windowEnd; the file calls it by its date column when it has one.
  const columns = new Map<string, string>(written);
  if (dated !== undefined) columns.set('windowEnd', dated);
  const refuse = (issues: Issue[]) =>
    invalid('invalid forecasts: nothing was written', inFileNames(issues, columns));
  if (header.issues.length > 0) return refuse(header.issues);
  const parsed = parseRows(
    forecastCsvRowSchema,
    records.value.map((record) => recordByField(record, written)),
    'forecasts',
  );
  if (!parsed.ok) return parsed.refusal.kind === 'invalid' ? refuse(parsed.refusal.issues) : parsed;
  return accepted({ ...issue.value, rows: parsed.value, columns });
}

const unitIds = new Set(units.map((unit) => unit.id));
/** The longest forecasts offices publish run 15 days; a window further out is a typo. */
const forecastReach = 15 * 24 * HOUR;

/** Stores one forecast issue all or nothing; per unit and window the newest issue wins. */
export type ForecastIngestResult = {
  accepted: number;
  written: number;
  superseded: number;
  /** The rows that now stand (an older issue arriving late changes nothing). */
  standing: ForecastRow[];
  receivedAt: number;
};

export function ingestForecasts(
  store: Store,
  issue: ForecastIssue,
  receivedAt: number,
): IngestResult<ForecastIngestResult> {
  const { rows } = issue;
  const refuse = (issues: Issue[]) =>
    invalid(
      'invalid forecasts: nothing was written',
      issue.columns ? inFileNames(issues, issue.columns) : issues,
    );
  const issued = futureProblem(issue.issuedAt, receivedAt);
  if (issued) return invalid('invalid forecast issue', [{ field: 'issuedAt', message: issued }]);
  const outOfReach = rows.flatMap((row, index) => {
    // A window that had ended when the forecast was issued is observed, not forecast: a wrong date.
    if (row.windowEnd <= issue.issuedAt)
      return [
        {
          row: index + 1,
          field: 'windowEnd',
          message: 'not after issuedAt: a forecast window ends after its issue',
        },
      ];
    if (row.windowEnd > issue.issuedAt + forecastReach)
      return [{ row: index + 1, field: 'windowEnd', message: 'more than 15 days after issuedAt' }];
    return [];
  });
  if (outOfReach.length > 0) return refuse(outOfReach);
  // One issue gives one value per unit and window.
  const repeated = repeatedKeys(
    rows.map((row) => `${row.unit}\u0000${row.windowEnd}`),
    'windowEnd',
    'unit and window',
  );
  if (repeated.length > 0) return refuse(repeated);
  const unknown = [...new Set(rows.map((row) => row.unit).filter((unit) => !unitIds.has(unit)))];
  if (unknown.length > 0) {
    return refused({
      kind: 'unknown-units',
      error: `unknown unit${unknown.length > 1 ? 's' : ''}: ${unknown.map(unknownUnitText).join(', ')}`,
      units: unknown,
    });
  }
  const forecasts: ForecastRow[] = rows.map((row) => ({
    unit: row.unit,
    windowEnd: row.windowEnd,
    aqi: row.aqi,
    aqiLow: row.aqiLow ?? null,
    aqiHigh: row.aqiHigh ?? null,
    primary: row.primary ?? null,
    issuedAt: issue.issuedAt,
    source: issue.source,
  }));
  const written = store.writeForecasts(forecasts);
  const standing =
    written === 0
      ? []
      : store
          .forecastsFrom(
            forecasts.reduce((earliest, row) => Math.min(earliest, row.windowEnd), Number.POSITIVE_INFINITY),
            [...new Set(forecasts.map((row) => row.unit))],
          )
          .filter((row) => row.issuedAt === issue.issuedAt && row.source === issue.source);
  return accepted({
    accepted: forecasts.length,
    written,
    superseded: forecasts.length - written,
    standing,
    receivedAt,
  });
}
