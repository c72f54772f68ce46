import { z } from 'zod';
import type { Species } from '../../shared/aqi';
import type { Issue } from '../../shared/issues';
import { HOUR } from '../../shared/time';
import { type ObservationRow, rowsByStation, type Store } from '../store/types';
import { batchFromCsv, batchFromRows, batchSpecies, type ObservationBatch } from './observation-input';
import { flagSeries, noFlags, sameFlags } from './plausibility';
import { RecentRows } from './recent-rows';
import { accepted, type IngestResult, invalid, refused } from './result';
import { notInFuture, parseBody } from './rows';

export { type ObservationBatch, type ObservationInput, observationInputSchema } from './observation-input';

export const observationBodySchema = z.object({ observations: z.array(z.unknown()).min(1).max(200_000) });

/** CSV with the JSON field names as header (station,time,pm25,…) or the names in headers.ts; empty cell = null. */
export function observationsFromCsv(text: string): IngestResult<ObservationBatch> {
  return batchFromCsv(text);
}

/** The body of POST /api/observations as JSON: `{ observations: [...] }`. */
export function observationsFromJson(body: unknown): IngestResult<ObservationBatch> {
  const parsed = parseBody(observationBodySchema, body, 'observations body');
  return parsed.ok ? accepted(batchFromRows(parsed.value.observations)) : parsed;
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

/** A valid batch's own problems: a station-hour sent twice, an hour stamped in the future. */
function batchProblems(batch: ObservationBatch, now: number): Issue[] {
  const { count, stations, times } = batch;
  const repeats = repeatedHours(stations as string[], times);
  const problems: Issue[] = [];
  for (let index = 0; index < count; index += 1) {
    const first = repeats?.get(index);
    if (first !== undefined)
      problems.push({ row: index + 1, field: 'time', message: `same station-hour as row ${first + 1}` });
    if (!notInFuture(times[index]!, now))
      problems.push({ row: index + 1, field: 'time', message: 'more than an hour after the current time' });
  }
  return problems;
}

/** Each row repeating an earlier row's station-hour, with that row; null when none does. */
function repeatedHours(stations: readonly string[], times: Float64Array): Map<number, number> | null {
  const stationNumbers = new Map<string, number>();
  const numberOf = (station: string) => {
    let number = stationNumbers.get(station);
    if (number === undefined) {
      number = stationNumbers.size;
      stationNumbers.set(station, number);
    }
    return number;
  };
  // Usually each station's hours rise through the request (a feed, a bulk load): then none can repeat.
  const latest: number[] = [];
  let rising = true;
  for (let index = 0; index < stations.length && rising; index += 1) {
    const number = numberOf(stations[index]!);
    rising = !(times[index]! <= latest[number]!);
    latest[number] = times[index]!;
  }
  if (rising) return null;
  // station-hour → its first row: hour ends are whole hours, so (hour, station number) is one exact number.
  const firstRow = new Map<number, number>();
  const repeats = new Map<number, number>();
  for (let index = 0; index < stations.length; index += 1) {
    const key = (times[index]! / HOUR) * 262_144 + numberOf(stations[index]!);
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, index);
    else repeats.set(index, first);
  }
  return repeats;
}

function validate(input: readonly unknown[] | ObservationBatch, now: number): IngestResult<ObservationBatch> {
  const batch = Array.isArray(input) ? batchFromRows(input) : (input as ObservationBatch);
  if (batch.issues.length > 0) return invalid('invalid observations: nothing was written', batch.issues);
  const problems = batchProblems(batch, now);
  return problems.length > 0
    ? invalid('invalid observations: nothing was written', problems)
    : accepted(batch);
}

/**
 * Stores a batch of station-hours all or nothing: valid rows, known stations, plausibility flags computed
 * over each station's stored neighbourhood (a re-flagged earlier hour is rewritten too). The write is one
 * statement batch; call it inside `store.transaction` for the neighbourhood read and the write to be one
 * (ingest's service does, with the audit entry: no nested savepoint, whose journal costs a page per station).
 */
