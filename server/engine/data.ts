import { units } from '../../geo/units';
import { type Species, StationWindows, speciesOrder } from '../../shared/aqi';
import { HOUR } from '../../shared/time';
import type { Jurisdiction } from '../../shared/units/schema';
import { type ForecastRow, type ObservationRow, rowsByStation, type StationRow } from '../store/types';
import { ForecastBook } from './forecasts';
import { HourColumns } from './hour-columns';
import { historyHours } from './unit-series';

const jurisdictionOfUnit = new Map(units.map((unit) => [unit.id, unit.jurisdiction] as const));
const speciesCount = speciesOrder.length;
/** The live windows keep ten days: the week the engine looks back with the day before it, and room. */
export const liveHours = 10 * 24;
/** A past state reads the engine's look-back and the day before its first window (O3 8 h included). */
const pastUnitHours = historyHours + 48;
/** A station's past: the side panel's 72 h and the day before. */
const pastStationHours = 72 + 48;

// readValues writes the six species by name, in this order.
if (speciesOrder.join() !== 'so2,no2,pm10,pm25,co,o3') throw new Error('species order changed');

/** A row's values in speciesOrder (so2, no2, pm10, pm25, co, o3); null or flagged (issue 6) is missing. */
function readValues(row: ObservationRow, target: Float64Array): void {
  const { so2, no2, pm10, pm25, co, o3 } = row.values;
  target[0] = so2 ?? Number.NaN;
  target[1] = no2 ?? Number.NaN;
  target[2] = pm10 ?? Number.NaN;
  target[3] = pm25 ?? Number.NaN;
  target[4] = co ?? Number.NaN;
  target[5] = o3 ?? Number.NaN;
  for (const name in row.flags) {
    if ((row.flags[name as Species]?.length ?? 0) > 0)
      target[speciesOrder.indexOf(name as Species)] = Number.NaN;
  }
}

/**
 * The windows a state reads: shared/aqi's StationWindows of every unit and station, moved on to `now`
 * (hours without data are missing, so a window ending after the last data is still computed).
 */
export type WindowsView = {
  now: number;
  unit(id: string): StationWindows;
  /** Null for a station that never sent an hour. */
  station(id: string): StationWindows | null;
};

/**
 * The engine's memory (issue 6, issue 17): every station-hour as sent (flagged values left out), and the
 * live windows of every station and unit, where a unit's hour is the exact mean of its valid stations
 * (DOMAIN.md). Ingest writes the stations' windows at once and the touched unit hours at the next flush.
 */
export class EngineData {
  readonly stations = new Map<string, StationRow>();
  readonly stationHours = new Map<string, HourColumns>();
  readonly unitStations = new Map<string, string[]>();
  readonly forecasts = new ForecastBook();
  private readonly stationWindows = new Map<string, StationWindows>();
  private readonly unitWindows = new Map<string, StationWindows>();
  /** Unit hours whose means must be rewritten before the next state, and station windows to bring up to date. */
  private readonly dirtyUnits = new Map<string, number[]>();
  private readonly dirtyStations = new Set<StationWindows>();
  private readonly row = new Float64Array(speciesCount);
  private gathered = new Float64Array(speciesCount * 8);

  setStations(rows: readonly StationRow[]): void {
    // A station that moved to another unit (or arrived with hours already held) changes both units' means.
    const moved = new Set<string>();
    for (const row of rows) {
      const before = this.stations.get(row.id)?.unitId ?? null;
      if (before === row.unitId || !this.stationHours.has(row.id)) continue;
      if (before) moved.add(before);
      if (row.unitId) moved.add(row.unitId);
    }
    this.stations.clear();
    this.unitStations.clear();
    for (const row of rows) {
      this.stations.set(row.id, row);
      if (!row.unitId) continue;
      const list = this.unitStations.get(row.unitId) ?? [];
      list.push(row.id);
      this.unitStations.set(row.unitId, list);
    }
    for (const unitId of moved) this.rebuildUnit(unitId);
  }

  jurisdictionOfStation(id: string): Jurisdiction | null {
    const unitId = this.stations.get(id)?.unitId;
    return unitId ? (jurisdictionOfUnit.get(unitId) ?? null) : null;
  }

