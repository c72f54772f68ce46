import type { Logger } from 'pino';
import { toBeijingIso } from '../../shared/time';
import { parseOr400 } from '../http/errors';
import type { ForecastRow, ObservationRow, StationRow, Store } from '../store/types';
import { forecastBodySchema, ingestForecasts } from './forecasts';
import { ingestObservations, observationBodySchema } from './observations';

/** What the engine wants to hear after a write (server/engine: engine.ingested / stationsChanged). */
export type IngestListener = {
  ingested(batch: { observations?: readonly ObservationRow[]; forecasts?: readonly ForecastRow[] }): void;
  stationsChanged(): void;
  /** Every accepted station-hour, changed or not (the data clock follows re-sent hours too). */
  received?(rows: readonly { station: string; time: number }[]): void;
};

/**
 * The one ingest path for HTTP feeders and the replay: validate, store with its audit entry in one
 * transaction, then tell the engine. `actor` names the caller in the audit log; `source` labels the rows.
 */
export function createIngest(store: Store, logger: Logger) {
  let listener: IngestListener | null = null;
  return {
    listen(next: IngestListener | null): void {
      listener = next;
    },
    observations(rows: readonly unknown[], caller: { actor: string; source: string }) {
      const now = Date.now();
      const result = store.transaction(() => {
        const written = ingestObservations(store, rows, caller.source, now);
        // An unchanged re-send writes nothing, so it leaves no audit entry (the replay loops over its data).
        if (written.changed.length === 0) return written;
        store.appendAudit({
          at: now,
          actor: caller.actor,
          action: 'observations.ingest',
          detail: {
            source: caller.source,
            accepted: written.accepted,
            inserted: written.inserted,
            replaced: written.replaced,
            flagged: written.flagged.length,
            reflaggedEarlier: written.changed.length - (written.accepted - written.unchanged),
          },
        });
        return written;
      });
      if (result.changed.length > 0) listener?.ingested({ observations: result.changed });
      listener?.received?.(result.received);
      logger.debug({ actor: caller.actor, accepted: result.accepted }, 'observations ingested');
      return result;
    },
    forecasts(body: unknown, caller: { actor: string }) {
      const parsed = parseOr400(forecastBodySchema, body, 'forecast issue');
      const now = Date.now();
      const result = store.transaction(() => {
        const written = ingestForecasts(store, parsed, now);
        if (written.written === 0) return written;
        store.appendAudit({
          at: now,
          actor: caller.actor,
          action: 'forecasts.ingest',
          detail: {
            source: parsed.source,
            issuedAt: toBeijingIso(parsed.issuedAt),
            accepted: written.accepted,
            superseded: written.superseded,
          },
        });
        return written;
      });
      if (result.standing.length > 0) listener?.ingested({ forecasts: result.standing });
      return result;
    },
    stations(rows: readonly StationRow[], caller: { actor: string; action: string }) {
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
    },
  };
}
export type Ingest = ReturnType<typeof createIngest>;

/** The body of POST /api/observations as JSON: `{ observations: [...] }`. */
export function observationRowsOfJson(body: unknown): unknown[] {
  return parseOr400(observationBodySchema, body, 'observations body').observations;
}