export function ingestObservations(
  store: Store,
  input: readonly unknown[] | ObservationBatch,
  source: string,
  now: number,
  context: { knownStations: { has(station: string): boolean }; recent: RecentRows } = {
    knownStations: new Set(store.stations().map((station) => station.id)),
    recent: new RecentRows(store),
  },
): IngestResult<ObservationIngestResult> {
  const validated = validate(input, now);
  if (!validated.ok) return validated;
  const { count, stations, times, values } = validated.value;
  const known = context.knownStations;
  const unknown = [...new Set(stations)].filter((station) => !known.has(station!)) as string[];
  if (unknown.length > 0) {
    return refused({
      kind: 'unknown-stations',
      error: `unknown station${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      stations: unknown,
    });
  }
  const measured = (column: Float64Array, index: number) => {
    const value = column[index]!;
    return Number.isNaN(value) ? null : value;
  };
  const [so2, no2, pm10, pm25, co, o3] = batchSpecies.map((_, column) => values[column]!);
  const incoming = new Array<ObservationRow>(count);
  for (let index = 0; index < count; index += 1) {
    incoming[index] = {
      station: stations[index]!,
      time: times[index]!,
      values: {
        so2: measured(so2!, index),
        no2: measured(no2!, index),
        pm10: measured(pm10!, index),
        pm25: measured(pm25!, index),
        co: measured(co!, index),
        o3: measured(o3!, index),
      },
      flags: noFlags,
      receivedAt: now,
      source,
    };
  }
  const { rows: toWrite, stored } = withFlags(context.recent, incoming);
  const written = store.writeObservations(toWrite, stored);
  // The rows written and reported are the incoming objects themselves (withFlags, writeObservations).
  const incomingRows = new Set<ObservationRow>(incoming);
  let changedIncoming = 0;
  for (const row of written.changed) if (incomingRows.has(row)) changedIncoming += 1;
  const flagged: ObservationIngestResult['flagged'] = [];
  for (const row of toWrite) {
    if (!incomingRows.has(row)) continue;
    for (const _ in row.flags) {
      flagged.push({ station: row.station, time: row.time, flags: row.flags });
      break;
    }
  }
  return accepted({
    accepted: incoming.length,
    inserted: written.inserted,
    replaced: written.replaced,
    unchanged: incoming.length - changedIncoming,
    flagged,
    changed: written.changed,
    received: incoming,
  });
}

/** How far a new hour can change an earlier verdict: a stuck run of 6 hours, a spike's neighbour. */
const reach = 6 * HOUR;

/**
 * The incoming rows with their flags, plus stored rows within reach whose flags now differ; and the stored
 * rows of those station-hours, by station@time (what the write replaces).
 */
function withFlags(
  recent: RecentRows,
  incoming: readonly ObservationRow[],
): { rows: ObservationRow[]; stored: Map<string, ObservationRow> } {
  const byStation = rowsByStation(incoming);
  let [first, last] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const row of incoming) {
    if (row.time < first) first = row.time;
    if (row.time > last) last = row.time;
  }
  // Read twice the reach so a stuck run crossing the reach is seen whole enough (≥ 6 hours) not to be unflagged.
  const storedByStation = recent.read([...byStation.keys()], first - 2 * reach, last + 2 * reach);
  const storedRows = new Map<string, ObservationRow>();
  const result: ObservationRow[] = [];
  for (const [station, rows] of byStation) {
    const { series, before } = mergedTimeline(storedByStation.get(station) ?? [], rows);
    const flags = flagSeries(series);
    for (let index = 0; index < series.length; index += 1) {
      const row = series[index]!;
      const rowFlags = flags[index]!;
      const stored = before[index];
      if (row !== stored) {
        // An incoming row is this request's own object: its flags are set in place.
        row.flags = rowFlags;
        result.push(row);
      } else if (row.time >= first - reach && row.time <= last + reach && !sameFlags(row.flags, rowFlags)) {
        result.push({ ...row, flags: rowFlags });
      } else continue;
      if (stored) storedRows.set(`${station}@${row.time}`, stored);
    }
  }
  return { rows: result, stored: storedRows };
}

const byTime = (a: ObservationRow, b: ObservationRow) => a.time - b.time;

function sortedByTime(rows: ObservationRow[]): ObservationRow[] {
  for (let index = 1; index < rows.length; index += 1)
    if (rows[index]!.time < rows[index - 1]!.time) return rows.sort(byTime);
  return rows;
}

/**
 * One station's rows by time: the stored ones, with this request's rows in place of those they replace;
 * `before[i]` is the stored row at series[i]'s hour, if any. Both lists are usually in time order already.
 */
function mergedTimeline(
  storedRows: ObservationRow[],
  incomingRows: ObservationRow[],
): { series: ObservationRow[]; before: (ObservationRow | undefined)[] } {
  const stored = sortedByTime(storedRows);
  const incoming = sortedByTime(incomingRows);
  const series: ObservationRow[] = [];
  const before: (ObservationRow | undefined)[] = [];
  let [s, i] = [0, 0];
  while (s < stored.length || i < incoming.length) {
    const old = stored[s];
    const row = incoming[i];
    if (row === undefined || (old !== undefined && old.time < row.time)) {
      series.push(old!);
      before.push(old);
      s += 1;
    } else {
      const replaces = old !== undefined && old.time === row.time;
      series.push(row);
      before.push(replaces ? old : undefined);
      if (replaces) s += 1;
      i += 1;
    }
  }
  return { series, before };
}
