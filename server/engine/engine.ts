import { defaultAdjacency } from '../../geo/adjacency';
import type { ComplianceFlag } from '../../shared/rules';
import type { AdjacencyGraph, ExternalRegionalWarning } from '../../shared/rules/regions';
import type {
  JurisdictionState,
  RegionState,
  SeriesState,
  StationState,
  TimelineState,
  UnitState,
  WarningState,
} from '../../shared/state/schema';
import { HOUR } from '../../shared/time';
import type { Jurisdiction } from '../../shared/units/schema';
import type { ForecastRow, ObservationRow, Store, StoredEvent } from '../store/types';
import { bookOf } from '../warnings/book';
import { changedRows, ifChanged } from './changes';
import { EngineData } from './data';
import { createFaults } from './faults';
import { forecastHorizon, forecastState } from './forecast-state';
import { jurisdictionState, type NowEvaluation } from './jurisdiction-state';
import { stationSeriesState, unitSeriesState } from './series';

export type EngineOptions = {
  store: Store;
  /** wall: now is the current hour; data: now is the end of the newest hour received (issue 6, Clock). */
  clock: 'wall' | 'data';
  /** The wall clock (epoch ms), for tests; defaults to Date.now. */
  now?: () => number;
  /**
   * The unit adjacency graph for Ili's regional rule (3.3.3), or a function giving it per jurisdiction
   * (e.g. after an official boundary import); default: geo's, from the bundled boundaries.
   */
  adjacency?: AdjacencyGraph | ((jurisdiction: Jurisdiction) => AdjacencyGraph);
  /** Where a failed computation or a stored event left out is reported (the server's logger). */
  logError?: (error: unknown, jurisdiction: Jurisdiction) => void;
};

/** What one engine tick changed for a jurisdiction: the rows that differ from the previous tick. */
export type TickChange = {
  jurisdiction: Jurisdiction;
  state: JurisdictionState;
  /** Changed stations and units: the id and the fields that changed. */
  stations: (Partial<StationState> & { id: string })[];
  units: (Partial<UnitState> & { id: string })[];
  /** Present only when they changed. */
  regions: RegionState[] | undefined;
  warnings: WarningState[] | undefined;
  nowChanged: boolean;
  events: unknown[];
};

export type Engine = ReturnType<typeof createEngine>;

const jurisdictions: readonly Jurisdiction[] = ['ili', 'kizilsu'];
/** The national network's real-time hourly publication began in 2013: nothing older is loaded. */
const loadFrom = Date.parse('2013-01-01T00:00:00+08:00');

/**
 * The engine: keeps station hours and unit means in memory, recomputes what an ingest touched, and once per
 * tick (coalescing every ingest of the same turn of the event loop) grades each touched jurisdiction.
 */