  /**
   * Records station-hours; returns the jurisdictions touched with the newest hour seen in each. A batch is
   * taken a station at a time (each station's hours lie together in memory; a bulk request is hour-major).
   */
  addObservations(rows: readonly ObservationRow[]): Map<Jurisdiction, number> {
    const touched = new Map<Jurisdiction, number>();
    for (const [station, stationRows] of rowsByStation(rows)) {
      const newest = this.addStationHours(station, stationRows);
      const unitId = this.stations.get(station)?.unitId;
      const jurisdiction = unitId ? jurisdictionOfUnit.get(unitId) : undefined;
      if (jurisdiction) touched.set(jurisdiction, Math.max(touched.get(jurisdiction) ?? newest, newest));
    }
    return touched;
  }

  /** One station's hours: stored, written to its windows, and its unit's hours marked for the next flush. */
  private addStationHours(station: string, rows: readonly ObservationRow[]): number {
    let hours = this.stationHours.get(station);
    let windows = this.stationWindows.get(station);
    if (!hours || !windows) {
      hours = new HourColumns();
      windows = new StationWindows({ retainHours: liveHours });
      this.stationHours.set(station, hours);
      this.stationWindows.set(station, windows);
    }
    const unitId = this.stations.get(station)?.unitId;
    let dirty = unitId ? this.dirtyUnits.get(unitId) : undefined;
    if (unitId && !dirty) {
      dirty = [];
      this.dirtyUnits.set(unitId, dirty);
    }
    const values = this.row;
    let newest = Number.NEGATIVE_INFINITY;
    for (const row of rows) {
      readValues(row, values);
      hours.set(row.time, values);
      windows.write(row.time, values);
      dirty?.push(row.time);
      if (row.time > newest) newest = row.time;
    }
    this.dirtyStations.add(windows);
    return newest;
  }

  /** Keeps a stored station-hour (flagged values NaN) in the history only; recomputeAll follows (start-up). */
  storeHour(station: string, time: number, values: Float64Array): void {
    let hours = this.stationHours.get(station);
    if (!hours) {
      hours = new HourColumns();
      this.stationHours.set(station, hours);
    }
    hours.set(time, values);
  }

  /** storeHour for rows (the benchmark's month of history). */
  storeHours(rows: readonly ObservationRow[]): void {
    for (const row of rows) {
      readValues(row, this.row);
      this.storeHour(row.station, row.time, this.row);
    }
  }

  /**
   * Every station's and unit's live windows rebuilt from the stored hours: the last ten days before each
   * one's newest hour, which is all the live windows keep.
   */
  recomputeAll(): void {
    this.dirtyStations.clear();
    this.dirtyUnits.clear();
    for (const [station, hours] of this.stationHours) {
      const windows = new StationWindows({ retainHours: liveHours });
      this.stationWindows.set(station, windows);
      if (hours.newest === null) continue;
      for (let hour = hours.newest - (liveHours - 1) * HOUR; hour <= hours.newest; hour += HOUR) {
        hours.read(hour, this.row, 0);
        windows.write(hour, this.row);
      }
      windows.flush();
    }
    for (const unitId of this.unitStations.keys()) this.rebuildUnit(unitId);
  }

  /** Records forecasts; returns the jurisdictions whose units they concern. */
  addForecasts(rows: readonly ForecastRow[]): Set<Jurisdiction> {
    const touched = new Set<Jurisdiction>();
    for (const row of rows) {
      this.forecasts.add(row);
      const jurisdiction = jurisdictionOfUnit.get(row.unit);
      if (jurisdiction) touched.add(jurisdiction);
    }
    return touched;
  }

  /** Brings the written stations' windows up to date and rewrites the unit hours they touched. */
  flush(): void {
    for (const windows of this.dirtyStations) windows.flush();
    this.dirtyStations.clear();
    for (const [unitId, hours] of this.dirtyUnits) {
      const windows = this.liveUnit(unitId);
      hours.sort((a, b) => a - b);
      for (let index = 0; index < hours.length; index += 1) {
        if (index > 0 && hours[index] === hours[index - 1]) continue;
        this.writeUnitHour(windows, unitId, hours[index]!);
      }
      windows.flush();
    }
    this.dirtyUnits.clear();
  }

