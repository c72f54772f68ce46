import { speciesOrder } from '../../../shared/aqi';
import { HOUR } from '../../../shared/time';
import type { SqlDatabase } from '../sql';
import type {
  ObservationChange,
  ObservationRow,
  ObservationStore,
  ObservationWriteResult,
  Species,
  StoredObservationRecord,
} from '../types';
import { idleSteps } from './idle-steps';
import { observationDays, storedRecordColumns } from './observation-days';

type ObservationRecord = Record<Species, number | null> & {
  station: string;
  time: number;
  flags: string;
  received_at: number;
  source: string;
};

const fieldsPerRow = 11;
/** Up to this many stations a range is read station by station through the (station, time) key. */
const stationsReadOneByOne = 50;
/** Rows per multi-row INSERT (SQLite allows 32,766 parameters). */
const insertBatch = 100;

function toRow(record: ObservationRecord): ObservationRow {
  return {
    station: record.station,
    time: record.time,
    values: {
      so2: record.so2,
      no2: record.no2,
      pm10: record.pm10,
      pm25: record.pm25,
      co: record.co,
      o3: record.o3,
    },
    flags: record.flags === '{}' ? {} : JSON.parse(record.flags),
    receivedAt: record.received_at,
    source: record.source,
  };
}

/** The stored text of a row's flags; most rows have none. */
function flagsText(flags: ObservationRow['flags']): string {
  for (const _ in flags) return JSON.stringify(flags);
  return '{}';
}

/** The table's key order (SQLite compares TEXT bytewise; PostgreSQL's column is COLLATE "C"). */
function byKey(a: ObservationRow, b: ObservationRow): number {
  if (a.time !== b.time) return a.time - b.time;
  return a.station < b.station ? -1 : a.station > b.station ? 1 : 0;
}

function inTimeOrder<T>(items: T[], timeOf: (item: T) => number): T[] {
  for (let index = 1; index < items.length; index += 1)
    if (timeOf(items[index]!) < timeOf(items[index - 1]!)) return items.sort((a, b) => timeOf(a) - timeOf(b));
  return items;
}

/** Same measured values and flags: a re-send of identical data changes nothing and logs nothing. */
function sameContent(a: ObservationRow, b: ObservationRow): boolean {
  return (
    speciesOrder.every((name) => a.values[name] === b.values[name]) &&
    JSON.stringify(a.flags) === JSON.stringify(b.flags)
  );
}

export type ObservationStoreOptions = {
  /** Fill the copy on idle by itself (the server); off, only `compactObservations` does (tests). */
  compactOnIdle?: boolean;
  /** Stations a step of the copy takes (./observation-days.ts); a test sets few to copy a day in several steps. */
  copyStationsPerStep?: number;
  /** Runs a step of the copy (ComposeOptions.unsynced); as it is when not given. */
  unsynced?: <T>(fn: () => T) => T;
};

