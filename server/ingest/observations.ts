import { z } from 'zod';
import { HOUR } from '../../shared/time';
import { hourEndSchema } from '../../shared/time-schemas';
import { HttpError } from '../http/errors';
import type { ObservationRow, Species, Store } from '../store/types';
import { flagSeries, speciesList } from './plausibility';
import { csvNumber, csvRecords, notInFuture, parseRows } from './rows';

const concentration = z
  .number({ error: 'a concentration is a decimal number, or empty when not measured' })
  .finite()
  .nullable()
  .optional();

/** One station-hour (µg/m³; CO mg/m³; hour-ending, with UTC offset). A missing species is not measured. */
export const observationInputSchema = z.object({
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

export const observationBodySchema = z.object({ observations: z.array(z.unknown()).min(1).max(200_000) });

/** CSV with the JSON field names as header: station,time,pm25,pm10,so2,no2,co,o3 (empty cell = null). */
export function observationsFromCsv(text: string): unknown[] {
  return csvRecords(text).map((record) => ({
    ...record,
    ...Object.fromEntries(speciesList.map((name) => [name, csvNumber(record[name])])),
  }));
}

export type ObservationIngestResult = {
  accepted: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  flagged: { station: string; time: number; flags: Partial<Record<Species, string[]>> }[];
  /** Rows as stored by this request, including earlier hours whose flags it changed. */
  changed: ObservationRow[];
  /** Every station-hour of the request. */
  received: { station: string; time: number }[];
};

function validate(rawRows: readonly unknown[], now: number): ObservationInput[] {
  const rows = parseRows(observationInputSchema, rawRows, 'observations');
  const seen = new Map<string, number>();
  const issues = rows.flatMap((row, index) => {
    const key = `${row.station}@${row.time}`;
    const first = seen.get(key);
    seen.set(key, first ?? index + 1);
    const problems = [];
    if (first !== undefined)
      problems.push({ row: index + 1, field: 'time', message: `same station-hour as row ${first}` });
    if (!notInFuture(row.time, now))
      problems.push({ row: index + 1, field: 'time', message: 'more than an hour after the current time' });
    return problems;
  });
  if (issues.length > 0)
    throw new HttpError(400, { error: 'invalid observations: nothing was written', issues });
  return rows;
}

/**
 * Stores a batch of station-hours all or nothing: valid rows, known stations, plausibility flags computed
 * over each station's stored neighbourhood (a re-flagged earlier hour is rewritten too).
 */
export function ingestObservations(store: Store, rawRows: readonly unknown[], source: string, now: number) {
  const rows = validate(rawRows, now);
  const known = new Set(store.stations().map((station) => station.id));
  const unknown = [...new Set(rows.map((row) => row.station).filter((station) => !known.has(station)))];
  if (unknown.length > 0) {
    throw new HttpError(422, {
      error: `unknown station${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      stations: unknown,
    });
  }
  const incoming: ObservationRow[] = rows.map((row) => ({
    station: row.station,
    time: row.time,
    values: Object.fromEntries(speciesList.map((name) => [name, row[name] ?? null])) as Record<
      Species,
      number | null
    >,
    flags: {},
    receivedAt: now,
    source,
  }));
  return store.transaction((): ObservationIngestResult => {
    const toWrite = withFlags(store, incoming);
    const written = store.writeObservations(toWrite);
    const incomingKeys = new Set(incoming.map((row) => `${row.station}@${row.time}`));
    const changedIncoming = written.changed.filter((row) =>
      incomingKeys.has(`${row.station}@${row.time}`),
    ).length;
    return {
      accepted: incoming.length,
      inserted: written.inserted,
      replaced: written.replaced,
      unchanged: incoming.length - changedIncoming,
      flagged: toWrite
        .filter((row) => incomingKeys.has(`${row.station}@${row.time}`) && Object.keys(row.flags).length > 0)
        .map((row) => ({ station: row.station, time: row.time, flags: row.flags })),
      changed: written.changed,
      received: incoming.map((row) => ({ station: row.station, time: row.time })),
    };
  });
}

function groupByStation(rows: readonly ObservationRow[]): Map<string, ObservationRow[]> {
  const groups = new Map<string, ObservationRow[]>();
  for (const row of rows) {
    const group = groups.get(row.station);
    if (group) group.push(row);
    else groups.set(row.station, [row]);
  }
  return groups;
}

/** How far a new hour can change an earlier verdict: a stuck run of 6 hours, a spike's neighbour. */
const reach = 6 * HOUR;

/** The incoming rows with their flags, plus stored rows within reach whose flags now differ. */
function withFlags(store: Store, incoming: readonly ObservationRow[]): ObservationRow[] {
  const byStation = groupByStation(incoming);
  let [first, last] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const row of incoming) [first, last] = [Math.min(first, row.time), Math.max(last, row.time)];
  // Read twice the reach so a stuck run crossing the reach is seen whole enough (≥ 6 hours) not to be unflagged.
  const stored = store.observationsBetween(first - 2 * reach, last + 2 * reach, [...byStation.keys()]);
  const storedByStation = groupByStation(stored);
  const result: ObservationRow[] = [];
  for (const [station, rows] of byStation) {
    const timeline = new Map((storedByStation.get(station) ?? []).map((row) => [row.time, row] as const));
    const before = new Map(timeline);
    for (const row of rows) timeline.set(row.time, row);
    const series = [...timeline.values()].sort((a, b) => a.time - b.time);
    const flags = flagSeries(series);
    const incomingTimes = new Set(rows.map((row) => row.time));
    for (const row of series) {
      const rowFlags = flags.get(row.time)!;
      if (incomingTimes.has(row.time)) result.push({ ...row, flags: rowFlags });
      else if (
        row.time >= first - reach &&
        row.time <= last + reach &&
        JSON.stringify(before.get(row.time)!.flags) !== JSON.stringify(rowFlags)
      ) {
        result.push({ ...row, flags: rowFlags });
      }
    }
  }
  return result;
}
