import type { Logger } from 'pino';
import { toBeijingIso } from '../../shared/time';
import type { ForecastRow, ObservationRow, StationRow, Store } from '../store/types';
import { type ForecastIssue, ingestForecasts } from './forecasts';
import { ingestObservations, type ObservationBatch } from './observations';
import { RecentRows } from './recent-rows';
import { accepted, type IngestResult } from './result';
import { type StationPlaces, stationFromInput, stationsFromCsv } from './stations';

/** What the engine wants to hear after a write (server/engine: engine.ingested / stationsChanged). */
export type IngestListener = {
  ingested(batch: { observations?: readonly ObservationRow[]; forecasts?: readonly ForecastRow[] }): void;
  stationsChanged(): void;
  /** Every accepted station-hour, changed or not (the data clock follows re-sent hours too). */
  received?(rows: readonly { station: string; time: number }[]): void;
};

type Caller = { actor: string; source: string };
type IngestReceived = readonly { station: string; time: number }[];

/**
 * The one ingest path for HTTP feeders and the replay: validate, store with its audit entry in one
 * transaction, then tell the engine. `actor` names the caller in the audit log; `source` labels the rows.
 * Every method returns a typed result; a refusal wrote nothing (the transport maps it to a status).
 * `places` finds a station's unit in the boundaries in force, and checks a unit given for it.
 */
export function createIngest(store: Store, logger: Logger, places: StationPlaces) {
  let listener: IngestListener | null = null;
  const recent = new RecentRows(store);
  /** Each registered station's unit, read once after every station write (ingest is their only writer). */
  let stationUnits: Map<string, string | null> | null = null;
  const knownStations = () => {
    stationUnits ??= new Map(store.stations().map((station) => [station.id, station.unitId]));
    return stationUnits;
  };

  /**
   * The engine hears a committed write once the caller's synchronous work is done: after an HTTP handler
   * has written its acknowledgement, before anything else (a microtask: no other request, timer or tick comes
   * between, and the tick scheduled then runs as soon as before). Its cost is the tick's, not the request's.
   */
  function tell(observationRows: readonly ObservationRow[], received: IngestReceived): void {
    queueMicrotask(() => {
      try {
        if (observationRows.length > 0) listener?.ingested({ observations: observationRows });
        listener?.received?.(received);
      } catch (error) {
        logger.error({ problem: (error as Error).message }, 'engine failed to take committed observations');
      }
    });
  }

  /** Rows as JSON objects (the replay), or a batch already read from a request (server/http). */
  function observations(rows: readonly unknown[] | ObservationBatch, caller: Caller) {
    const now = Date.now();
    const context = { knownStations: knownStations(), recent };
    const result = store.transaction(() => {
      const written = ingestObservations(store, rows, caller.source, now, context);
      // An unchanged re-send writes nothing, so it leaves no audit entry (the replay loops over its data).
      if (!written.ok || written.value.changed.length === 0) return written;
      const value = written.value;
      store.appendAudit({
        at: now,
        actor: caller.actor,
        action: 'observations.ingest',
        detail: {
          source: caller.source,
          accepted: value.accepted,
          inserted: value.inserted,
          replaced: value.replaced,
          flagged: value.flagged.length,
          reflaggedEarlier: value.changed.length - (value.accepted - value.unchanged),
        },
      });
      return written;
    });
    if (!result.ok) return result;
    recent.written(result.value.changed);
    tell(result.value.changed, result.value.received);
    logger.debug({ actor: caller.actor, accepted: result.value.accepted }, 'observations ingested');
    return result;
  }

  function stations(rows: readonly StationRow[], caller: { actor: string; action: string }): void {
    stationUnits = null;
    store.transaction(() => {
      store.upsertStations(rows);
      store.appendAudit({
        at: Date.now(),
        actor: caller.actor,
        action: caller.action,
        detail: { stations: rows.map((row) => ({ id: row.id, unitId: row.unitId })) },
      });
    });
    listener?.stationsChanged();
  }

  return {
    /** The unit of every registered station (the jurisdiction check of a request, before it is validated). */
    stationUnits: knownStations as () => ReadonlyMap<string, string | null>,
    listen(next: IngestListener | null): void {
      listener = next;
    },
    observations,
    /** One forecast issue, read by forecastsFromJson or forecastsFromCsv. */
    forecasts(issue: ForecastIssue, caller: { actor: string }) {
      const now = Date.now();
      const result = store.transaction(() => {
        const written = ingestForecasts(store, issue, now);
        if (!written.ok || written.value.written === 0) return written;
        store.appendAudit({
          at: now,
          actor: caller.actor,
          action: 'forecasts.ingest',
          detail: {
            source: issue.source,
            issuedAt: toBeijingIso(issue.issuedAt),
            accepted: written.value.accepted,
            superseded: written.value.superseded,
          },
        });
        return written;
      });
      if (result.ok && result.value.standing.length > 0)
        listener?.ingested({ forecasts: result.value.standing });
      return result;
    },
    stations,
    /** Stations were written elsewhere (a boundary import moved them): read their units again. */
    stationsRewritten(): void {
      stationUnits = null;
    },
    /**
     * PUT /api/stations/:id: registers or moves one station. `authorize` sees the located station before
     * anything is written and throws to refuse it (the caller's prefecture).
     */
    putStation(
      id: unknown,
      body: unknown,
      caller: { actor: string },
      authorize: (stations: readonly StationRow[]) => void,
    ): IngestResult<StationRow> {
      const station = stationFromInput(id, body, places);
      if (!station.ok) return station;
      authorize([station.value]);
      stations([station.value], { actor: caller.actor, action: 'station.put' });
      return station;
    },
    /** POST /api/stations/import: a station list as CSV, all or nothing; `authorize` as for putStation. */
    importStations(
      text: string,
      caller: { actor: string },
      authorize: (stations: readonly StationRow[]) => void,
    ): IngestResult<StationRow[]> {
      const rows = stationsFromCsv(text, places);
      if (!rows.ok) return rows;
      authorize(rows.value);
      stations(rows.value, { actor: caller.actor, action: 'stations.import' });
      return accepted(rows.value);
    },
  };
}
export type Ingest = ReturnType<typeof createIngest>;
