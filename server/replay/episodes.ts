import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { parseInstant } from '../../shared/time';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Species, StationRow } from '../store/types';

const dataDirectory = join(import.meta.dirname, '..', 'replay-data');

/** The replayed episodes (replay-data/PROVENANCE.md §4), in the order each jurisdiction plays them. */
export const episodeOrder: Record<Jurisdiction, readonly string[]> = {
  ili: ['E3', 'E1', 'E2'],
  kizilsu: ['A1', 'A2', 'A3'],
};

export type StationHour = { station: string; time: number; values: Record<Species, number | null> };
export type Episode = {
  id: string;
  jurisdiction: Jurisdiction;
  first: number;
  last: number;
  rows: StationHour[];
};

const value = z
  .string()
  .transform((text) => (text === '' ? null : Number(text)))
  .pipe(z.number().nullable());
const rowSchema = z.object({
  episode: z.string(),
  time: z.string().transform(parseInstant),
  station: z.string(),
  pm25: value,
  pm10: value,
  so2: value,
  no2: value,
  co: value,
  o3: value,
});

export function loadEpisodes(): Map<string, Episode> {
  const text = gunzipSync(readFileSync(join(dataDirectory, 'episodes.csv.gz')));
  const records = parse(text, { columns: true, skip_empty_lines: true }) as unknown[];
  const episodes = new Map<string, Episode>();
  records.forEach((record, index) => {
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success)
      throw new Error(`replay-data/episodes.csv.gz row ${index + 2}: ${parsed.error.message}`);
    const { episode: id, time, station, ...values } = parsed.data;
    const jurisdiction: Jurisdiction = id.startsWith('E') ? 'ili' : 'kizilsu';
    const episode = episodes.get(id) ?? { id, jurisdiction, first: time, last: time, rows: [] };
    episode.first = Math.min(episode.first, time);
    episode.last = Math.max(episode.last, time);
    episode.rows.push({ station, time, values });
    episodes.set(id, episode);
  });
  return episodes;
}

const stationSchema = z.object({
  station_code: z.string().min(1),
  station_name_zh: z.string().min(1),
  county_level_city: z.string(),
  longitude: z.coerce.number(),
  latitude: z.coerce.number(),
  in_2019_hourly_data: z.enum(['yes', 'no']),
});

/** The national stations of the replay data that report in 2019 (replay-data/stations.csv). */
export function realStations(): StationRow[] {
  const records = parse(readFileSync(join(dataDirectory, 'stations.csv')), { columns: true }) as unknown[];
  return records.flatMap((record, index) => {
    const parsed = stationSchema.safeParse(record);
    if (!parsed.success)
      throw new Error(`replay-data/stations.csv row ${index + 2}: ${parsed.error.message}`);
    const row = parsed.data;
    if (row.in_2019_hourly_data === 'no') return [];
    return [
      {
        id: row.station_code,
        name: row.station_name_zh,
        lon: row.longitude,
        lat: row.latitude,
        unitId: row.county_level_city.startsWith('伊宁市') ? '654002' : '653001',
        simulated: false,
      },
    ];
  });
}
