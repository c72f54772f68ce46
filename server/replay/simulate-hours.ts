import { HOUR } from '../../shared/time';
import type { Species } from '../store/types';
import type { Episode, StationHour } from './episodes';
import { gaussian } from './random';
import { noiseSigma, type SimulatedSite, simulatedSites, simulatedStationId } from './simulated';

const species: readonly Species[] = ['so2', 'no2', 'pm10', 'pm25', 'co', 'o3'];

/** Per hour, the mean of the episode's real stations per species (null where none reported). */
function realMeans(episode: Episode): Map<number, Record<Species, number | null>> {
  const sums = new Map<number, { sum: Record<Species, number>; count: Record<Species, number> }>();
  for (const row of episode.rows) {
    let entry = sums.get(row.time);
    if (!entry) {
      entry = {
        sum: { so2: 0, no2: 0, pm10: 0, pm25: 0, co: 0, o3: 0 },
        count: { so2: 0, no2: 0, pm10: 0, pm25: 0, co: 0, o3: 0 },
      };
      sums.set(row.time, entry);
    }
    for (const name of species) {
      const value = row.values[name];
      if (value === null) continue;
      entry.sum[name] += value;
      entry.count[name] += 1;
    }
  }
  const means = new Map<number, Record<Species, number | null>>();
  for (const [time, { sum, count }] of sums) {
    means.set(
      time,
      Object.fromEntries(
        species.map((name) => [name, count[name] > 0 ? sum[name] / count[name] : null]),
      ) as Record<Species, number | null>,
    );
  }
  return means;
}

function round(value: number, name: Species): number {
  return name === 'co' ? Math.round(value * 10) / 10 : Math.round(value);
}

function simulate(
  site: SimulatedSite,
  means: Map<number, Record<Species, number | null>>,
  time: number,
): StationHour {
  const source = means.get(time - site.lagHours * HOUR);
  const values = Object.fromEntries(
    species.map((name) => {
      const base = source?.[name] ?? null;
      if (base === null) return [name, null];
      const noise = Math.exp(
        noiseSigma * gaussian(`${site.unitId}:${time}:${name}`) - (noiseSigma * noiseSigma) / 2,
      );
      return [name, round(base * site.factor * noise, name)];
    }),
  ) as Record<Species, number | null>;
  return { station: simulatedStationId(site.unitId), time, values };
}

/** Every station-hour of an episode, real and simulated, grouped by hour end in time order. */
export function episodeHours(episode: Episode): Map<number, StationHour[]> {
  const means = realMeans(episode);
  const source = episode.jurisdiction === 'ili' ? 'yining' : 'artux';
  const sites = simulatedSites.filter((site) => site.source === source);
  const hours = new Map<number, StationHour[]>();
  for (let time = episode.first; time <= episode.last; time += HOUR) hours.set(time, []);
  for (const row of episode.rows) hours.get(row.time)?.push(row);
  for (const [time, rows] of hours) {
    for (const site of sites) {
      const row = simulate(site, means, time);
      if (Object.values(row.values).some((value) => value !== null)) rows.push(row);
    }
  }
  return hours;
}
