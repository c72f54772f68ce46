import { units } from '../../geo/units';
import { type Species, StationWindows, speciesOrder, WindowMemory } from '../../shared/aqi';
import { HOUR } from '../../shared/time';
import type { Jurisdiction } from '../../shared/units/schema';
import { type ForecastRow, type ObservationRow, rowsByStation, type StationRow } from '../store/types';
import { ForecastBook } from './forecasts';
import { HourColumns, HourGroups } from './hour-columns';
import { historyHours } from './unit-series';

const jurisdictionOfUnit = new Map(units.map((unit) => [unit.id, unit.jurisdiction] as const));
const speciesCount = speciesOrder.length;
/** The live windows keep ten days: the week the engine looks back with the day before it, and room. */
export const liveHours = 10 * 24;
/** A past state reads the engine's look-back and the day before its first window (O3 8 h included). */
const pastUnitHours = historyHours + 48;
/** A station's past: the side panel's 72 h and the day before. */
const pastStationHours = 72 + 48;
/** Stations rebuilt together, hour by hour: as many as share a block of WindowMemory. */
const rebuildBatch = 32;

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

/** A station's live memory: its stored hours, its live windows (null until it sends an hour) and its unit. */
type LiveStation = {
  hours: HourColumns;
  windows: StationWindows | null;
  unit: LiveUnit | null;
  /** Written since the last flush. */
  pending: boolean;
  /** The addObservations call that last wrote it: a batch with one row per station needs no grouping. */
  batch: number;
  /** The recomputeAll that last rebuilt it. */
  rebuilt: number;
};