  /** The newest hour end at or before now with a value from any of the unit's stations, or null. */
  unitNewestAtOrBefore(unitId: string, now: number): number | null {
    let newest: number | null = null;
    for (const id of this.unitStations.get(unitId) ?? []) {
      const hour = this.stationHours.get(id)?.newestAtOrBefore(now) ?? null;
      if (hour !== null && (newest === null || hour > newest)) newest = hour;
    }
    return newest;
  }

  /** The live windows, moved on to now (the engine's state at now). */
  liveView(now: number): WindowsView {
    this.flush();
    const onToNow = (windows: StationWindows): StationWindows => {
      const newest = windows.newestHour;
      if (newest !== null && newest < now) windows.extendTo(now);
      return windows;
    };
    return {
      now,
      unit: (id) => onToNow(this.liveUnit(id)),
      station: (id) => {
        const windows = this.stationWindows.get(id);
        return windows ? onToNow(windows) : null;
      },
    };
  }

  /** Windows rebuilt from the stored hours up to a past hour end `at` (the time slider). */
  pastView(at: number): WindowsView {
    const unitsBuilt = new Map<string, StationWindows>();
    const stationsBuilt = new Map<string, StationWindows | null>();
    return {
      now: at,
      unit: (id) => {
        let windows = unitsBuilt.get(id);
        if (!windows) {
          windows = new StationWindows({ retainHours: pastUnitHours + 1 });
          for (let hour = at - pastUnitHours * HOUR; hour <= at; hour += HOUR)
            this.writeUnitHour(windows, id, hour);
          windows.flush();
          unitsBuilt.set(id, windows);
        }
        return windows;
      },
      station: (id) => {
        if (stationsBuilt.has(id)) return stationsBuilt.get(id)!;
        const hours = this.stationHours.get(id);
        let windows: StationWindows | null = null;
        if (hours) {
          windows = new StationWindows({ retainHours: pastStationHours + 1 });
          for (let hour = at - pastStationHours * HOUR; hour <= at; hour += HOUR) {
            hours.read(hour, this.row, 0);
            windows.write(hour, this.row);
          }
          windows.flush();
        }
        stationsBuilt.set(id, windows);
        return windows;
      },
    };
  }

  private liveUnit(unitId: string): StationWindows {
    let windows = this.unitWindows.get(unitId);
    if (!windows) {
      windows = new StationWindows({ retainHours: liveHours });
      this.unitWindows.set(unitId, windows);
    }
    return windows;
  }

  /** Writes a unit's hour: its stations' values as stored, averaged exactly by the windows. */
  private writeUnitHour(windows: StationWindows, unitId: string, hour: number): void {
    const stationIds = this.unitStations.get(unitId) ?? [];
    if (this.gathered.length < stationIds.length * speciesCount)
      this.gathered = new Float64Array(stationIds.length * speciesCount * 2);
    const gathered = this.gathered;
    for (let index = 0; index < stationIds.length; index += 1) {
      const hours = this.stationHours.get(stationIds[index]!);
      if (hours) hours.read(hour, gathered, index * speciesCount);
      else gathered.fill(Number.NaN, index * speciesCount, (index + 1) * speciesCount);
    }
    windows.writeMean(hour, gathered, stationIds.length);
  }

  /** A unit's live windows from scratch: after one of its stations moved in or out. */
  private rebuildUnit(unitId: string): void {
    const windows = new StationWindows({ retainHours: liveHours });
    this.unitWindows.set(unitId, windows);
    let newest: number | null = null;
    for (const id of this.unitStations.get(unitId) ?? []) {
      const hour = this.stationHours.get(id)?.newest ?? null;
      if (hour !== null && (newest === null || hour > newest)) newest = hour;
    }
    if (newest === null) return;
    for (let hour = newest - (liveHours - 1) * HOUR; hour <= newest; hour += HOUR)
      this.writeUnitHour(windows, unitId, hour);
    windows.flush();
  }
}
