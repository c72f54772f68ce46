import { quantum } from './segments';

export const earthRadiusKm = 6371.0088;
const radiansPerUnit = Math.PI / 180 / quantum;

/** Great-circle (haversine) length in km between two quantised points. */
export function geodesicKm(ax: number, ay: number, bx: number, by: number): number {
  const lat1 = ay * radiansPerUnit;
  const lat2 = by * radiansPerUnit;
  const halfDLat = (lat2 - lat1) / 2;
  const halfDLon = ((bx - ax) * radiansPerUnit) / 2;
  const h = Math.sin(halfDLat) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(halfDLon) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Shared length per unordered pair of unit indexes, keyed by low * unitCount + high. */
export class PairLengths {
  readonly byPair = new Map<number, number>();
  constructor(private readonly unitCount: number) {}

  add(first: number, second: number, km: number): void {
    const key = first < second ? first * this.unitCount + second : second * this.unitCount + first;
    this.byPair.set(key, (this.byPair.get(key) ?? 0) + km);
  }

  *entries(): Generator<{ low: number; high: number; km: number }> {
    for (const [key, km] of this.byPair)
      yield { low: Math.floor(key / this.unitCount), high: key % this.unitCount, km };
  }
}
