/**
 * The storage seam. SQLite implements it today (server/store/sqlite/); PostgreSQL can implement it later.
 * Every write method is atomic: it either applies entirely or throws and writes nothing.
 */
import type { Jurisdiction } from '../../shared/units/schema';

export type Species = 'so2' | 'no2' | 'pm10' | 'pm25' | 'co' | 'o3';

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

export type ObservationWriteResult = { inserted: number; replaced: number; changed: ObservationRow[] };

export interface ObservationStore {
  /** Upserts station-hours; the newer value replaces the stored one and the replacement is reported. */
  writeObservations(rows: readonly ObservationRow[]): ObservationWriteResult;
  observationsBetween(from: number, to: number, stations?: readonly string[]): ObservationRow[];
  newestObservationTime(stations?: readonly string[]): number | null;
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
  events(jurisdiction: Jurisdiction): StoredEvent[];
}

export interface AuditStore {
  appendAudit(entry: { at: number; actor: string; action: string; detail: unknown }): AuditEntry;
  audit(filter?: { text?: string; from?: number; to?: number; limit?: number }): AuditEntry[];
}

export interface Store extends ObservationStore, ForecastStore, StationStore, EventStore, AuditStore {
  /** Runs fn in one transaction: all its writes land, or none. */
  transaction<T>(fn: () => T): T;
  status(): { kind: string; ok: boolean };
  close(): void;
}
