/**
 * The storage seam: SQLite (server/store/sqlite/) or PostgreSQL (server/store/postgres/, DATABASE_URL), one set
 * of repository modules over either (server/store/sql.ts).
 * Every write method is atomic: it either applies entirely or throws and writes nothing.
 */
import type { EnterpriseCheck } from '../../geo/layers/enterprise-check';
import type { Species } from '../../shared/aqi';
import type { Role } from '../../shared/plans/schema';
import type { Jurisdiction } from '../../shared/units/schema';

export type { Species };

/** One station-hour as received; null = not measured. Flags name the checks a value failed. */
export type ObservationRow = {
  station: string;
  /** Hour end, epoch ms. */
  time: number;
  values: Record<Species, number | null>;
  flags: Partial<Record<Species, string[]>>;
  receivedAt: number;
  source: string;
};

export type ForecastRow = {
  unit: string;
  windowEnd: number;
  aqi: number;
  aqiLow: number | null;
  aqiHigh: number | null;
  primary: Species | null;
  issuedAt: number;
  source: string;
};

export type StationRow = {
  id: string;
  name: string;
  lon: number;
  lat: number;
  unitId: string | null;
  simulated: boolean;
};

export type StoredEvent = { seq: number; jurisdiction: Jurisdiction; payload: unknown; at: number };

export type AuditEntry = {
  seq: number;
  at: number;
  actor: string;
  action: string;
  detail: unknown;
  previousHash: string;
  hash: string;
};

/** brokenAt: the first entry that fails, or null when the whole log is in question (anchor file gone). */
export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number | null; problem: string };

export type StoredObservationRecord = [
  time: number,
  so2: number | null,
  no2: number | null,
  pm10: number | null,
  pm25: number | null,
  co: number | null,
  o3: number | null,
  flags: string | null,
  receivedAt: number,
  source: string,
];

export type ObservationWriteResult = { inserted: number; replaced: number; changed: ObservationRow[] };

export interface ObservationStore {
  /**
   * Upserts station-hours; the newer value replaces the stored one and the replacement is reported.
   * `known`: the stored rows of these station-hours already read by the caller (absent = none stored).
   */
  writeObservations(
    rows: readonly ObservationRow[],
    known?: ReadonlyMap<string, ObservationRow>,
  ): ObservationWriteResult;
  /** Rows of [from, to] by time then station; with a few `stations`, read as one lookup per station-hour. */
  observationsBetween(from: number, to: number, stations?: readonly string[]): ObservationRow[];
  /**
   * One station's rows of [from, to] in time order as stored, without a row object each (the read API sends
   * a year of 8,760): [time, so2, no2, pm10, pm25, co, o3, flags as JSON text or null when none, receivedAt,
   * source]. The station is the one asked for: not read back 8,760 times.
   */
  stationRecords(station: string, from: number, to: number): StoredObservationRecord[];
  /**
   * Every stored hour of [from, to] as the engine keeps it, without building rows: the values in
   * speciesOrder with flagged ones NaN (the array is reused between calls).
   */
  forEachObservation(
    from: number,
    to: number,
    visit: (station: string, time: number, values: Float64Array) => void,
  ): void;
  newestObservationTime(): number | null;
  /**
   * One step of filling the station-major copy of complete days that `stationRecords` reads
   * (server/store/sqlite/observation-days.ts); true while more is left. The store runs these steps itself
   * once idle; tests call it to place them.
   */
  compactObservations(): boolean;
}

export interface ForecastStore {
  /** Newest issue wins per unit and window end. */
  writeForecasts(rows: readonly ForecastRow[]): number;
  forecastsFrom(from: number, units?: readonly string[]): ForecastRow[];
}

export interface StationStore {
  upsertStations(rows: readonly StationRow[]): void;
  stations(): StationRow[];
}

export interface EventStore {
  appendEvent(jurisdiction: Jurisdiction, payload: unknown, at: number): StoredEvent;
  /** The current exercise's events: all of them, or those after the latest `startExercise`. */
  events(jurisdiction: Jurisdiction): StoredEvent[];
  /**
   * A replay pass goes back in time, so the warnings of the pass before no longer fit its clock: later
   * folds start from an empty book. Nothing is deleted; the audit keeps every event.
   */
  startExercise(jurisdiction: Jurisdiction, at: number): void;
}

export interface AuditStore {
  appendAudit(entry: { at: number; actor: string; action: string; detail: unknown }): AuditEntry;
  audit(filter?: { text?: string; from?: number; to?: number; limit?: number }): AuditEntry[];
}

/** jurisdiction null = both prefectures. passwordHash is `scrypt$<N>$<salt hex>$<key hex>` (server/auth/passwords.ts). */
export type AccountRow = {
  id: string;
  username: string;
  role: Role;
  jurisdiction: Jurisdiction | null;
  passwordHash: string;
  demo: boolean;
  createdAt: number;
  /** Set when the office disabled the account (someone who left): it cannot sign in. */
  disabledAt: number | null;
};

export type SessionRow = {
  id: string;
  accountId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
};

/** A feeder API key; only its sha256 is stored. */
export type FeederKeyRow = { id: string; label: string; keyHash: string; createdAt: number };

export type ObservationChange = {
  station: string;
  time: number;
  before: ObservationRow;
  after: ObservationRow;
};

