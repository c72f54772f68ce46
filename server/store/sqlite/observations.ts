import type Database from 'better-sqlite3';
import type {
  ObservationChange,
  ObservationRow,
  ObservationStore,
  ObservationWriteResult,
  Species,
} from '../types';

const species: readonly Species[] = ['so2', 'no2', 'pm10', 'pm25', 'co', 'o3'];

type ObservationRecord = Record<Species, number | null> & {
  station: string;
  time: number;
  flags: string;
  received_at: number;
  source: string;
};

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
    flags: JSON.parse(record.flags),
    receivedAt: record.received_at,
    source: record.source,
  };
}

/** Same measured values and flags: a re-send of identical data changes nothing and logs nothing. */
function sameContent(a: ObservationRow, b: ObservationRow): boolean {
  return (
    species.every((name) => a.values[name] === b.values[name]) &&
    JSON.stringify(a.flags) === JSON.stringify(b.flags)
  );
}

export function observationStore(
  database: Database.Database,
): ObservationStore & { observationChanges(station?: string): ObservationChange[] } {
  const select = database.prepare<[string, number], ObservationRecord>(
    'SELECT * FROM observations WHERE station = ? AND time = ?',
  );
  const upsert = database.prepare(
    `INSERT OR REPLACE INTO observations (station, time, so2, no2, pm10, pm25, co, o3, flags, received_at, source)
     VALUES (@station, @time, @so2, @no2, @pm10, @pm25, @co, @o3, @flags, @receivedAt, @source)`,
  );
  const logChange = database.prepare(
    'INSERT INTO observation_changes (station, time, before, after, at) VALUES (?, ?, ?, ?, ?)',
  );

  const write = database.transaction((rows: readonly ObservationRow[]): ObservationWriteResult => {
    const result: ObservationWriteResult = { inserted: 0, replaced: 0, changed: [] };
    for (const row of rows) {
      const existing = select.get(row.station, row.time);
      const before = existing ? toRow(existing) : null;
      if (before && sameContent(before, row)) continue;
      upsert.run({ ...row, ...row.values, flags: JSON.stringify(row.flags) });
      if (before) {
        result.replaced += 1;
        logChange.run(row.station, row.time, JSON.stringify(before), JSON.stringify(row), row.receivedAt);
      } else result.inserted += 1;
      result.changed.push(row);
    }
    return result;
  });

  return {
    writeObservations: (rows) => write(rows),
    observationsBetween(from, to, stations) {
      const records = database
        .prepare<[number, number], ObservationRecord>(
          'SELECT * FROM observations WHERE time >= ? AND time <= ? ORDER BY time, station',
        )
        .all(from, to);
      const wanted = stations ? new Set(stations) : null;
      return records.filter((record) => !wanted || wanted.has(record.station)).map(toRow);
    },
    newestObservationTime(stations) {
      if (!stations) {
        return database
          .prepare<[], { newest: number | null }>('SELECT max(time) AS newest FROM observations')
          .get()!.newest;
      }
      const newest = database.prepare<[string], { newest: number | null }>(
        'SELECT max(time) AS newest FROM observations WHERE station = ?',
      );
      const times = stations
        .map((station) => newest.get(station)?.newest ?? null)
        .filter((time) => time !== null);
      return times.length > 0 ? Math.max(...times) : null;
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
