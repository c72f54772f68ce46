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

export type Flags = Partial<Record<Species, string[]>>;

/** The flags of a clean value, one object for every clean row (frozen: a row's flags are replaced, never edited). */
export const noFlags: Flags = Object.freeze({});

function addFlag(flags: (Flags | undefined)[], index: number, name: Species, flag: string): void {
  const entry = flags[index] ?? {};
  flags[index] = entry;
  entry[name] = [...(entry[name] ?? []), flag];
}

/** Scratch for flagSeries, grown as needed: an hourly request of the network calls it once per station. */
let scratch = { values: new Float64Array(6 * 64), follows: new Uint8Array(64), size: 64 };

// The columns below are filled by name in this order (named reads: one shape, no keyed lookups).
if (speciesOrder.join() !== 'so2,no2,pm10,pm25,co,o3') throw new Error('species order changed');

/**
 * Flags every value of one station's hourly series (sorted by time) with the checks it fails, index by
 * index (noFlags for a clean row). The values are read once into one column per species (NaN: not measured),
 * then each species is checked over its column.
 */
export function flagSeries(rows: readonly ObservationRow[]): Flags[] {
  const count = rows.length;
  const flags: (Flags | undefined)[] = new Array(count);
  if (scratch.size < count + 1) {
    const size = 2 * (count + 1);
    scratch = { values: new Float64Array(6 * size), follows: new Uint8Array(size), size };
  }
  const { values, follows, size } = scratch;
  // follows[i]: row i is the hour right after row i − 1 (a gap breaks runs and spike neighbourhoods).
  for (let index = 0; index < count; index += 1) {
    const row = rows[index]!;
    follows[index] = index > 0 && row.time - rows[index - 1]!.time === HOUR ? 1 : 0;
    const { so2, no2, pm10, pm25, co, o3 } = row.values;
    values[index] = so2 ?? Number.NaN;
    values[size + index] = no2 ?? Number.NaN;
    values[2 * size + index] = pm10 ?? Number.NaN;
    values[3 * size + index] = pm25 ?? Number.NaN;
    values[4 * size + index] = co ?? Number.NaN;
    values[5 * size + index] = o3 ?? Number.NaN;
  }
  follows[count] = 0;
  for (let column = 0; column < speciesOrder.length; column += 1) {
    const name = speciesOrder[column]!;
    const [floor, maximum, margin] = [stuckFloor[name], physicalMaximum[name], spikeMargin[name]];
    const offset = column * size;
    values[offset + count] = Number.NaN;
    // The current run of equal values at or above the stuck floor: its first index and length.
    let runStart = 0;
    let runLength = 0;
    for (let index = 0; index <= count; index += 1) {
      const value = values[offset + index]!;
      const previous = follows[index] === 1 ? values[offset + index - 1]! : Number.NaN;
      const measured = !Number.isNaN(value);
      const continues = runLength > 0 && runStart + runLength === index && previous === value;
      if (!continues || !measured || value < floor) {
        if (runLength >= stuckHours)
          for (let member = runStart; member < runStart + runLength; member += 1)
            addFlag(flags, member, name, 'stuck');
        runLength = 0;
      }
      if (!measured) continue;
      if (value < 0) addFlag(flags, index, name, 'negative');
      if (value > maximum) addFlag(flags, index, name, 'beyond-physical-bounds');
      const next = follows[index + 1] === 1 ? values[offset + index + 1]! : Number.NaN;
      // NaN on either side (not measured, a gap, the series' ends) fails both comparisons: no spike.
      const higher = Math.max(previous, next);
      if (value >= spikeRatio * higher && value - higher >= margin) addFlag(flags, index, name, 'spike');
      if (value >= floor) {
        if (runLength === 0) runStart = index;
        runLength += 1;
      }
    }
  }
  const result = new Array<Flags>(count);
  for (let index = 0; index < count; index += 1) result[index] = flags[index] ?? noFlags;
  return result;
}

/** Same flags, species by species and in the same order (a re-flagged row is rewritten only when they differ). */
export function sameFlags(a: Flags, b: Flags): boolean {
  // Called for every stored row within reach of an hourly request of the network: no arrays made per call,
  // and a clean row's flags are the one noFlags object on both sides.
  if (a === b) return true;
  for (const name of speciesOrder) {
    const left = a[name];
    const right = b[name];
    if (left === right) continue;
    const count = left?.length ?? 0;
    if (count !== (right?.length ?? 0)) return false;
    for (let index = 0; index < count; index += 1) if (left![index] !== right![index]) return false;
  }
  return true;
}
