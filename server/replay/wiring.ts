import type { Engine } from '../engine';
import { forecastsFromJson } from '../ingest/forecasts';
import type { IngestResult } from '../ingest/result';
import type { Ingest } from '../ingest/service';
import type { Store } from '../store/types';
import { startExercise } from '../warnings/exercise';
import type { ReplayIngest } from './replay';

/** Audit actor and row source of everything the replay writes. */
export const replayActor = 'replay';

/** The replay's own data is valid: a refusal stops the replay, named. */
function succeeded(result: IngestResult<unknown>): void {
  if (!result.ok) throw new Error(`replay data refused: ${JSON.stringify(result.refusal)}`);
}

/** The replay's writes go through the core's ingest service, the one the HTTP endpoints call. */
export function replayIngestFor(ingest: Ingest, engine: Engine, store: Store): ReplayIngest {
  return {
    stations: (rows) => ingest.stations(rows, { actor: replayActor, action: 'stations.replay' }),
    // The ingest service tells the engine every station-hour received, so a later loop's identical
    // hours still move the data clock (engine.received).
    observations: (body) =>
      succeeded(ingest.observations(body.observations, { actor: replayActor, source: replayActor })),
    forecasts: (body) => {
      const issue = forecastsFromJson(body);
      succeeded(issue.ok ? ingest.forecasts(issue.value, { actor: replayActor }) : issue);
    },
    // Each pass of an episode is a new exercise: its clock starts before the last pass's warnings.
    restart: (jurisdiction) => {
      startExercise(store, jurisdiction, replayActor, Date.now());
      engine.restartDataClock(jurisdiction);
    },
  };
}
