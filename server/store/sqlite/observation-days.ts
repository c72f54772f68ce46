import { DAY, HOUR } from '../../../shared/time';
import type { SqlDatabase } from '../sql';
import type { StoredObservationRecord } from '../types';

/**
 * A station-major copy of the observations' complete days (issue 17.3: one station's year read back in
 * < 100 ms whatever the table holds). The table is keyed (time, station) so that an hourly request of the
 * network dirties few pages; a station's year from it is 8,760 point lookups. The copy holds one row per
 * (station, day): the day's stored records as JSON text, so a year is one range of ~365 rows.
 *
 * The copy is derived and never trusted past a write:
 * - it is filled off the request path, a step at a time, once the store has been idle (`step`),
 *   only for days older than the newest stored hour by `compactionMargin`, so the hourly path never writes it;
 * - `observation_days_through` holds the newest day the filling has completed; the day after it is copied a
 *   run of stations a step. No copy exists after that day, so a write of newer hours (the hourly and bulk
 *   paths) costs one read of that row and nothing else;
 * - a write into a day up to the one after it (a late correction, a re-import, old data) deletes that station's
 *   copy of the day in the same transaction and queues the day in `observation_days_pending`, which the
 *   next steps copy again from the table.
 * Days are UTC days of hour ends (any fixed cut would do: the read joins copies and table by time).
 */
/** Days newer than this before the newest stored hour stay in the table only (late corrections land there). */
const compactionMargin = 2 * DAY;
/**
 * Stations whose day one compaction step copies (24 rows each, ~5 µs a row read, kept and written): a step
 * holds the thread ~12 ms for 100 stations, ~25 ms at most, so a request that arrives during it waits little.
 * Three days of the network in one step held it 22–250 ms after a bulk; runs of 50 stations made the steps
 * so many that the copy of a bulk year cost more CPU and was still being filled when reads came
 * (docs/PERFORMANCE.md, Ingest, 2026-12-07).
 */
const stationsPerStep = 200;
/** Copies written per INSERT (a PostgreSQL statement is a round trip). */
const insertBatch = 50;

/** The start of the day that holds `time`. */
const dayOf = (time: number): number => Math.floor(time / DAY) * DAY;

/** A record the JSON copy gives back exactly: JSON has no -0, Infinity or NaN (those days stay in the table). */
function exactInJson(record: StoredObservationRecord): boolean {
  for (let column = 1; column <= 6; column += 1) {
    const value = record[column] as number | null;
    if (value !== null && (!Number.isFinite(value) || Object.is(value, -0))) return false;
  }
  return Number.isFinite(record[0]) && Number.isFinite(record[8]);
}

/** The observations table's columns as a StoredObservationRecord, in its order (the table's reads and the copy's). */
export const storedRecordColumns =
  "time, so2, no2, pm10, pm25, co, o3, NULLIF(flags, '{}'), received_at, source";

/**
 * `storedSpan`: the first and last stored hour end (the store's own statement). `perStep`: stations copied
 * per step (a test copies days in several steps with few stations).
 */
