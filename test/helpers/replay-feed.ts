import { loadEpisodes, realStations } from '../../server/replay/episodes';
import { episodeHours } from '../../server/replay/simulate-hours';
import { simulatedStations } from '../../server/replay/simulated';
import { toBeijingIso } from '../../shared/time';

/** The feeder key of servers fed with the bundled replay data in tests and benchmarks. */
export const replayFeederKey = 'press-replay-feeder-key-0123456789';

async function send(url: string, method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${replayFeederKey}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
}

const episode = loadEpisodes().get('E3')!;
const hours = episodeHours(episode);
/** Hour ends of Ili's replayed December 2019 episode (E3, Yining, 2019-12-06 … 12-23), in order. */
export const replayHours = [...hours.keys()].sort((a, b) => a - b);

/** Registers the replay's real and simulated stations (PUT /api/stations/:id). */
export async function registerReplayStations(url: string): Promise<void> {
  for (const station of [...realStations(), ...simulatedStations()])
    await send(url, 'PUT', `/api/stations/${station.id}`, {
      name: station.name,
      lon: station.lon,
      lat: station.lat,
      simulated: station.simulated,
      ...(station.unitId ? { unit: station.unitId } : {}),
    });
}

/**
 * Feeds hours [from, to) of the episode through POST /api/observations (the replay's own rows, as the
 * demo replays them); with CLOCK=data the engine's now is then the last hour fed. Returns that hour end.
 */
export async function feedReplayHours(url: string, from: number, to: number): Promise<number> {
  for (let start = from; start < to; start += 24) {
    const times = replayHours.slice(start, Math.min(start + 24, to));
    const observations = times.flatMap((time) =>
      (hours.get(time) ?? []).map((row) => ({
        station: row.station,
        time: toBeijingIso(row.time),
        ...row.values,
      })),
    );
    await send(url, 'POST', '/api/observations', { observations });
  }
  return replayHours[to - 1]!;
}
