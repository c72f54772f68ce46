import { z } from 'zod';
import { units, unknownUnitText } from '../../geo/units';
import { speciesSchema } from '../../shared/aqi';
import { HOUR } from '../../shared/time';
import { futureProblem } from '../../shared/time-schemas';
import type { ForecastRow, Store } from '../store/types';
import { accepted, type IngestResult, invalid, refused } from './result';
import { hourEndSchema, instantSchema, parseRows, repeatedKeys } from './rows';

/** One unit's forecast daily AQI for the 24-hour window ending at windowEnd. */
export const forecastInputSchema = z
  .object({
    unit: z.string().trim().min(1),
    windowEnd: hourEndSchema,
    aqi: z.number().finite().min(0).max(2000),
    aqiLow: z.number().finite().min(0).max(2000).nullable().optional(),
    aqiHigh: z.number().finite().min(0).max(2000).nullable().optional(),
    primary: speciesSchema.nullable().optional(),
  })
  .refine((row) => row.aqiLow == null || row.aqiLow <= row.aqi, {
    path: ['aqiLow'],
    message: 'aqiLow above aqi',
  })
  .refine((row) => row.aqiHigh == null || row.aqiHigh >= row.aqi, {
    path: ['aqiHigh'],
    message: 'aqiHigh below aqi',
  });

export const forecastBodySchema = z.object({
  issuedAt: instantSchema,
  source: z.string().trim().min(1).max(100),
  forecasts: z.array(z.unknown()).min(1).max(100_000),
});

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
  body: z.infer<typeof forecastBodySchema>,
  receivedAt: number,
): IngestResult<ForecastIngestResult> {
  const parsed = parseRows(forecastInputSchema, body.forecasts, 'forecasts');
  if (!parsed.ok) return parsed;
  const rows = parsed.value;
  const issued = futureProblem(body.issuedAt, receivedAt);
  if (issued) return invalid('invalid forecast issue', [{ field: 'issuedAt', message: issued }]);
  const outOfReach = rows.flatMap((row, index) => {
    // A window that had ended when the forecast was issued is observed, not forecast: a wrong date.
    if (row.windowEnd <= body.issuedAt)
      return [
        {
          row: index + 1,
          field: 'windowEnd',
          message: 'not after issuedAt: a forecast window ends after its issue',
        },
      ];
    if (row.windowEnd > body.issuedAt + forecastReach)
      return [{ row: index + 1, field: 'windowEnd', message: 'more than 15 days after issuedAt' }];
    return [];
  });
  if (outOfReach.length > 0) return invalid('invalid forecasts: nothing was written', outOfReach);
  // One issue gives one value per unit and window.
  const repeated = repeatedKeys(
    rows.map((row) => `${row.unit}\u0000${row.windowEnd}`),
    'windowEnd',
    'unit and window',
  );
  if (repeated.length > 0) return invalid('invalid forecasts: nothing was written', repeated);
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
    issuedAt: body.issuedAt,
    source: body.source,
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
          .filter((row) => row.issuedAt === body.issuedAt && row.source === body.source);
  return accepted({
    accepted: forecasts.length,
    written,
    superseded: forecasts.length - written,
    standing,
    receivedAt,
  });
}
