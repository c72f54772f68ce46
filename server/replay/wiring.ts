import { parseInstant } from '../../shared/time';
import type { Engine } from '../engine';
import type { Ingest } from '../ingest/service';
import type { ReplayIngest } from './replay';

/** Audit actor and row source of everything the replay writes. */
export const replayActor = 'replay';

/** The replay's writes go through the core's ingest service, the one the HTTP endpoints call. */
export function replayIngestFor(ingest: Ingest, engine: Engine): ReplayIngest {
  return {
    stations: (rows) => ingest.stations(rows, { actor: replayActor, action: 'stations.replay' }),
    observations: (body) => {
      const result = ingest.observations(body.observations, { actor: replayActor, source: replayActor });
      // A later loop re-sends identical hours, which the store leaves unchanged: the clock still follows them.
      engine.received(
        body.observations.map((row) => ({ station: row.station, time: parseInstant(row.time) })),
      );
      return result;
    },
    forecasts: (body) => ingest.forecasts(body, { actor: replayActor }),
    restart: (jurisdiction) => engine.restartDataClock(jurisdiction),
  };
}
