import type { Jurisdiction } from '../../../shared/units/schema';
import type { SqlDatabase } from '../sql';
import type { DocumentStore, EventStore, ForecastRow, ForecastStore, Species, StationStore } from '../types';
import { exerciseMarkers } from './exercise';

type ForecastRecord = {
  unit: string;
  window_end: number;
  issued_at: number;
  aqi: number;
  aqi_low: number | null;
  aqi_high: number | null;
  primary_species: Species | null;
  source: string;
};

function toForecast(record: ForecastRecord): ForecastRow {
  return {
    unit: record.unit,
    windowEnd: record.window_end,
    issuedAt: record.issued_at,
    aqi: record.aqi,
    aqiLow: record.aqi_low,
    aqiHigh: record.aqi_high,
    primary: record.primary_species,
    source: record.source,
  };
}

export function forecastStore(database: SqlDatabase): ForecastStore {
  // Newest issue wins per unit and window: an older issue arriving late, or the same issue re-sent unchanged,
  // leaves the row alone.
  const upsert = database.prepare(
    `INSERT INTO forecasts (unit, window_end, issued_at, aqi, aqi_low, aqi_high, primary_species, source)
     VALUES (@unit, @windowEnd, @issuedAt, @aqi, @aqiLow, @aqiHigh, @primary, @source)
     ON CONFLICT (unit, window_end) DO UPDATE SET issued_at = excluded.issued_at, aqi = excluded.aqi,
       aqi_low = excluded.aqi_low, aqi_high = excluded.aqi_high, primary_species = excluded.primary_species,
       source = excluded.source
     WHERE excluded.issued_at > forecasts.issued_at OR (excluded.issued_at = forecasts.issued_at AND (
       excluded.aqi IS DISTINCT FROM forecasts.aqi OR excluded.aqi_low IS DISTINCT FROM forecasts.aqi_low
       OR excluded.aqi_high IS DISTINCT FROM forecasts.aqi_high
       OR excluded.primary_species IS DISTINCT FROM forecasts.primary_species
       OR excluded.source IS DISTINCT FROM forecasts.source))`,
  );
  const write = database.transaction((rows: readonly ForecastRow[]) =>
    rows.reduce((count, row) => count + upsert.run(row).changes, 0),
  );
  return {
    writeForecasts: (rows) => write(rows),
    forecastsFrom(from, units) {
      const wanted = units ? new Set(units) : null;
      return database
        .prepare<[number], ForecastRecord>(
          'SELECT * FROM forecasts WHERE window_end >= ? ORDER BY window_end, unit',
        )
        .all(from)
        .filter((record) => !wanted || wanted.has(record.unit))
        .map(toForecast);
    },
  };
}

export function stationStore(database: SqlDatabase): StationStore {
  const upsert = database.prepare(
    `INSERT INTO stations (id, name, lon, lat, unit_id, simulated)
     VALUES (@id, @name, @lon, @lat, @unitId, @simulated)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, lon = excluded.lon, lat = excluded.lat,
       unit_id = excluded.unit_id, simulated = excluded.simulated`,
  );
  const write = database.transaction((rows: Parameters<StationStore['upsertStations']>[0]) => {
    for (const row of rows) upsert.run({ ...row, simulated: row.simulated ? 1 : 0 });
  });
  // Prepared once: every observation request reads the list (the caller's prefecture, known stations).
  const all = database.prepare<
    [],
    { id: string; name: string; lon: number; lat: number; unit_id: string | null; simulated: number }
  >('SELECT * FROM stations ORDER BY id');
  return {
    upsertStations: (rows) => write(rows),
    stations: () =>
      all.all().map((record) => ({
        id: record.id,
        name: record.name,
        lon: record.lon,
        lat: record.lat,
        unitId: record.unit_id,
        simulated: record.simulated === 1,
      })),
  };
}

export function eventStore(database: SqlDatabase): EventStore {
  const nextSeq = database.prepare<[string], { seq: number }>(
    'SELECT coalesce(max(seq), 0) + 1 AS seq FROM warning_events WHERE jurisdiction = ?',
  );
  const insert = database.prepare(
    'INSERT INTO warning_events (jurisdiction, seq, at, payload) VALUES (?, ?, ?, ?)',
  );
  const append = database.transaction((jurisdiction: Jurisdiction, payload: unknown, at: number) => {
    const { seq } = nextSeq.get(jurisdiction)!;
    insert.run(jurisdiction, seq, at, JSON.stringify(payload));
    return { seq, jurisdiction, payload, at };
  });
  const exercises = exerciseMarkers(database);
  const start = database.transaction((jurisdiction: Jurisdiction, at: number) => {
    exercises.start(jurisdiction, nextSeq.get(jurisdiction)!.seq - 1, at);
  });
  // Prepared once: the engine reads the log at every tick (server/warnings/book.ts).
  const after = database.prepare<[string, number], { seq: number; at: number; payload: string }>(
    'SELECT seq, at, payload FROM warning_events WHERE jurisdiction = ? AND seq > ? ORDER BY seq',
  );
  return {
    appendEvent: (jurisdiction, payload, at) => append(jurisdiction, payload, at),
    startExercise: (jurisdiction, at) => start(jurisdiction, at),
    events: (jurisdiction) =>
      after.all(jurisdiction, exercises.afterSeq(jurisdiction)).map((record) => ({
        seq: record.seq,
        jurisdiction,
        at: record.at,
        payload: JSON.parse(record.payload),
      })),
  };
}

export function documentStore(database: SqlDatabase): DocumentStore {
  // One transaction: the next version is read and taken by the same writer (several processes on PostgreSQL).
  const put = database.transaction((kind: string, body: unknown, at: number) => {
    const { version } = database
      .prepare<[string], { version: number }>(
        'SELECT coalesce(max(version), 0) + 1 AS version FROM documents WHERE kind = ?',
      )
      .get(kind)!;
    database
      .prepare('INSERT INTO documents (kind, version, at, body) VALUES (?, ?, ?, ?)')
      .run(kind, version, at, JSON.stringify(body));
    return version;
  });
  return {
    putDocument: (kind, body, at) => put(kind, body, at),
    latestDocument(kind) {
      const record = database
        .prepare<[string], { version: number; at: number; body: string }>(
          'SELECT version, at, body FROM documents WHERE kind = ? ORDER BY version DESC LIMIT 1',
        )
        .get(kind);
      return record ? { version: record.version, at: record.at, body: JSON.parse(record.body) } : null;
    },
  };
}