export interface AccountStore {
  addAccount(row: AccountRow): void;
  accountByUsername(username: string): AccountRow | null;
  accountById(id: string): AccountRow | null;
  accountCount(): number;
  accounts(): AccountRow[];
  /** A stronger hash of the same password (made at sign-in when the stored one's cost is below today's). */
  replacePasswordHash(id: string, passwordHash: string): void;
  setAccountDisabledAt(id: string, disabledAt: number | null): void;
  setAccountRole(id: string, role: Role, jurisdiction: Jurisdiction | null): void;
  addSession(row: SessionRow): void;
  sessionById(id: string, now: number): SessionRow | null;
  deleteSession(id: string): void;
  /** Ends every session of the account; returns how many there were. */
  deleteSessionsOf(accountId: string): number;
  addFeederKey(row: FeederKeyRow): void;
  feederKeyByHash(keyHash: string): FeederKeyRow | null;
}

/** Imported layers and boundaries: one JSON document per kind, each import a new version. */
export interface DocumentStore {
  putDocument(kind: string, body: unknown, at: number): number;
  latestDocument(kind: string): { version: number; body: unknown; at: number } | null;
}

/**
 * One day's report from a warning unit or plan member unit to the command office (plans 5.1 信息报送).
 * reporter: a unit id of geo/units.ts or a member unit's nameZh; date: the Beijing date covered, YYYY-MM-DD.
 */
export type DailyReportRow = {
  jurisdiction: Jurisdiction;
  reporter: string;
  date: string;
  receivedAt: number;
  /** The username of the account that recorded it. */
  recordedBy: string;
  summary: string | null;
};

/** Reports of the current exercise only: a replay pass repeats its dates (EventStore.startExercise). */
export interface ReportStore {
  /** Upserts one report per (jurisdiction, reporter, date); returns the row it replaced, or null. */
  putDailyReport(row: DailyReportRow): DailyReportRow | null;
  dailyReports(jurisdiction: Jurisdiction, date: string): DailyReportRow[];
}

/** Enterprise checks of the current exercise (issue 7): every check is kept; the latest per enterprise wins. */
export interface EnterpriseCheckStore {
  addEnterpriseCheck(check: EnterpriseCheck): void;
  /**
   * The latest check of each enterprise checked in this exercise, by enterprise id; with `until`, the latest
   * recorded by then (checkedAt ≤ until: what a past day's report knew).
   */
  latestEnterpriseChecks(jurisdiction: Jurisdiction, until?: number): EnterpriseCheck[];
}

/** A decision packet as stored (shared/state/decision-packet.ts): the frozen evidence of one event. */
export type PacketRow = {
  id: number;
  jurisdiction: Jurisdiction;
  eventSeq: number;
  warningId: string;
  outcome: string;
  at: number;
  frozenAt: number;
  body: unknown;
};

export interface PacketStore {
  /** Stores the packet of an event (append-only); returns its id. */
  appendPacket(row: Omit<PacketRow, 'id'>): number;
  packets(warningId: string): PacketRow[];
  packet(id: number): PacketRow | null;
}

/**
 * What people add to a warning's documents (issue 18): the annex-3 form fields ('forms', segment null) and the
 * press office's notice edits per announced level ('notice', segment = the level's index); `released` marks
 * the notice as released, after which that level's notice is not edited again.
 */
export type WarningDocumentRow = {
  jurisdiction: Jurisdiction;
  warningId: string;
  document: 'forms' | 'notice';
  segment: number | null;
  body: unknown;
  released: boolean;
  at: number;
  actor: string;
};

/** Rows of the current exercise only, oldest first; every save is kept. */
export interface WarningDocumentStore {
  addWarningDocument(row: WarningDocumentRow): void;
  warningDocuments(jurisdiction: Jurisdiction, warningId: string): WarningDocumentRow[];
}

/** Each jurisdiction's live delta numbers (server/live): kept so that they never go back, across processes. */
export interface LiveSequenceStore {
  /**
   * The number of the last delta sent, 0 before the first; on SQLite after a restart, until the next delta,
   * the high-water mark reserved before it (above every number sent: ./sqlite/live-sequences.ts).
   */
  liveSequence(jurisdiction: Jurisdiction): number;
  /** Takes the next number (one more than the last taken by any process) and returns it. */
  advanceLiveSequence(jurisdiction: Jurisdiction): number;
}

/** Sliding-window limits (sign-in attempts), counted in the store so that every process sees them. */
export interface AttemptStore {
  /**
   * Records an attempt under `key` unless `limit` were already made within `windowMs` before `now`;
   * returns null when recorded, else the time of the oldest attempt in the window.
   */
  recordAttempt(key: string, now: number, windowMs: number, limit: number): number | null;
}

export interface Store
  extends LiveSequenceStore,
    AttemptStore,
    ObservationStore,
    PacketStore,
    ForecastStore,
    StationStore,
    EventStore,
    AuditStore,
    AccountStore,
    DocumentStore,
    ReportStore,
    EnterpriseCheckStore,
    WarningDocumentStore {
  /** Replacements of stored station-hours, newest first (the observation change log). */
  observationChanges(station?: string): ObservationChange[];
  /** Recomputes every entry's hash and checks the anchored head (server/store/sqlite/audit.ts). */
  verifyAudit(): AuditVerification;
  /** Runs fn in one transaction: all its writes land, or none. */
  transaction<T>(fn: () => T): T;
  status(): { kind: string; ok: boolean };
  close(): void;
}

/** Rows grouped by station, each group in the order given (ingest and the engine take a station at a time). */
export function rowsByStation(rows: readonly ObservationRow[]): Map<string, ObservationRow[]> {
  const groups = new Map<string, ObservationRow[]>();
  for (const row of rows) {
    const group = groups.get(row.station);
    if (group) group.push(row);
    else groups.set(row.station, [row]);
  }
  return groups;
}