/** A unit's live windows, its stations' stored hours (in unitStations order) and the hours to rewrite. */
type LiveUnit = {
  id: string;
  jurisdiction: Jurisdiction | null;
  windows: StationWindows;
  members: (LiveStation | undefined)[];
  /** EngineData.membership when members was gathered. */
  membersOf: number;
  dirty: number[];
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
  private readonly liveStations = new Map<string, LiveStation>();
  private readonly liveUnits = new Map<string, LiveUnit>();
  /** Units with hours to rewrite before the next state, and station windows to bring up to date. */
  private readonly dirtyUnits: LiveUnit[] = [];
  private readonly dirtyStations: LiveStation[] = [];
  /** Bumped when a unit's stations or a station's stored hours appear, so units gather their members again. */
  private membership = 0;
  private batch = 0;
  /** Counts recomputeAll calls (LiveStation.rebuilt). */
  private rebuilt = 0;
  /** The stations of the rows of the batch being taken, in row order (one map lookup per row). */
  private readonly batchStations: LiveStation[] = [];
  /** The live windows' records, hour-major: stations beside stations, units beside units. */
  private readonly stationMemory = new WindowMemory(liveHours);
  private readonly unitMemory = new WindowMemory(liveHours);
  /** The stations' stored hours, an hour of 32 stations side by side. */
  private readonly hourGroups = new HourGroups();
  private readonly row = new Float64Array(speciesCount);
  private gathered = new Float64Array(speciesCount * 8);
  /** The windows a flush brings up to date together (StationWindows.flushAll). */
  private readonly flushing: StationWindows[] = [];

  setStations(rows: readonly StationRow[]): void {
    // A station that moved to another unit (or arrived with hours already held) changes both units' means.
    const moved = new Set<string>();
    for (const row of rows) {
      const before = this.stations.get(row.id)?.unitId ?? null;
      if (before === row.unitId || !this.stationHours.has(row.id)) continue;
      if (before) moved.add(before);
      if (row.unitId) moved.add(row.unitId);
    }
    this.flush();
    this.stations.clear();
    this.unitStations.clear();
    for (const row of rows) {
      this.stations.set(row.id, row);
      if (!row.unitId) continue;
      const list = this.unitStations.get(row.unitId) ?? [];
      list.push(row.id);
      this.unitStations.set(row.unitId, list);
    }
    this.membership += 1;
    for (const [id, station] of this.liveStations) station.unit = this.unitOfStation(id);
    this.rebuildUnits([...moved]);
  }

  jurisdictionOfStation(id: string): Jurisdiction | null {
    const unitId = this.stations.get(id)?.unitId;
    return unitId ? (jurisdictionOfUnit.get(unitId) ?? null) : null;
  }

  /**
   * Records station-hours; returns the jurisdictions touched with the newest hour seen in each. A batch with
   * one row per station (an hourly request) is taken in order; otherwise a station at a time (each station's
   * hours lie together in memory; a bulk request is hour-major).
   */
  addObservations(rows: readonly ObservationRow[]): Map<Jurisdiction, number> {
    const touched = new Map<Jurisdiction, number>();
    this.batch += 1;
    let repeated = false;
    const inOrder = this.batchStations;
    inOrder.length = 0;
    for (let index = 0; index < rows.length && !repeated; index += 1) {
      const station = this.liveStation(rows[index]!.station);
      repeated = station.batch === this.batch;
      station.batch = this.batch;
      inOrder.push(station);
    }
    if (!repeated) {
      for (let index = 0; index < rows.length; index += 1) {
        const row = rows[index]!;
        const station = inOrder[index]!;
        this.addStationHours(station, rows, index, index + 1);
        noteTouched(touched, station.unit, row.time);
      }
      return touched;
    }
    for (const [id, stationRows] of rowsByStation(rows)) {
      const station = this.liveStation(id);
      const newest = this.addStationHours(station, stationRows, 0, stationRows.length);
      noteTouched(touched, station.unit, newest);
    }
    return touched;
  }

  /** Rows from … to of one station: stored, written to its windows, and its unit's hours marked for the next flush. */
  private addStationHours(
    station: LiveStation,
    rows: readonly ObservationRow[],
    from: number,
    to: number,
  ): number {
    let windows = station.windows;
    if (!windows) {
      windows = this.newStationWindows();
      station.windows = windows;
    }
    const { hours, unit } = station;
    const values = this.row;
    let newest = Number.NEGATIVE_INFINITY;
    for (let index = from; index < to; index += 1) {
      const row = rows[index]!;
      readValues(row, values);
      hours.set(row.time, values);
      windows.write(row.time, values);
      if (unit) this.markUnitHour(unit, row.time);
      if (row.time > newest) newest = row.time;
    }
    if (!station.pending) {
      station.pending = true;
      this.dirtyStations.push(station);
    }
    return newest;
  }

  /** Keeps a stored station-hour (flagged values NaN) in the history only; recomputeAll follows (start-up). */
  storeHour(station: string, time: number, values: Float64Array): void {
    this.liveStation(station).hours.set(time, values);
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
    for (const station of this.dirtyStations) station.pending = false;
    this.dirtyStations.length = 0;
    for (const unit of this.dirtyUnits) unit.dirty.length = 0;
    this.dirtyUnits.length = 0;
    this.rebuilt += 1;
    // Units in turn, each right after its stations (32 stations at a time, written hour by hour): the
    // units' means read the records just written, still in cache, not every station's ten days from memory
    // again after all stations are done.
    const batch: LiveStation[] = [];
    const unitsAfter: string[] = [];
    for (const unitId of this.unitStations.keys()) {
      for (const station of this.membersOf(this.liveUnit(unitId)))
        if (station && station.rebuilt !== this.rebuilt) {
          station.rebuilt = this.rebuilt;
          batch.push(station);
        }
      unitsAfter.push(unitId);
      if (batch.length < rebuildBatch) continue;
      this.rebuildStations(batch);
      this.rebuildUnits(unitsAfter);
      batch.length = 0;
      unitsAfter.length = 0;
    }
    this.rebuildStations(batch);
    this.rebuildUnits(unitsAfter);
    batch.length = 0;
    for (const station of this.liveStations.values()) {
      if (station.rebuilt === this.rebuilt) continue;
      station.rebuilt = this.rebuilt;
      batch.push(station);
      if (batch.length < rebuildBatch) continue;
      this.rebuildStations(batch);
      batch.length = 0;
    }
    this.rebuildStations(batch);
  }

  /** Stations' live windows from their stored hours: the ten days before each one's newest hour. */
  private rebuildStations(stations: readonly LiveStation[]): void {
    const windows: StationWindows[] = [];
    const firsts: number[] = [];
    const offsets: number[] = [];
    const sources: HourColumns[] = [];
    const run = this.gatherBuffer(stations.length * liveHours * speciesCount);
    for (const station of stations) {
      const { hours } = station;
      const live = station.windows ?? this.newStationWindows();
      station.windows = live;
      live.clear();
      if (hours.newest === null) continue;
      const first = hours.newest - (liveHours - 1) * HOUR;
      offsets.push(windows.length * liveHours * speciesCount);
      sources.push(hours);
      windows.push(live);
      firsts.push(first);
    }
    // Hour by hour too: an hour of 32 stations' stored values lies side by side (HourGroups), where one
    // station's hours are 1.5 kB apart.
    for (let hour = 0; hour < liveHours; hour += 1)
      for (let index = 0; index < windows.length; index += 1)
        sources[index]!.read(firsts[index]! + hour * HOUR, run, offsets[index]! + hour * speciesCount);
    StationWindows.writeRuns(windows, firsts, liveHours, run, offsets, speciesCount);
    // The state reads a station's newest hour; its side panel's earlier hours are computed when asked.
    for (let index = 0; index < windows.length; index += 1)
      windows[index]!.flushFrom(firsts[index]! + (liveHours - 1) * HOUR);
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
    const flushing = this.flushing;
    for (const station of this.dirtyStations) {
      station.pending = false;
      if (station.windows) flushing.push(station.windows);
    }
    this.dirtyStations.length = 0;
    StationWindows.flushAll(flushing);
    flushing.length = 0;
    for (const unit of this.dirtyUnits) {
      const { dirty, windows } = unit;
      if (dirty.length > 1) dirty.sort((a, b) => a - b);
      for (let index = 0; index < dirty.length; index += 1) {
        if (index > 0 && dirty[index] === dirty[index - 1]) continue;
        this.writeUnitHour(windows, unit, dirty[index]!);
      }
      dirty.length = 0;
      flushing.push(windows);
    }
    this.dirtyUnits.length = 0;
    StationWindows.flushAll(flushing);
    flushing.length = 0;
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
    return new LiveView(now, this);
  }

  /** A unit's live windows (made empty for a unit without data). */
  liveUnitWindows(unitId: string): StationWindows {
    return this.liveUnit(unitId).windows;
  }

  /** A station's live windows, or null for a station that never sent an hour. */
  liveStationWindows(id: string): StationWindows | null {
    return this.liveStations.get(id)?.windows ?? null;
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
            this.writeUnitHour(windows, this.liveUnit(id), hour);
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

  private liveStation(id: string): LiveStation {
    let station = this.liveStations.get(id);
    if (!station) {
      const hours = new HourColumns(this.hourGroups);
      this.stationHours.set(id, hours);
      station = { hours, windows: null, unit: this.unitOfStation(id), pending: false, batch: 0, rebuilt: 0 };
      this.liveStations.set(id, station);
      this.membership += 1;
    }
    return station;
  }

  private unitOfStation(id: string): LiveUnit | null {
    const unitId = this.stations.get(id)?.unitId;
    return unitId ? this.liveUnit(unitId) : null;
  }

  private liveUnit(unitId: string): LiveUnit {
    let unit = this.liveUnits.get(unitId);
    if (!unit) {
      unit = {
        id: unitId,
        jurisdiction: jurisdictionOfUnit.get(unitId) ?? null,
        windows: new StationWindows({ memory: this.unitMemory }),
        members: [],
        membersOf: -1,
        dirty: [],
      };
      this.liveUnits.set(unitId, unit);
    }
    return unit;
  }

  private markUnitHour(unit: LiveUnit, hour: number): void {
    const { dirty } = unit;
    if (dirty.length === 0) this.dirtyUnits.push(unit);
    else if (dirty[dirty.length - 1] === hour) return;
    dirty.push(hour);
  }

  /**
   * Writes a unit's hour: its stations' values, averaged exactly by the windows. Taken as the exact ticks
   * the stations' live windows already hold (issue 17.3: beside each other in memory, nothing converted
   * again); the stored values when a station's windows cannot say (an hour older than they keep, an
   * inexact value). A station's live windows hold every hour it sent within their range: addStationHours
   * writes both, recomputeAll rebuilds them from the stored hours.
   */
  private writeUnitHour(windows: StationWindows, unit: LiveUnit, hour: number): void {
    const members = this.membersOf(unit);
    const gathered = this.gatherBuffer(members.length * speciesCount);
    let held = true;
    for (let index = 0; index < members.length && held; index += 1) {
      const station = members[index];
      if (!station) gathered.fill(Number.NaN, index * speciesCount, (index + 1) * speciesCount);
      else held = station.windows?.ticksAt(hour, gathered, index * speciesCount) ?? false;
    }
    if (held) {
      windows.writeMeanTicks(hour, gathered, members.length);
      return;
    }
    for (let index = 0; index < members.length; index += 1) {
      const hours = members[index]?.hours;
      if (hours) hours.read(hour, gathered, index * speciesCount);
      else gathered.fill(Number.NaN, index * speciesCount, (index + 1) * speciesCount);
    }
    windows.writeMean(hour, gathered, members.length);
  }

  /**
   * A station's live windows: the state reads every station's real-time AQI each hour and its daily reports
   * only in a side panel, so their O3 daily maxima are found when read (a unit's are read every hour).
   */
  private newStationWindows(): StationWindows {
    return new StationWindows({ memory: this.stationMemory, ozoneMaximaWhenRead: true });
  }

  /** The gathering buffer, at least `length` long. */
  private gatherBuffer(length: number): Float64Array {
    if (this.gathered.length < length) this.gathered = new Float64Array(length * 2);
    return this.gathered;
  }

  /** A unit's stations, in unitStations order (undefined: a station without hours). */
  private membersOf(unit: LiveUnit): (LiveStation | undefined)[] {
    if (unit.membersOf !== this.membership) {
      unit.members = (this.unitStations.get(unit.id) ?? []).map((id) => this.liveStations.get(id));
      unit.membersOf = this.membership;
    }
    return unit.members;
  }

  /**
   * Units' live windows from scratch (after their stations' recompute, or one of their stations moved in or
   * out): each unit's ten days of means, from the exact ticks its stations' live windows hold (rebuilt
   * first), or from their stored values where the windows cannot say.
   */
  private rebuildUnits(unitIds: readonly string[]): void {
    const units: LiveUnit[] = [];
    const firsts: number[] = [];
    const offsets: number[] = [];
    const held: boolean[] = [];
    let length = 0;
    for (const unitId of unitIds) {
      const unit = this.liveUnit(unitId);
      unit.windows.clear();
      unit.dirty.length = 0;
      const members = this.membersOf(unit);
      let newest: number | null = null;
      for (const station of members) {
        const hour = station?.hours.newest ?? null;
        if (hour !== null && (newest === null || hour > newest)) newest = hour;
      }
      if (newest === null) continue;
      units.push(unit);
      firsts.push(newest - (liveHours - 1) * HOUR);
      offsets.push(length);
      held.push(true);
      length += liveHours * members.length * speciesCount;
    }
    const run = this.gatherBuffer(length);
    // Hour by hour across the units: their stations' records of one hour lie side by side (WindowMemory).
    for (let hour = 0; hour < liveHours; hour += 1)
      for (let index = 0; index < units.length; index += 1) {
        const members = this.membersOf(units[index]!);
        const hourEnd = firsts[index]! + hour * HOUR;
        let at = offsets[index]! + hour * members.length * speciesCount;
        for (let member = 0; member < members.length && held[index]; member += 1, at += speciesCount) {
          const station = members[member];
          if (station) held[index] = station.windows?.ticksAt(hourEnd, run, at) ?? false;
          else run.fill(Number.NaN, at, at + speciesCount);
        }
      }
    for (let index = 0; index < units.length; index += 1) {
      const { windows } = units[index]!;
      const members = this.membersOf(units[index]!);
      const perHour = members.length * speciesCount;
      const first = firsts[index]!;
      const offset = offsets[index]!;
      if (held[index]) windows.writeMeanTicksRun(first, liveHours, run, members.length, offset);
      else {
        for (let member = 0; member < members.length; member += 1) {
          const at = offset + member * speciesCount;
          const hours = members[member]?.hours;
          if (hours) hours.readRange(first, liveHours, run, at, perHour);
          else
            for (let hour = 0; hour < liveHours; hour += 1)
              run.fill(Number.NaN, at + hour * perHour, at + hour * perHour + speciesCount);
        }
        for (let hour = 0; hour < liveHours; hour += 1)
          windows.writeMean(first + hour * HOUR, run, members.length, offset + hour * perHour);
      }
      // The state reads a unit's daily windows over the engine's look-back (unit-series.ts): rated now, while
      // the slide's records are in cache.
      const newest = first + (liveHours - 1) * HOUR;
      windows.flushFrom(newest - historyHours * HOUR);
      windows.rate(newest - historyHours * HOUR, newest, 'daily');
    }
  }
}

/**
 * The live windows moved on to now as they are read (a clock past the last data still has windows). Windows
 * already past now (a replay loop set the data clock back, to an earlier pass or an older episode) are
 * rebuilt up to now from the stored hours, as for a past state: the live ones keep only the ten days before
 * their newest hour, and the state at now reads nothing after it.
 */
class LiveView implements WindowsView {
  private behind: WindowsView | null = null;

  constructor(
    readonly now: number,
    private readonly data: EngineData,
  ) {}

  unit(id: string): StationWindows {
    return this.onTo(this.data.liveUnitWindows(id)) ?? this.past().unit(id);
  }

  station(id: string): StationWindows | null {
    const windows = this.data.liveStationWindows(id);
    if (!windows) return null;
    return this.onTo(windows) ?? this.past().station(id);
  }

  /** The windows moved on to now, or null when they are already past it. */
  private onTo(windows: StationWindows): StationWindows | null {
    const newest = windows.newestHour;
    if (newest === null) return windows;
    if (newest > this.now) return null;
    if (newest < this.now) windows.extendTo(this.now);
    return windows;
  }

  private past(): WindowsView {
    this.behind ??= this.data.pastView(this.now);
    return this.behind;
  }
}

function noteTouched(touched: Map<Jurisdiction, number>, unit: LiveUnit | null, hour: number): void {
  const jurisdiction = unit?.jurisdiction;
  if (!jurisdiction) return;
  const before = touched.get(jurisdiction);
  if (before === undefined || hour > before) touched.set(jurisdiction, hour);
}
