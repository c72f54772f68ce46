import { z } from 'zod';
import type { Species } from '../../shared/aqi';
import { HOUR } from '../../shared/time';
import { type ObservationRow, rowsByStation, type Store } from '../store/types';
import { flagSeries, sameFlags } from './plausibility';
import { RecentRows } from './recent-rows';
import { accepted, type IngestResult, invalid, refused } from './result';
import { csvNumber, csvRecords, hourEndSchema, notInFuture, parseBody, parseRows } from './rows';

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
export function observationsFromCsv(text: string): IngestResult<unknown[]> {
  const records = csvRecords(text);
  if (!records.ok) return records;
  return accepted(
    records.value.map((record) => ({
      station: record.station,
      time: record.time,
      pm25: csvNumber(record.pm25),
      pm10: csvNumber(record.pm10),
      so2: csvNumber(record.so2),
      no2: csvNumber(record.no2),
      co: csvNumber(record.co),
      o3: csvNumber(record.o3),
    })),
  );
}

/** The body of POST /api/observations as JSON: `{ observations: [...] }`. */
export function observationsFromJson(body: unknown): IngestResult<unknown[]> {
  const parsed = parseBody(observationBodySchema, body, 'observations body');
  return parsed.ok ? accepted(parsed.value.observations) : parsed;
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

/** Parsed hour ends by their text: a bulk request repeats each hour for every station, a feed each hour. */
const hourEnds = new Map<string, ReturnType<typeof hourEndSchema.safeParse>>();
const hourEndsKept = 20_000;

/**
 * observationInputSchema with each distinct hour end parsed once. Built once: zod compiles a schema on its
 * first parse, which cost an hourly request more than parsing its rows.
 */
const requestSchema = observationInputSchema.extend({
  time: z.string().transform((value, context) => {
    let parsed = hourEnds.get(value);
    if (!parsed) {
      parsed = hourEndSchema.safeParse(value);
      if (hourEnds.size >= hourEndsKept) hourEnds.clear();
      hourEnds.set(value, parsed);
    }
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  }),
});

function validate(rawRows: readonly unknown[], now: number): IngestResult<ObservationInput[]> {
  const parsed = parseRows(requestSchema, rawRows, 'observations');
  if (!parsed.ok) return parsed;
  const rows = parsed.value;
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
  return issues.length > 0 ? invalid('invalid observations: nothing was written', issues) : accepted(rows);
}

/**
 * Stores a batch of station-hours all or nothing: valid rows, known stations, plausibility flags computed
 * over each station's stored neighbourhood (a re-flagged earlier hour is rewritten too). The write is one
 * statement batch; call it inside `store.transaction` for the neighbourhood read and the write to be one
 * (ingest's service does, with the audit entry: no nested savepoint, whose journal costs a page per station).
 */
export function ingestObservations(
  store: Store,
  rawRows: readonly unknown[],
  source: string,
  now: number,
  context: { knownStations: { has(station: string): boolean }; recent: RecentRows } = {
    knownStations: new Set(store.stations().map((station) => station.id)),
    recent: new RecentRows(store),
  },
): IngestResult<ObservationIngestResult> {
  const validated = validate(rawRows, now);
  if (!validated.ok) return validated;
  const rows = validated.value;
  const known = context.knownStations;
  const unknown = [...new Set(rows.map((row) => row.station).filter((station) => !known.has(station)))];
  if (unknown.length > 0) {
    return refused({
      kind: 'unknown-stations',
      error: `unknown station${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      stations: unknown,
    });
  }
  const incoming: ObservationRow[] = rows.map((row) => ({
    station: row.station,
    time: row.time,
    values: {
      so2: row.so2 ?? null,
      no2: row.no2 ?? null,
      pm10: row.pm10 ?? null,
      pm25: row.pm25 ?? null,
      co: row.co ?? null,
      o3: row.o3 ?? null,
    },
    flags: {},
    receivedAt: now,
    source,
  }));
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
    received: incoming.map((row) => ({ station: row.station, time: row.time })),
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
