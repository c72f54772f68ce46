import { units } from '../../geo/units';
import { unitHourlyMeans } from '../../shared/aqi';
import type { Jurisdiction } from '../../shared/units/schema';
import type { ForecastRow, ObservationRow, StationRow } from '../store/types';
import { ForecastBook } from './forecasts';
import { HourColumns, speciesOrder } from './hour-columns';
import { WindowCache } from './unit-series';

const jurisdictionOfUnit = new Map(units.map((unit) => [unit.id, unit.jurisdiction] as const));

/**
 * The engine's memory: station hours (flagged values left out, issue 6), unit hourly means of their
 * stations (DOMAIN.md: a unit's concentration is the mean of its valid stations), D(t) caches, forecasts.
 */
export class EngineData {
  readonly stations = new Map<string, StationRow>();
  readonly stationColumns = new Map<string, HourColumns>();
  readonly unitColumns = new Map<string, HourColumns>();
  readonly unitWindows = new Map<string, WindowCache>();
  readonly unitStations = new Map<string, string[]>();
  readonly forecasts = new ForecastBook();
  /** Unit hours whose means must be recomputed before the next state. */
  private readonly dirtyHours = new Map<string, Set<number>>();

  setStations(rows: readonly StationRow[]): void {
    // A station that moved to another unit (or arrived with hours already held) changes both units' means.
    for (const row of rows) {
      const before = this.stations.get(row.id)?.unitId ?? null;
      const columns = this.stationColumns.get(row.id);
      if (before === row.unitId || !columns) continue;
      for (const hour of columns.hours()) {
        if (before) this.markDirty(before, hour);
        if (row.unitId) this.markDirty(row.unitId, hour);
      }
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
  }

  jurisdictionOfStation(id: string): Jurisdiction | null {
    const unitId = this.stations.get(id)?.unitId;
    return unitId ? (jurisdictionOfUnit.get(unitId) ?? null) : null;
  }

  /** Records station-hours; returns the jurisdictions touched with the newest hour seen in each. */
  addObservations(rows: readonly ObservationRow[]): Map<Jurisdiction, number> {
    const touched = new Map<Jurisdiction, number>();
    const values = new Float64Array(speciesOrder.length);
    for (const row of rows) {
      speciesOrder.forEach((species, column) => {
        const value = row.values[species];
        const flagged = (row.flags[species]?.length ?? 0) > 0;
        values[column] = value === null || flagged ? Number.NaN : value;
      });
      let columns = this.stationColumns.get(row.station);
      if (!columns) {
        columns = new HourColumns();
        this.stationColumns.set(row.station, columns);
      }
      columns.set(row.time, values);
      const unitId = this.stations.get(row.station)?.unitId;
      if (!unitId) continue;
      this.markDirty(unitId, row.time);
      const jurisdiction = jurisdictionOfUnit.get(unitId);
      if (jurisdiction) touched.set(jurisdiction, Math.max(touched.get(jurisdiction) ?? row.time, row.time));
    }
    return touched;
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

  markDirty(unitId: string, hour: number): void {
    const hours = this.dirtyHours.get(unitId) ?? new Set<number>();
    hours.add(hour);
    this.dirtyHours.set(unitId, hours);
  }

  /** Recomputes the unit means of every dirty hour and drops the D(t) windows they touch. */
  flush(): void {
    for (const [unitId, hours] of this.dirtyHours) {
      const stationIds = this.unitStations.get(unitId) ?? [];
      const columns = this.unitColumnsOf(unitId);
      const windows = this.windowsOf(unitId);
      for (const hour of hours) {
        const means = unitHourlyMeans(
          stationIds.map((id) => {
            const station = this.stationColumns.get(id);
            return speciesOrder.map((_, column) => station?.get(hour, column) ?? Number.NaN);
          }),
        ).values;
        columns.set(hour, means);
        windows.invalidate(hour);
      }
    }
    this.dirtyHours.clear();
  }

  unitColumnsOf(unitId: string): HourColumns {
    let columns = this.unitColumns.get(unitId);
    if (!columns) {
      columns = new HourColumns();
      this.unitColumns.set(unitId, columns);
    }
    return columns;
  }

  windowsOf(unitId: string): WindowCache {
    let windows = this.unitWindows.get(unitId);
    if (!windows) {
      windows = new WindowCache(this.unitColumnsOf(unitId));
      this.unitWindows.set(unitId, windows);
    }
    return windows;
  }
}
