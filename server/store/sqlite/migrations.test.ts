import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { accountStore } from './accounts';
import { migrate } from './migrations';
import { observationStore } from './observations';

const hour = 3_600_000;

it('migration 10 moves every stored observation to the (time, station) key, and reads give the same rows', () => {
  const database = new Database(':memory:');
  migrate(database, 9);
  const insert = database.prepare(
    `INSERT INTO observations (station, time, so2, no2, pm10, pm25, co, o3, flags, received_at, source)
     VALUES (?, ?, 1, 2, 3, ?, 0.5, NULL, ?, 7, 'feeder:test')`,
  );
  for (const station of ['B', 'A', 'C'])
    for (let h = 0; h < 50; h += 1)
      if ((h + station.charCodeAt(0)) % 7 !== 0)
        insert.run(station, h * hour, h, h === 3 ? '{"pm25":["spike"]}' : '{}');
  const before = database.prepare('SELECT * FROM observations ORDER BY time, station').all();
  expect(migrate(database)).toEqual([10, 11, 12]);
  expect(database.prepare('SELECT * FROM observations ORDER BY time, station').all()).toEqual(before);
  const key = database.prepare("SELECT name FROM pragma_index_info('sqlite_autoindex_observations_1')").all();
  expect(key.map((column) => (column as { name: string }).name)).toEqual(['time', 'station']);
  const store = observationStore(database);
  // One station's hours, read a lookup per hour, from before the first stored hour to far beyond the last.
  const rowsOfB = store.observationsBetween(-5 * hour, Number.MAX_SAFE_INTEGER, ['B']);
  expect(rowsOfB.map((row) => row.time)).toEqual(
    (before as { station: string; time: number }[])
      .filter((row) => row.station === 'B')
      .map((row) => row.time),
  );
  expect(rowsOfB.find((row) => row.time === 3 * hour)?.flags).toEqual({ pm25: ['spike'] });
  // A range starting between hours begins at the next whole hour.
  expect(
    store
      .observationsBetween(10 * hour + 1, 12 * hour, ['A', 'C'])
      .map((row) => `${row.station}${row.time / hour}`),
  ).toEqual(
    ['A11', 'C11', 'A12', 'C12'].filter((name) =>
      before.some(
        (row) => `${(row as { station: string }).station}${(row as { time: number }).time / hour}` === name,
      ),
    ),
  );
  expect(store.newestObservationTime()).toBe(49 * hour);
});

it('migration 12 keeps the accounts there were enabled, and the store then disables one', () => {
  const database = new Database(':memory:');
  migrate(database, 11);
  database
    .prepare(
      `INSERT INTO accounts (id, username, role, jurisdiction, password_hash, demo, created_at)
       VALUES ('a1', 'wang', 'duty-officer', 'ili', 'scrypt$x', 0, 5)`,
    )
    .run();
  expect(migrate(database)).toEqual([12]);
  const store = accountStore(database);
  expect(store.accountByUsername('wang')).toMatchObject({ role: 'duty-officer', disabledAt: null });
  store.setAccountDisabledAt('a1', 9);
  expect(store.accountById('a1')?.disabledAt).toBe(9);
});