export function observationStore(
  database: SqlDatabase,
  options: ObservationStoreOptions = {},
): ObservationStore & {
  observationChanges(station?: string): ObservationChange[];
  stopCompaction(): void;
} {
  const select = database.prepare<[string, number], ObservationRecord>(
    'SELECT * FROM observations WHERE station = ? AND time = ?',
  );
  const columns = '(station, time, so2, no2, pm10, pm25, co, o3, flags, received_at, source)';
  const placeholders = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  const insert = database.prepare(`INSERT INTO observations ${columns} VALUES ${placeholders}`);
  // New rows go in many to a statement: a bulk request pays the statement's cost once per batch.
  const insertMany = database.prepare(
    `INSERT INTO observations ${columns} VALUES ${Array.from({ length: insertBatch }, () => placeholders).join(', ')}`,
  );
  const update = database.prepare(
    `UPDATE observations SET so2 = ?, no2 = ?, pm10 = ?, pm25 = ?, co = ?, o3 = ?, flags = ?, received_at = ?,
       source = ? WHERE station = ? AND time = ?`,
  );
  const logChange = database.prepare(
    'INSERT INTO observation_changes (station, time, before, after, at) VALUES (?, ?, ?, ?, ?)',
  );
  // The key is (time, station) (migration 10): a station's range is one point lookup per hour, done inside
  // the database, so a read never scans the table whatever else it holds. Stored times are whole hours.
  // CROSS JOIN keeps the hours the outer loop in SQLite (its rows then come in time order, sorted again
  // only if not: PostgreSQL may join otherwise); an ORDER BY would sort them in a temporary B-tree.
  const stationRange = database.prepare<[number, number, string], ObservationRecord>(
    `WITH RECURSIVE hours (hour) AS (
       SELECT CAST(? AS BIGINT) UNION ALL SELECT hour + ${HOUR} FROM hours WHERE hour + ${HOUR} <= ?
     )
     SELECT observations.* FROM hours CROSS JOIN observations
     WHERE observations.time = hours.hour AND observations.station = ?`,
  );
  const stationRangeRecords = database
    .prepare<[number, number, string], StoredObservationRecord>(
      `WITH RECURSIVE hours (hour) AS (
         SELECT CAST(? AS BIGINT) UNION ALL SELECT hour + ${HOUR} FROM hours WHERE hour + ${HOUR} <= ?
       )
       SELECT ${storedRecordColumns}
       FROM hours CROSS JOIN observations WHERE observations.time = hours.hour AND observations.station = ?`,
    )
    .raw();
  const storedSpan = database.prepare<[], { first: number | null; last: number | null }>(
    'SELECT (SELECT min(time) FROM observations) AS first, (SELECT max(time) FROM observations) AS last',
  );
  const days = observationDays(database, () => storedSpan.get()!, options.copyStationsPerStep);
  const allRange = database.prepare<[number, number], ObservationRecord>(
    'SELECT * FROM observations WHERE time >= ? AND time <= ? ORDER BY time, station',
  );
  const newestTime = database.prepare<[], { newest: number | null }>(
    'SELECT max(time) AS newest FROM observations',
  );
  const valuesRange = database
    .prepare<[number, number], unknown[]>(
      `SELECT station, time, ${speciesOrder.join(', ')}, flags FROM observations WHERE time >= ? AND time <= ?`,
    )
    .raw();

  /** The whole hours of [from, to] the table spans: a caller may ask from 0 or up to MAX_SAFE_INTEGER. */
  const storedHours = (from: number, to: number): [first: number, last: number] | null => {
    const span = storedSpan.get()!;
    if (span.first === null || span.last === null) return null;
    const first = Math.ceil(Math.max(from, Number(span.first)) / HOUR) * HOUR;
    const last = Math.min(to, Number(span.last));
    return first > last ? null : [first, last];
  };

  const writeRows = (
    rows: readonly ObservationRow[],
    known?: ReadonlyMap<string, ObservationRow>,
  ): ObservationWriteResult => {
    const result: ObservationWriteResult = { inserted: 0, replaced: 0, changed: [] };
    const fresh: ObservationRow[] = [];
    for (const row of rows) {
      let before: ObservationRow | null;
      if (known) before = known.size > 0 ? (known.get(`${row.station}@${row.time}`) ?? null) : null;
      else {
        const existing = select.get(row.station, row.time);
        before = existing ? toRow(existing) : null;
      }
      if (before && sameContent(before, row)) continue;
      if (before) {
        const { so2, no2, pm10, pm25, co, o3 } = row.values;
        const flags = flagsText(row.flags);
        update.run(so2, no2, pm10, pm25, co, o3, flags, row.receivedAt, row.source, row.station, row.time);
        result.replaced += 1;
        logChange.run(row.station, row.time, JSON.stringify(before), JSON.stringify(row), row.receivedAt);
      } else {
        fresh.push(row);
        result.inserted += 1;
      }
      result.changed.push(row);
    }
    days.invalidate(result.changed);
    // New rows go in in key order (time, station), appended page after page: in the order they come (a
    // station's hours, then the next station's) each would land inside pages just written, splitting them.
    fresh.sort(byKey);
    const pending: unknown[] = [];
    for (const row of fresh) {
      const { so2, no2, pm10, pm25, co, o3 } = row.values;
      const flags = flagsText(row.flags);
      pending.push(row.station, row.time, so2, no2, pm10, pm25, co, o3, flags, row.receivedAt, row.source);
      if (pending.length === insertBatch * fieldsPerRow) {
        insertMany.run(pending);
        pending.length = 0;
      }
    }
    for (let offset = 0; offset < pending.length; offset += fieldsPerRow)
      insert.run(pending.slice(offset, offset + fieldsPerRow));
    return result;
  };
  const write = database.transaction(writeRows);

  // Off the request path: steps of the copy run while the event loop is otherwise idle (./idle-steps.ts),
  // woken by writes and at start (history not copied yet, or the migration that adds the copy).
  const unsynced = options.unsynced ?? ((fn) => fn());
  const step = () => unsynced(days.step);
  const compaction = idleSteps(step);
  const written = <T>(result: T): T => {
    if (options.compactOnIdle) compaction.wake();
    return result;
  };
  if (options.compactOnIdle) compaction.wake();

  return {
    // Inside the caller's transaction (ingest's, with its audit entry) the rows go in without a savepoint of
    // their own: SQLite copies every page first changed under a savepoint to a statement journal, a page per
    // station for an hourly request. The enclosing transaction keeps the write all or nothing.
    writeObservations: (rows, known) =>
      written(database.inTransaction ? writeRows(rows, known) : write(rows, known)),
    observationsBetween(from, to, stations) {
      if (!stations) return allRange.all(from, to).map(toRow);
      // Many stations over a short range (an hourly request of the network): one pass over the time index.
      if (stations.length > stationsReadOneByOne) {
        const wanted = new Set(stations);
        return allRange
          .all(from, to)
          .filter((record) => wanted.has(record.station))
          .map(toRow);
      }
      const hours = storedHours(from, to);
      if (!hours) return [];
      const [first, last] = hours;
      const rows = stations.flatMap((station) =>
        inTimeOrder(stationRange.all(first, last, station).map(toRow), (row) => row.time),
      );
      if (stations.length > 1) rows.sort(byKey);
      return rows;
    },
    stationRecords(station, from, to) {
      const hours = storedHours(from, to);
      if (!hours) return [];
      return days.stationRecords(station, hours[0], hours[1], (first, last) =>
        inTimeOrder(stationRangeRecords.all(first, last, station), (record) => record[0]),
      );
    },
    compactObservations: step,
    stopCompaction: compaction.stop,
    forEachObservation(from, to, visit) {
      const values = new Float64Array(speciesOrder.length);
      for (const record of valuesRange.iterate(from, to)) {
        for (let column = 0; column < values.length; column += 1)
          values[column] = (record[2 + column] as number | null) ?? Number.NaN;
        const flags = record[2 + values.length] as string;
        if (flags !== '{}') {
          const flagged = JSON.parse(flags) as Partial<Record<Species, string[]>>;
          speciesOrder.forEach((name, column) => {
            if ((flagged[name]?.length ?? 0) > 0) values[column] = Number.NaN;
          });
        }
        visit(record[0] as string, record[1] as number, values);
      }
    },
    newestObservationTime() {
      const newest = newestTime.get()!.newest;
      return newest === null ? null : Number(newest);
    },
    observationChanges(station) {
      const records = database
        .prepare<[], { before: string; after: string }>(
          'SELECT before, after FROM observation_changes ORDER BY seq DESC',
        )
        .all();
      return records
        .map((record) => {
          const before = JSON.parse(record.before) as ObservationRow;
          const after = JSON.parse(record.after) as ObservationRow;
          return { station: after.station, time: after.time, before, after };
        })
        .filter((change) => station === undefined || change.station === station);
    },
  };
}
