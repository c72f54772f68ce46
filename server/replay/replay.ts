import { z } from 'zod';
import { BEIJING_OFFSET, toBeijingIso } from '../../shared/time';
import type { Jurisdiction } from '../../shared/units/schema';
import type { StationRow } from '../store/types';
import { type Episode, episodeOrder, loadEpisodes, realStations, type StationHour } from './episodes';
import { createForecaster, type ForecastPayload, issueHourBeijing } from './forecaster';
import { episodeHours } from './simulate-hours';
import { simulatedStations } from './simulated';

/** The replay's settings from the environment (README "Settings"). */
export const replayEnvironmentSchema = z.object({
  /** Replayed hours per second of wall time. */
  REPLAY_SPEED: z.coerce.number().positive().max(10_000).default(2),
  /** Hours of each episode sent at once when it starts, so the 24-hour windows are full from the first tick. */
  REPLAY_WARMUP_HOURS: z.coerce.number().int().min(24).max(240).default(60),
});
export type ReplaySettings = {
  speed: number;
  warmupHours: number;
  /** Episodes per jurisdiction, in play order (default episodeOrder). */
  episodes?: Partial<Record<Jurisdiction, readonly string[]>>;
  /** Start over after the last episode (default true: the replay is the demo's main job). */
  loop?: boolean;
};

export function replaySettingsFromEnvironment(environment: NodeJS.ProcessEnv): ReplaySettings {
  const parsed = replayEnvironmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment:\n  ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n  ')}`,
    );
  }
  return { speed: parsed.data.REPLAY_SPEED, warmupHours: parsed.data.REPLAY_WARMUP_HOURS };
}

export type ObservationPayload = {
  observations: {
    station: string;
    time: string;
    pm25: number | null;
    pm10: number | null;
    so2: number | null;
    no2: number | null;
    co: number | null;
    o3: number | null;
  }[];
};

/**
 * The ingest path the replay feeds: the same functions the HTTP endpoints call (issue 6, "through the
 * same ingest path"), given the request bodies of POST /api/observations and POST /api/forecasts.
 */
export type ReplayIngest = {
  stations(rows: StationRow[]): Promise<void> | void;
  observations(body: ObservationPayload): Promise<unknown> | unknown;
  forecasts(body: ForecastPayload): Promise<unknown> | unknown;
  /** Called when an episode starts over an earlier time: the data clock follows the replay. */
  restart(jurisdiction: Jurisdiction): void;
};

function observationBody(rows: readonly StationHour[]): ObservationPayload {
  return {
    observations: rows.map((row) => ({ station: row.station, time: toBeijingIso(row.time), ...row.values })),
  };
}

function isIssueHour(time: number): boolean {
  return new Date(time + BEIJING_OFFSET).getUTCHours() === issueHourBeijing;
}

type Playback = {
  episode: Episode;
  hours: Map<number, StationHour[]>;
  issue: ReturnType<typeof createForecaster>;
};

/**
 * Replays the bundled 2019 episodes at their real times (so HJ 633-2012 applies), each jurisdiction
 * looping over its episodes: a warm-up batch, then one hour per 1/speed seconds, with the replay office's
 * forecasts at 20:00 every day. Every write goes through `ingest`.
 */
export function startReplay(ingest: ReplayIngest, settings: ReplaySettings) {
  const episodes = loadEpisodes();
  const stations = [...realStations(), ...simulatedStations()];
  const timers = new Set<NodeJS.Timeout>();
  const waiting = new Set<() => void>();
  let stopped = false;
  let failure: unknown = null;

  function playbackOf(id: string): Playback {
    const episode = episodes.get(id);
    if (!episode) throw new Error(`replay episode ${id} is missing from replay-data`);
    const hours = episodeHours(episode);
    return { episode, hours, issue: createForecaster(hours, stations) };
  }

  async function send(playback: Playback, times: readonly number[]): Promise<void> {
    const rows = times.flatMap((time) => playback.hours.get(time) ?? []);
    if (rows.length > 0) await ingest.observations(observationBody(rows));
    const lastIssue = times.filter(isIssueHour).at(-1);
    if (lastIssue !== undefined) await ingest.forecasts(playback.issue(lastIssue, toBeijingIso));
  }

  /** Plays one episode: the warm-up at once, then one batch of hours per tick of the replay clock. */
  async function playEpisode(jurisdiction: Jurisdiction, playback: Playback): Promise<void> {
    const times = [...playback.hours.keys()].sort((a, b) => a - b);
    ingest.restart(jurisdiction);
    await send(playback, times.slice(0, settings.warmupHours));
    let next = settings.warmupHours;
    await new Promise<void>((resolve) => {
      const finish = () => {
        waiting.delete(finish);
        resolve();
      };
      waiting.add(finish);
      const step = () => {
        if (stopped || next >= times.length) return finish();
        const due = Math.max(1, Math.round(settings.speed * 0.25));
        const batch = times.slice(next, next + due);
        next += batch.length;
        send(playback, batch)
          .then(() => schedule(step, (batch.length / settings.speed) * 1000))
          .catch((error: unknown) => {
            failure = error;
            finish();
          });
      };
      schedule(step, 1000 / settings.speed);
    });
  }

  async function play(jurisdiction: Jurisdiction): Promise<void> {
    const order = settings.episodes?.[jurisdiction] ?? episodeOrder[jurisdiction];
    const playbacks = new Map<string, Playback>();
    for (let index = 0; !stopped && failure === null && order.length > 0; index += 1) {
      if (settings.loop === false && index >= order.length) return;
      const id = order[index % order.length]!;
      const playback = playbacks.get(id) ?? playbackOf(id);
      playbacks.set(id, playback);
      await playEpisode(jurisdiction, playback);
    }
  }

  function schedule(step: () => void, milliseconds: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      step();
    }, milliseconds);
    timers.add(timer);
  }

  const running = (async () => {
    await ingest.stations(stations);
    await Promise.all((['ili', 'kizilsu'] as const).map((jurisdiction) => play(jurisdiction)));
    if (failure !== null) throw failure;
  })();

  return {
    stations,
    /** Rejects if an ingest failed (the replay stops then). */
    running,
    stop(): void {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const finish of [...waiting]) finish();
    },
  };
}
