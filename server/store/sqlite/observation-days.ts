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
 * - `observation_days_through` holds the newest day the filling has reached: no copy exists after it, so a
 *   write of newer hours (the hourly and bulk paths) costs one read of that row and nothing else;
 * - a write into a day at or before it (a late correction, a re-import, old data) deletes that station's
 *   copy of the day in the same transaction and queues the day in `observation_days_pending`, which the
 *   next steps copy again from the table.
 * Days are UTC days of hour ends (any fixed cut would do: the read joins copies and table by time).
 */
/** Days newer than this before the newest stored hour stay in the table only (late corrections land there). */
const compactionMargin = 2 * DAY;
/** Rows read from the table per compaction step: a step holds the thread a few milliseconds at most. */
const stepRows = 5_000;
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

/** `storedSpan`: the first and last stored hour end (the store's own statement). */
export function observationDays(
  database: SqlDatabase,
  storedSpan: () => { first: number | null; last: number | null },
) {
  const throughRow = database.prepare<[], { day: number }>('SELECT day FROM observation_days_through');
  const setThrough = database.prepare(
    'INSERT INTO observation_days_through (id, day) VALUES (0, ?) ON CONFLICT (id) DO UPDATE SET day = excluded.day',
  );
  const dropCopy = database.prepare('DELETE FROM observation_days WHERE station = ? AND day = ?');
  const queueDay = database.prepare(
    'INSERT INTO observation_days_pending (day, station) VALUES (?, ?) ON CONFLICT (day, station) DO NOTHING',
  );
  const pendingDays = database.prepare<[number], { day: number }>(
    'SELECT DISTINCT day FROM observation_days_pending ORDER BY day LIMIT ?',
  );
  const pendingStations = database.prepare<[number], { station: string }>(
    'SELECT station FROM observation_days_pending WHERE day = ?',
  );
  const clearPending = database.prepare('DELETE FROM observation_days_pending WHERE day = ?');
  // In key order (time, station): one day of the network is a run of adjacent pages.
  const dayRows = database
    .prepare<[number, number], [string, ...StoredObservationRecord]>(
      `SELECT station, ${storedRecordColumns} FROM observations WHERE time >= ? AND time < ? ORDER BY time, station`,
    )
    .raw();
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

  /** Copies `day` from the table for every station, or for `only` these (a pending day). */
  const copyDay = (day: number, only?: ReadonlySet<string>): number => {
    const byStation = new Map<string, StoredObservationRecord[]>();
    const inexact = new Set<string>();
    const rows = dayRows.all(day, day + DAY);
    for (const row of rows) {
      const station = row[0];
      if (only && !only.has(station)) continue;
      const record = row.slice(1) as StoredObservationRecord;
      // The table read looks up whole hours only.
      if (Number(record[0]) % HOUR !== 0) continue;
      if (!exactInJson(record)) inexact.add(station);
      const records = byStation.get(station);
      if (records) records.push(record);
      else byStation.set(station, [record]);
    }
    const pending: unknown[] = [];
    for (const [station, records] of byStation) {
      if (inexact.has(station)) continue;
      pending.push(station, day, JSON.stringify(records));
      if (pending.length === insertBatch * 3) {
        insertCopies(pending);
        pending.length = 0;
      }
    }
    if (pending.length > 0) insertCopies(pending);
    return rows.length;
  };

  /** One step of filling the copy: pending days first, then the days after `through`. True while more is left. */
  const step = (): boolean => {
    let read = 0;
    for (const { day: storedDay } of pendingDays.all(16)) {
      const day = Number(storedDay);
      const stations = new Set(pendingStations.all(day).map((row) => row.station));
      read += copyDay(day, stations);
      clearPending.run(day);
      if (read >= stepRows) return true;
    }
    const { first, last } = storedSpan();
    if (first === null || last === null) return false;
    const newestDay = dayOf(Number(last) - compactionMargin) - DAY;
    let day = (through() ?? dayOf(Number(first)) - DAY) + DAY;
    for (; day <= newestDay; day += DAY) {
      read += copyDay(day);
      setThrough.run(day);
      if (read >= stepRows) return day < newestDay;
    }
    return false;
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
        if (day > copiedThrough) continue;
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
