import { type Species, speciesOrder } from '../../shared/aqi';
import { HOUR } from '../../shared/time';
import type { ObservationRow } from '../store/types';

/**
 * Physical upper bounds of an hourly mean (µg/m³, CO mg/m³): well above any recorded episode, including
 * the 2019 Artux dust storms (PM10 near 5,000, PM2.5 near 1,800 in replay-data).
 */
export const physicalMaximum: Record<Species, number> = {
  so2: 5000,
  no2: 2000,
  pm10: 10000,
  pm25: 5000,
  co: 150,
  o3: 1200,
};

/**
 * Below these levels analysers report quantised values (1 µg/m³, 0.1 mg/m³ CO) and a flat run is genuine:
 * replay-data has 40 SO2 runs of 5–6 µg/m³ lasting 6–43 hours. Above them, 6 identical hours mean a stuck analyser.
 */
export const stuckFloor: Record<Species, number> = { so2: 15, no2: 15, pm10: 15, pm25: 15, co: 2, o3: 15 };
export const stuckHours = 6;

/** An isolated spike: at least 4 times both neighbouring hours and this much above the higher of them. */
export const spikeRatio = 4;
export const spikeMargin: Record<Species, number> = {
  so2: 100,
  no2: 100,
  pm10: 300,
  pm25: 150,
  co: 5,
  o3: 150,
};

/** Flags every value of one station's hourly series (sorted by time) with the checks it fails. */
export function flagSeries(rows: readonly ObservationRow[]): Map<number, Partial<Record<Species, string[]>>> {
  const flags: (Partial<Record<Species, string[]>> | undefined)[] = new Array(rows.length);
  const add = (index: number, name: Species, flag: string) => {
    const entry = flags[index] ?? {};
    flags[index] = entry;
    entry[name] = [...(entry[name] ?? []), flag];
  };
  // The series is sorted: an hour's neighbours are the rows beside it when they are an hour away.
  const valueAt = (index: number, time: number, name: Species): number | null => {
    const row = rows[index];
    return row && row.time === time ? row.values[name] : null;
  };
  for (const name of speciesOrder) {
    let run: number[] = [];
    const closeRun = () => {
      if (run.length >= stuckHours) for (const index of run) add(index, name, 'stuck');
      run = [];
    };
    rows.forEach((row, index) => {
      const value = row.values[name];
      if (value === null) {
        closeRun();
        return;
      }
      if (value < 0) add(index, name, 'negative');
      if (value > physicalMaximum[name]) add(index, name, 'beyond-physical-bounds');
      const previous = valueAt(index - 1, row.time - HOUR, name);
      const next = valueAt(index + 1, row.time + HOUR, name);
      if (previous !== null && next !== null) {
        const higher = Math.max(previous, next);
        if (value >= spikeRatio * higher && value - higher >= spikeMargin[name]) add(index, name, 'spike');
      }
      const last = run.at(-1);
      const continues = last === index - 1 && previous === value;
      if (!continues) closeRun();
      if (value >= stuckFloor[name]) run.push(index);
      else closeRun();
    });
    closeRun();
  }
  return new Map(rows.map((row, index) => [row.time, flags[index] ?? {}]));
}