export function createEngine(options: EngineOptions) {
  const { store } = options;
  const wallNow = options.now ?? Date.now;
  const faults = createFaults(options.logError ?? (() => {}));
  const data = new EngineData();
  const dataClock = new Map<Jurisdiction, number>();
  /** Each jurisdiction's state at now and what it was computed from (the forecast hours reuse it). */
  const evaluations = new Map<Jurisdiction, NowEvaluation>();
  const compliance = new Map<Jurisdiction, ComplianceFlag[]>();
  const pendingEvents = new Map<Jurisdiction, unknown[]>();
  const dirty = new Set<Jurisdiction>();
  const listeners = new Set<(change: TickChange) => void>();
  let externalWarning: ExternalRegionalWarning | null = null;
  let scheduled: Promise<void> | null = null;
  let lastWallHour = Math.floor(wallNow() / HOUR) * HOUR;

  function adjacencyOf(jurisdiction: Jurisdiction): AdjacencyGraph {
    const given = options.adjacency;
    if (!given) return defaultAdjacency(jurisdiction);
    return typeof given === 'function' ? given(jurisdiction) : given;
  }

  function nowOf(jurisdiction: Jurisdiction): number {
    const wall = Math.floor(wallNow() / HOUR) * HOUR;
    return options.clock === 'data' ? (dataClock.get(jurisdiction) ?? wall) : wall;
  }

  function compute(jurisdiction: Jurisdiction, now: number, past = false) {
    return jurisdictionState(
      jurisdiction,
      {
        data,
        view: past ? data.pastView(now) : data.liveView(now),
        // Every event for the live state, those up to the past hour for a past one.
        book: bookOf(store, jurisdiction, past ? now : null, (stored, problem) =>
          faults.leftOut(jurisdiction, stored, problem),
        ),
        adjacency: adjacencyOf(jurisdiction),
        externalWarning,
        previousCompliance: past ? [] : (compliance.get(jurisdiction) ?? []),
      },
      now,
    );
  }

  function tick(): void {
    scheduled = null;
    data.flush();
    for (const jurisdiction of [...dirty]) {
      dirty.delete(jurisdiction);
      faults.guard(jurisdiction, () => tickJurisdiction(jurisdiction));
    }
  }

  function tickJurisdiction(jurisdiction: Jurisdiction): void {
    const previous = evaluations.get(jurisdiction)?.state;
    const next = compute(jurisdiction, nowOf(jurisdiction));
    evaluations.set(jurisdiction, next.evaluation);
    compliance.set(jurisdiction, next.compliance);
    const events = pendingEvents.get(jurisdiction) ?? [];
    pendingEvents.delete(jurisdiction);
    const change: TickChange = {
      jurisdiction,
      state: next.state,
      stations: changedRows(previous?.stations, next.state.stations),
      units: changedRows(previous?.units, next.state.units),
      regions: ifChanged(previous?.regions, next.state.regions),
      warnings: ifChanged(previous?.warnings, next.state.warnings),
      nowChanged: previous?.now !== next.state.now,
      events,
    };
    for (const listener of listeners) listener(change);
  }

  function schedule(jurisdiction: Jurisdiction): void {
    dirty.add(jurisdiction);
    scheduled ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        tick();
        resolve();
      }),
    );
  }

  function ingested(batch: {
    observations?: readonly ObservationRow[];
    forecasts?: readonly ForecastRow[];
  }): void {
    if (batch.observations?.some((row) => !data.stations.has(row.station)))
      data.setStations(store.stations());
    for (const [jurisdiction, newest] of data.addObservations(batch.observations ?? [])) {
      dataClock.set(jurisdiction, Math.max(dataClock.get(jurisdiction) ?? newest, newest));
      schedule(jurisdiction);
    }
    for (const jurisdiction of data.addForecasts(batch.forecasts ?? [])) schedule(jurisdiction);
  }

  /**
   * Station-hours received, changed or not (a replay loop re-sends identical hours): the data clock follows
   * them (issue 6, Clock: "the newest hour received").
   */
  function received(rows: readonly { station: string; time: number }[]): void {
    if (rows.some((row) => !data.stations.has(row.station))) data.setStations(store.stations());
    for (const row of rows) {
      const jurisdiction = data.jurisdictionOfStation(row.station);
      if (!jurisdiction) continue;
      dataClock.set(jurisdiction, Math.max(dataClock.get(jurisdiction) ?? row.time, row.time));
      schedule(jurisdiction);
    }
  }

  /**
   * Loads everything the store holds (at start: restarting loses nothing that was acknowledged), value by
   * value into the stored hours (never as row objects), then rebuilds the live windows once.
   */
  function load(): void {
    data.setStations(store.stations());
    const newest = store.newestObservationTime();
    if (newest !== null)
      store.forEachObservation(loadFrom, newest, (station, time, values) => {
        data.storeHour(station, time, values);
        const jurisdiction = data.jurisdictionOfStation(station);
        if (jurisdiction && time > (dataClock.get(jurisdiction) ?? Number.NEGATIVE_INFINITY))
          dataClock.set(jurisdiction, time);
      });
    data.recomputeAll();
    ingested({ forecasts: store.forecastsFrom(loadFrom) });
    for (const jurisdiction of jurisdictions) schedule(jurisdiction);
  }

  const wallTimer =
    options.clock === 'wall'
      ? setInterval(() => {
          const hour = Math.floor(wallNow() / HOUR) * HOUR;
          if (hour === lastWallHour) return;
          lastWallHour = hour;
          for (const jurisdiction of jurisdictions) schedule(jurisdiction);
        }, 10_000).unref()
      : null;

  /** The evaluation behind the state at now, brought up to date first. */
  function evaluationAtNow(jurisdiction: Jurisdiction): NowEvaluation {
    data.flush();
    if (scheduled || !evaluations.has(jurisdiction)) tick();
    return evaluations.get(jurisdiction) ?? compute(jurisdiction, nowOf(jurisdiction)).evaluation;
  }

  load();

  return {
    ingested,
    received,
    /** Station list changed (PUT /api/stations, CSV import): re-read it; later hours use the new units. */
    stationsChanged(): void {
      data.setStations(store.stations());
      for (const jurisdiction of jurisdictions) schedule(jurisdiction);
    },
    /** Warning events were appended to the log (warning action endpoints): re-fold and send them. */
    eventsAppended(events: readonly StoredEvent[]): void {
      for (const event of events) {
        pendingEvents.set(event.jurisdiction, [...(pendingEvents.get(event.jurisdiction) ?? []), event]);
        schedule(event.jurisdiction);
      }
    },
    /** The autonomous region's regional warning, Kizilsu's floor (Kizilsu plan 3.3.2); null lifts it. */
    setExternalRegionalWarning(warning: ExternalRegionalWarning | null): void {
      externalWarning = warning;
      schedule('kizilsu');
    },
    /**
     * A replay loop starts over: the data clock follows the next hour received, even if earlier, and a
     * decision due in the new pass is due since a time in it, not since one of the pass before.
     */
    restartDataClock(jurisdiction: Jurisdiction): void {
      dataClock.delete(jurisdiction);
      compliance.delete(jurisdiction);
    },
    now: nowOf,
    /** The evaluation behind the state at now (series, regions, cover): the warnings' guards and packets read it. */
    evaluation: evaluationAtNow,
    /** Jurisdictions whose computation failed or whose stored events were left out (GET /api/health). */
    faults: () => faults.list(),
    /**
     * The state at the engine's now, as of a past hour end `at`, or as forecast now for a later `at` up to
     * timeline().forecastEnd (the time slider; the caller checks the bound).
     */
    state(jurisdiction: Jurisdiction, at?: number): JurisdictionState {
      data.flush();
      const now = nowOf(jurisdiction);
      if (at !== undefined && at < now) return compute(jurisdiction, at, true).state;
      const evaluation = evaluationAtNow(jurisdiction);
      return at !== undefined && at > now ? forecastState(evaluation, data.forecasts, at) : evaluation.state;
    },
    /** The hours the time slider reaches: the oldest stored hour to the forecast horizon's end. */
    timeline(jurisdiction: Jurisdiction): TimelineState {
      let oldest: number | null = null;
      for (const [id, hours] of data.stationHours) {
        if (hours.oldest === null || data.jurisdictionOfStation(id) !== jurisdiction) continue;
        oldest = Math.min(oldest ?? hours.oldest, hours.oldest);
      }
      const now = nowOf(jurisdiction);
      return { jurisdiction, oldest, now, forecastEnd: forecastHorizon(evaluationAtNow(jurisdiction)) };
    },
    /**
     * A unit's or station's last 72 h of hourly and daily AQI (and a unit's forecast), at now or a past hour;
     * a forecast hour shows the curve as seen now.
     */
    series(
      jurisdiction: Jurisdiction,
      subject: { kind: 'unit' | 'station'; id: string },
      at?: number,
    ): SeriesState {
      const now = nowOf(jurisdiction);
      const view = at !== undefined && at < now ? data.pastView(at) : data.liveView(now);
      return subject.kind === 'unit'
        ? unitSeriesState(data, view, subject.id)
        : stationSeriesState(view, subject.id);
    },
    /** The jurisdiction a station's unit belongs to, or null (unknown station or no unit). */
    jurisdictionOfStation(id: string): Jurisdiction | null {
      return data.jurisdictionOfStation(id);
    },
    onTick(listener: (change: TickChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Resolves once the pending tick (if any) has run and its changes were sent. */
    async settled(): Promise<void> {
      await scheduled;
    },
    close(): void {
      if (wallTimer) clearInterval(wallTimer);
      listeners.clear();
    },
  };
}
