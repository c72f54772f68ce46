/**
 * Builds server/replay-data/ from the brief's reference data (run once, by hand):
 *   npx tsx server/replay/extract-episodes.ts /work/shared/data
 * Keeps the six 1-hour pollutant means of the episode stations (Yining's three stations for E1–E3, Artux's
 * for A1–A3), as published, in one wide gzip CSV; copies stations.csv and PROVENANCE.md beside it.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

const source = z.string().min(1).parse(process.argv[2]);
const target = join(import.meta.dirname, '..', 'replay-data');

const episodes = [
  { id: 'E1', file: 'E1_yining_2019-01.csv', stations: ['2703A', '2704A', '2705A'] },
  { id: 'E2', file: 'E2_yining_2019-11-29.csv', stations: ['2703A', '2704A', '2705A'] },
  { id: 'E3', file: 'E3_yining_2019-12-09.csv', stations: ['2703A', '2704A', '2705A'] },
  { id: 'A1', file: 'A1_artux_2019-01-30.csv', stations: ['2697A'] },
  { id: 'A2', file: 'A2_artux_2019-11-18.csv', stations: ['2697A'] },
  { id: 'A3', file: 'A3_artux_2019-03-20_duststorm.csv', stations: ['2697A'] },
];
const columns = { 'PM2.5': 'pm25', PM10: 'pm10', SO2: 'so2', NO2: 'no2', CO: 'co', O3: 'o3' } as const;
const order = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3'] as const;
const rowSchema = z.object({
  time: z.string(),
  station_code: z.string(),
  pollutant: z.string(),
  value: z.string(),
});

const lines = [`episode,time,station,${order.join(',')}`];
for (const episode of episodes) {
  const rows = z
    .array(rowSchema)
    .parse(
      parse(readFileSync(join(source, 'episodes', episode.file)), { columns: true, skip_empty_lines: true }),
    );
  const byHour = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const column = columns[row.pollutant as keyof typeof columns];
    if (!column || !episode.stations.includes(row.station_code)) continue;
    const key = `${row.time},${row.station_code}`;
    byHour.set(key, { ...byHour.get(key), [column]: row.value });
  }
  for (const key of [...byHour.keys()].sort()) {
    const values = byHour.get(key)!;
    lines.push(`${episode.id},${key},${order.map((column) => values[column] ?? '').join(',')}`);
  }
}
writeFileSync(join(target, 'episodes.csv.gz'), gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
copyFileSync(join(source, 'stations.csv'), join(target, 'stations.csv'));
copyFileSync(join(source, 'PROVENANCE.md'), join(target, 'PROVENANCE.md'));
console.log(`${lines.length - 1} station-hours written to ${target}`);
