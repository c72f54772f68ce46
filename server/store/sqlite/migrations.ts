import type Database from 'better-sqlite3';

/**
 * Numbered schema migrations, applied in order at start inside one transaction each. Never edit a
 * migration that has shipped: add the next number.
 */
const migrations: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE observations (
        station TEXT NOT NULL, time INTEGER NOT NULL,
        so2 REAL, no2 REAL, pm10 REAL, pm25 REAL, co REAL, o3 REAL,
        flags TEXT NOT NULL, received_at INTEGER NOT NULL, source TEXT NOT NULL,
        PRIMARY KEY (station, time)
      ) WITHOUT ROWID;
      CREATE INDEX observations_time ON observations (time);
      CREATE TABLE observation_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, station TEXT NOT NULL, time INTEGER NOT NULL,
        before TEXT NOT NULL, after TEXT NOT NULL, at INTEGER NOT NULL
      );
      CREATE TABLE forecasts (
        unit TEXT NOT NULL, window_end INTEGER NOT NULL, issued_at INTEGER NOT NULL,
        aqi REAL NOT NULL, aqi_low REAL, aqi_high REAL, primary_species TEXT, source TEXT NOT NULL,
        PRIMARY KEY (unit, window_end)
      ) WITHOUT ROWID;
      CREATE TABLE stations (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
        unit_id TEXT, simulated INTEGER NOT NULL
      );
      CREATE TABLE warning_events (
        jurisdiction TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, payload TEXT NOT NULL,
        PRIMARY KEY (jurisdiction, seq)
      );
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL, jurisdiction TEXT,
        password_hash TEXT NOT NULL, demo INTEGER NOT NULL, created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts (id),
        csrf_token TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL
      );
      CREATE TABLE feeder_keys (
        id TEXT PRIMARY KEY, label TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL
      );
      CREATE TABLE documents (
        kind TEXT NOT NULL, version INTEGER NOT NULL, at INTEGER NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (kind, version)
      );
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        detail TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL
      );
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
      CREATE TRIGGER events_no_update BEFORE UPDATE ON warning_events
        BEGIN SELECT RAISE(ABORT, 'warning events are append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON warning_events
        BEGIN SELECT RAISE(ABORT, 'warning events are append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'daily reports',
    // Ili and Kizilsu plans 5.1 信息报送: one report per reporter and covered Beijing date; re-recording replaces it.
    sql: `
      CREATE TABLE daily_reports (
        jurisdiction TEXT NOT NULL, reporter TEXT NOT NULL, date TEXT NOT NULL,
        received_at INTEGER NOT NULL, recorded_by TEXT NOT NULL, summary TEXT,
        PRIMARY KEY (jurisdiction, reporter, date)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'daily reports per exercise',
    // A replay pass is a new exercise (EventStore.startExercise) and repeats its dates: reports belong to one
    // exercise, numbered by the version of the jurisdiction's latest 'exercise:<jurisdiction>' document.
    sql: `
      CREATE TABLE daily_reports_by_exercise (
        jurisdiction TEXT NOT NULL, exercise INTEGER NOT NULL, reporter TEXT NOT NULL, date TEXT NOT NULL,
        received_at INTEGER NOT NULL, recorded_by TEXT NOT NULL, summary TEXT,
        PRIMARY KEY (jurisdiction, exercise, reporter, date)
      ) WITHOUT ROWID;
      INSERT INTO daily_reports_by_exercise
        SELECT jurisdiction,
          (SELECT coalesce(max(version), 0) FROM documents WHERE kind = 'exercise:' || daily_reports.jurisdiction),
          reporter, date, received_at, recorded_by, summary
        FROM daily_reports;
      DROP TABLE daily_reports;
      ALTER TABLE daily_reports_by_exercise RENAME TO daily_reports;
    `,
  },
  {
    version: 4,
    name: 'enterprise checks',
    // Issue 7: on-site inspections (现场检查) and self-reports of the current exercise; every check is kept, the
    // latest (highest id) per enterprise wins.
    sql: `
      CREATE TABLE enterprise_checks (
        id INTEGER PRIMARY KEY, jurisdiction TEXT NOT NULL, exercise INTEGER NOT NULL,
        enterprise_id TEXT NOT NULL, observed TEXT NOT NULL, load_percent REAL, note TEXT,
        checked_at INTEGER NOT NULL, checked_by TEXT NOT NULL
      );
      CREATE INDEX enterprise_checks_latest ON enterprise_checks (jurisdiction, exercise, enterprise_id, id);
    `,
  },
  {
    version: 5,
    name: 'keyed audit hashes',
    // Issue 14: new entries are HMACs under a key kept outside the database; earlier ones stay plain SHA-256.
    sql: "ALTER TABLE audit ADD COLUMN scheme TEXT NOT NULL DEFAULT 'sha256';",
  },
  {
    version: 6,
    name: 'decision packets',
    // Issue 15: the evidence frozen with each issue, raise, lower and lift, kept like the events it belongs to.
    sql: `
      CREATE TABLE decision_packets (
        id INTEGER PRIMARY KEY, jurisdiction TEXT NOT NULL, event_seq INTEGER NOT NULL,
        warning_id TEXT NOT NULL, outcome TEXT NOT NULL, at INTEGER NOT NULL, frozen_at INTEGER NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (jurisdiction, event_seq)
      );
      CREATE INDEX decision_packets_warning ON decision_packets (warning_id, id);
      CREATE TRIGGER decision_packets_no_update BEFORE UPDATE ON decision_packets
        BEGIN SELECT RAISE(ABORT, 'decision packets are append-only'); END;
      CREATE TRIGGER decision_packets_no_delete BEFORE DELETE ON decision_packets
        BEGIN SELECT RAISE(ABORT, 'decision packets are append-only'); END;
    `,
  },
  {
    version: 7,
    name: 'warning documents',
    // Issue 18: what people fill in on the annex-3 forms and the press office's notice edits and releases, kept
    // with the warning of the current exercise; every save is a new row (the latest wins), none is changed.
    sql: `
      CREATE TABLE warning_documents (
        id INTEGER PRIMARY KEY, jurisdiction TEXT NOT NULL, exercise INTEGER NOT NULL, warning_id TEXT NOT NULL,
        document TEXT NOT NULL, segment INTEGER, body TEXT NOT NULL, released INTEGER NOT NULL,
        at INTEGER NOT NULL, actor TEXT NOT NULL
      );
      CREATE INDEX warning_documents_by_warning ON warning_documents (jurisdiction, exercise, warning_id, id);
      CREATE TRIGGER warning_documents_no_update BEFORE UPDATE ON warning_documents
        BEGIN SELECT RAISE(ABORT, 'warning documents are append-only'); END;
      CREATE TRIGGER warning_documents_no_delete BEFORE DELETE ON warning_documents
        BEGIN SELECT RAISE(ABORT, 'warning documents are append-only'); END;
    `,
  },
  {
    version: 8,
    name: 'live sequence numbers',
    // Issue 19: each jurisdiction's last delta number, kept in the store so that it never goes back, across a
    // restart or a takeover by another process.
    sql: 'CREATE TABLE live_sequences (jurisdiction TEXT PRIMARY KEY, seq INTEGER NOT NULL);',
  },
  {
    version: 9,
    name: 'login attempts',
    // Issue 19: the sign-in limits count attempts in the store, so that several processes share them.
    sql: `
      CREATE TABLE login_attempts (key TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX login_attempts_by_key ON login_attempts (key, at);
    `,
  },
  {
    version: 10,
    name: 'observations by time',
    // Issue 17.3: keyed by (time, station), one hour of the network is a run of adjacent pages: an hourly
    // request of 2,000 stations writes ~40 pages instead of one page per station in the table and again in
    // the time index (8.8 MB of WAL per hour). One station's range is read as a point lookup per hour
    // (server/store/sqlite/observations.ts), which keeps a year of one station under 100 ms.
    sql: `
      CREATE TABLE observations_by_time (
        station TEXT NOT NULL, time INTEGER NOT NULL,
        so2 REAL, no2 REAL, pm10 REAL, pm25 REAL, co REAL, o3 REAL,
        flags TEXT NOT NULL, received_at INTEGER NOT NULL, source TEXT NOT NULL,
        PRIMARY KEY (time, station)
      ) WITHOUT ROWID;
      INSERT INTO observations_by_time
        SELECT station, time, so2, no2, pm10, pm25, co, o3, flags, received_at, source
        FROM observations ORDER BY time, station;
      DROP INDEX observations_time;
      DROP TABLE observations;
      ALTER TABLE observations_by_time RENAME TO observations;
    `,
  },
  {
    version: 11,
    name: 'observations by station and day',
    // Issue 17.3: a derived station-major copy of complete days (server/store/sqlite/observation-days.ts),
    // filled off the request path: one station's year is ~365 adjacent rows instead of 8,760 lookups. Empty
    // here; the store fills it on idle from the table.
    sql: `
      CREATE TABLE observation_days (
        station TEXT NOT NULL, day INTEGER NOT NULL, records TEXT NOT NULL,
        PRIMARY KEY (station, day)
      ) WITHOUT ROWID;
      CREATE TABLE observation_days_through (id INTEGER PRIMARY KEY CHECK (id = 0), day INTEGER NOT NULL);
      CREATE TABLE observation_days_pending (
        day INTEGER NOT NULL, station TEXT NOT NULL, PRIMARY KEY (day, station)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 12,
    name: 'disabled accounts',
    // An office offboards someone who left: the account stays (the audit names it), it can no longer sign in.
    sql: 'ALTER TABLE accounts ADD COLUMN disabled_at INTEGER;',
  },
];

/** Applies the migrations not applied yet, up to `through` (all of them at start; fewer in a migration's test). */
export function migrate(database: Database.Database, through = Number.POSITIVE_INFINITY): number[] {
  database.exec(
    'CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const applied = new Set(
    database
      .prepare<[], { version: number }>('SELECT version FROM migrations')
      .all()
      .map((row) => row.version),
  );
  const ran: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version) || migration.version > through) continue;
    database.transaction(() => {
      database.exec(migration.sql);
      database
        .prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, Date.now());
    })();
    ran.push(migration.version);
  }
  return ran;
}
