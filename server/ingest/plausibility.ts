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

type Flags = Partial<Record<Species, string[]>>;

function addFlag(flags: (Flags | undefined)[], index: number, name: Species, flag: string): void {
  const entry = flags[index] ?? {};
  flags[index] = entry;
  entry[name] = [...(entry[name] ?? []), flag];
}

/** The value of the row at `index` when it is the hour `time` (the series is sorted), else null. */
function valueAt(rows: readonly ObservationRow[], index: number, time: number, name: Species): number | null {
  const row = rows[index];
  return row && row.time === time ? row.values[name] : null;
}

/** Flags every value of one station's hourly series (sorted by time) with the checks it fails. */
export function flagSeries(rows: readonly ObservationRow[]): Map<number, Flags> {
  const flags: (Flags | undefined)[] = new Array(rows.length);
  for (const name of speciesOrder) {
    // The current run of equal values at or above the stuck floor: its first index and length.
    let runStart = 0;
    let runLength = 0;
    for (let index = 0; index <= rows.length; index += 1) {
      const row = rows[index];
      const value = row ? row.values[name] : null;
      const previous = row ? valueAt(rows, index - 1, row.time - HOUR, name) : null;
      const continues = runLength > 0 && runStart + runLength === index && previous === value;
      if (!continues || value === null || value < stuckFloor[name]) {
        if (runLength >= stuckHours)
          for (let member = runStart; member < runStart + runLength; member += 1)
            addFlag(flags, member, name, 'stuck');
        runLength = 0;
      }
      if (!row || value === null) continue;
      if (value < 0) addFlag(flags, index, name, 'negative');
      if (value > physicalMaximum[name]) addFlag(flags, index, name, 'beyond-physical-bounds');
      const next = valueAt(rows, index + 1, row.time + HOUR, name);
      if (previous !== null && next !== null) {
        const higher = Math.max(previous, next);
        if (value >= spikeRatio * higher && value - higher >= spikeMargin[name])
          addFlag(flags, index, name, 'spike');
      }
      if (value >= stuckFloor[name]) {
        if (runLength === 0) runStart = index;
        runLength += 1;
      }
    }
  }
  return new Map(rows.map((row, index) => [row.time, flags[index] ?? {}]));
}