export function observationDays(
  database: SqlDatabase,
  storedSpan: () => { first: number | null; last: number | null },
  perStep = stationsPerStep,
) {
  const throughRow = database.prepare<[], { day: number }>('SELECT day FROM observation_days_through');
  const setThrough = database.prepare(
    'INSERT INTO observation_days_through (id, day) VALUES (0, ?) ON CONFLICT (id) DO UPDATE SET day = excluded.day',
  );
  const dropCopy = database.prepare('DELETE FROM observation_days WHERE station = ? AND day = ?');
  const queueDay = database.prepare(
    'INSERT INTO observation_days_pending (day, station) VALUES (?, ?) ON CONFLICT (day, station) DO NOTHING',
  );
  const pendingPairs = database.prepare<[number], { day: number; station: string }>(
    'SELECT day, station FROM observation_days_pending ORDER BY day, station LIMIT ?',
  );
  const clearPending = database.prepare('DELETE FROM observation_days_pending WHERE day = ? AND station = ?');
  // A day's hours, each a seek to the first station of the run in the (time, station) key: a run of stations
  // is read without the rest of the day. Rows come in key order (time, station).
  const dayHours = `WITH RECURSIVE hours (hour) AS (
      SELECT CAST(? AS BIGINT) UNION ALL SELECT hour + ${HOUR} FROM hours WHERE hour + ${HOUR} <= ?
    )
    SELECT station, ${storedRecordColumns} FROM hours CROSS JOIN observations WHERE observations.time = hours.hour`;
  type Row = [string, ...StoredObservationRecord];
  const runRows = database
    .prepare<[number, number, string, string], Row>(`${dayHours} AND station >= ? AND station < ?`)
    .raw();
  const lastRunRows = database.prepare<[number, number, string], Row>(`${dayHours} AND station >= ?`).raw();
  const stationRows = database.prepare<[number, number, string], Row>(`${dayHours} AND station = ?`).raw();
  // Where the next run of stations ends: `perStep` stations on from its start at the day's last hour.
  const runEnd = database.prepare<[number, string, number], { station: string }>(
    'SELECT station FROM observations WHERE time = ? AND station >= ? ORDER BY station LIMIT 1 OFFSET ?',
  );
  const storedFrom = database.prepare<[number], { time: number | null }>(
    'SELECT min(time) AS time FROM observations WHERE time >= ?',
  );
  const copies = database
    .prepare<[string, number, number], [day: number, records: string]>(
      'SELECT day, records FROM observation_days WHERE station = ? AND day >= ? AND day <= ? ORDER BY day',
    )
    .raw();
  const inserts = new Map<number, ReturnType<typeof database.prepare>>();
  const insertCopies = (values: unknown[]) => {
    const count = values.length / 3;
    let insert = inserts.get(count);
    if (!insert) {
      insert = database.prepare(
        `INSERT INTO observation_days (station, day, records) VALUES ${Array(count).fill('(?, ?, ?)').join(', ')}
         ON CONFLICT (station, day) DO UPDATE SET records = excluded.records`,
      );
      inserts.set(count, insert);
    }
    insert.run(values);
  };

  const through = (): number | null => {
    const row = throughRow.get();
    return row === undefined ? null : Number(row.day);
  };

  /** Writes the copies of `day` of the stations in `rows` (whole hours of that day, from the table). */
  const copyRows = (day: number, rows: readonly Row[]): void => {
    const byStation = new Map<string, StoredObservationRecord[]>();
    const inexact = new Set<string>();
    for (const row of rows) {
      const station = row[0];
      const record = row.slice(1) as StoredObservationRecord;
      if (!exactInJson(record)) inexact.add(station);
      const records = byStation.get(station);
      if (records) records.push(record);
      else byStation.set(station, [record]);
    }
    const pending: unknown[] = [];
    for (const [station, records] of byStation) {
      if (inexact.has(station)) continue;
      // SQLite joins hour by hour (time order); PostgreSQL may join otherwise.
      if (records.some((record, index) => index > 0 && Number(record[0]) < Number(records[index - 1]![0])))
        records.sort((a, b) => Number(a[0]) - Number(b[0]));
      pending.push(station, day, JSON.stringify(records));
      if (pending.length === insertBatch * 3) {
        insertCopies(pending);
        pending.length = 0;
      }
    }
    if (pending.length > 0) insertCopies(pending);
  };

  /**
   * The day after `through` is copied a run of stations a step (`next`: where the next run starts), so it is
   * copied in part while `through` stays before it: writes into it drop and queue copies like writes into
   * copied days (`invalidate`). Only in this process's memory: another process, or a restart, starts the day
   * over (the copies are written again, the same).
   */
  let next: { day: number; station: string } | null = null;

  /** One step of filling the copy: pending days first, then the days after `through`. True while more is left. */
  const step = (): boolean => {
    const pairs = pendingPairs.all(perStep);
    if (pairs.length > 0) {
      for (const { day: storedDay, station } of pairs) {
        const day = Number(storedDay);
        copyRows(day, stationRows.all(day, day + DAY - HOUR, station));
        clearPending.run(day, station);
      }
      return true;
    }
    const { first, last } = storedSpan();
    if (first === null || last === null) return false;
    const newestDay = dayOf(Number(last) - compactionMargin) - DAY;
    const copiedThrough = through();
    // Days with nothing stored have no copies: the filling goes on from the next day that has.
    const storedTime = storedFrom.get((copiedThrough ?? dayOf(Number(first)) - DAY) + DAY)?.time;
    if (storedTime === null || storedTime === undefined) return false;
    const day = dayOf(Number(storedTime));
    if (day > newestDay) return false;
    // From here on copies of `day` may exist: writes into it drop them (`invalidate`).
    if (copiedThrough !== day - DAY) setThrough.run(day - DAY);
    const start = next !== null && next.day === day ? next.station : '';
    const lastHour = day + DAY - HOUR;
    const end = runEnd.get(lastHour, start, perStep)?.station;
    if (end === undefined) {
      copyRows(day, lastRunRows.all(day, lastHour, start));
      setThrough.run(day);
      next = null;
      return day < newestDay;
    }
    copyRows(day, runRows.all(day, lastHour, start, end));
    next = { day, station: end };
    return true;
  };

  return {
    /**
     * Inside the write's transaction, for the station-hours it changed: drops the copies of their days and
     * queues those days to be copied again. Hours after `through` (the hourly and bulk paths) cost nothing.
     */
    invalidate(changed: readonly { station: string; time: number }[]): void {
      if (changed.length === 0) return;
      const copiedThrough = through();
      if (copiedThrough === null) return;
      let dropped: Set<string> | null = null;
      for (const { station, time } of changed) {
        const day = dayOf(time);
        // The day after `through` may be copied in part (`step`).
        if (day > copiedThrough + DAY) continue;
        dropped ??= new Set();
        const key = `${day}@${station}`;
        if (dropped.has(key)) continue;
        dropped.add(key);
        dropCopy.run(station, day);
        queueDay.run(day, station);
      }
    },
    /** One compaction step in its own transaction; true while more is left to copy. */
    step: database.transaction(step),
    /**
     * One station's records of the whole hours [first, last] in time order: the complete days from the copy,
     * the rest (the edges of the range, recent days, days not copied yet or dropped by a write) from
     * `fromTable`.
     */
    stationRecords(
      station: string,
      first: number,
      last: number,
      fromTable: (first: number, last: number) => StoredObservationRecord[],
    ): StoredObservationRecord[] {
      const records: StoredObservationRecord[] = [];
      let next = first;
      const firstDay = Math.ceil(first / DAY) * DAY;
      for (const [storedDay, text] of copies.all(station, firstDay, last - DAY + HOUR)) {
        const day = Number(storedDay);
        if (next < day) for (const record of fromTable(next, day - HOUR)) records.push(record);
        for (const record of JSON.parse(text) as StoredObservationRecord[]) records.push(record);
        next = day + DAY;
      }
      if (next <= last) for (const record of fromTable(next, last)) records.push(record);
      return records;
    },
  };
}
