import { microsPerUnit, toMicros } from './scale';
import { speciesOrder } from './species';

/** A unit's hourly concentrations and how many stations each one comes from. */
export type UnitHour = {
  /** Per species in speciesOrder: the mean of the valid station values, NaN when no station has one. */
  values: Float64Array;
  stationCounts: Uint8Array;
};

/**
 * A county's or regiment's concentration for one hour is the arithmetic mean of its valid stations'
 * values, per pollutant (DOMAIN.md, AQI); its AQI is then computed from these means, never by averaging
 * station AQIs. Each station's values are in speciesOrder; NaN or negative means missing or flagged.
 */
export function unitHourlyMeans(stations: readonly ArrayLike<number>[]): UnitHour {
  const values = new Float64Array(speciesOrder.length);
  const stationCounts = new Uint8Array(speciesOrder.length);
  for (let species = 0; species < speciesOrder.length; species += 1) {
    let sum = 0;
    let count = 0;
    for (const station of stations) {
      const micros = toMicros(station[species]);
      if (Number.isNaN(micros)) continue;
      sum += micros;
      count += 1;
    }
    values[species] = count > 0 ? sum / count / microsPerUnit : Number.NaN;
    stationCounts[species] = count;
  }
  return { values, stationCounts };
}
