/**
 * The replay (issue 6): the bundled 2019 episodes, simulated stations and replay forecasts, fed through the
 * ingest path in a loop.
 *
 *   startReplay(ingest: ReplayIngest, settings) → { stations, running, stop() }
 *   replaySettingsFromEnvironment(process.env) → { speed (REPLAY_SPEED h/s, default 2), warmupHours }
 *   ReplayIngest = { stations(rows), observations(body), forecasts(body), restart(jurisdiction) }
 *     bodies are the JSON bodies of POST /api/observations and POST /api/forecasts
 *   replayIngestFor(ingest, engine) → ReplayIngest over the core's ingest service (server/ingest/service.ts)
 */
export { replayForecastSource } from './forecaster';
export {
  type ObservationPayload,
  type ReplayIngest,
  type ReplaySettings,
  replaySettingsFromEnvironment,
  startReplay,
} from './replay';
export { simulatedSites, simulatedStations } from './simulated';
export { replayActor, replayIngestFor } from './wiring';
