import { pointOnFeature } from '@turf/point-on-feature';
import { defaultBoundaries } from '../../geo/boundaries/default';
import { units } from '../../geo/units';
import type { StationRow } from '../store/types';

/**
 * Simulated stations for units with no national station (PROVENANCE.md §2: only Yining and Artux have
 * one). Each is derived from its prefecture's real stations: the hourly mean of the real stations `lagHours`
 * earlier, times `factor`, times seeded noise (see replay-data/README.md, "Simulated stations").
 * Factors: the Ili valley towns and regiments around Yining close to 1 (one basin, one inversion), the
 * mountain counties of the upper valleys lower; Kuytun, an exclave in another basin, lagged further.
 */
export type SimulatedSite = { unitId: string; source: 'yining' | 'artux'; factor: number; lagHours: number };

export const simulatedSites: readonly SimulatedSite[] = [
  { unitId: '654021', source: 'yining', factor: 1.05, lagHours: 1 },
  { unitId: 'xpcc4-kokdala', source: 'yining', factor: 1.08, lagHours: 1 },
  { unitId: 'xpcc4-r66', source: 'yining', factor: 1.06, lagHours: 1 },
  { unitId: 'xpcc4-r68', source: 'yining', factor: 1.02, lagHours: 1 },
  { unitId: 'xpcc4-r70', source: 'yining', factor: 1.0, lagHours: 1 },
  { unitId: '654022', source: 'yining', factor: 0.95, lagHours: 2 },
  { unitId: 'xpcc4-r69', source: 'yining', factor: 0.9, lagHours: 2 },
  { unitId: '654023', source: 'yining', factor: 0.92, lagHours: 2 },
  { unitId: 'xpcc4-r67', source: 'yining', factor: 0.9, lagHours: 2 },
  { unitId: 'xpcc4-r63-64', source: 'yining', factor: 0.85, lagHours: 2 },
  { unitId: '654004', source: 'yining', factor: 0.85, lagHours: 2 },
  { unitId: 'xpcc4-r61', source: 'yining', factor: 0.82, lagHours: 2 },
  { unitId: 'xpcc4-r62', source: 'yining', factor: 0.82, lagHours: 2 },
  { unitId: '654003', source: 'yining', factor: 0.9, lagHours: 6 },
  { unitId: '654024', source: 'yining', factor: 0.7, lagHours: 3 },
  { unitId: 'xpcc4-r73', source: 'yining', factor: 0.66, lagHours: 3 },
  { unitId: '654025', source: 'yining', factor: 0.65, lagHours: 4 },
  { unitId: 'xpcc4-r71', source: 'yining', factor: 0.62, lagHours: 4 },
  { unitId: 'xpcc4-r72', source: 'yining', factor: 0.62, lagHours: 4 },
  { unitId: '654028', source: 'yining', factor: 0.6, lagHours: 4 },
  { unitId: 'xpcc4-r79', source: 'yining', factor: 0.57, lagHours: 4 },
  { unitId: '654027', source: 'yining', factor: 0.5, lagHours: 3 },
  { unitId: 'xpcc4-r78', source: 'yining', factor: 0.48, lagHours: 3 },
  { unitId: '654026', source: 'yining', factor: 0.45, lagHours: 3 },
  { unitId: 'xpcc4-r74', source: 'yining', factor: 0.43, lagHours: 3 },
  { unitId: 'xpcc4-r75', source: 'yining', factor: 0.43, lagHours: 3 },
  { unitId: 'xpcc4-r76', source: 'yining', factor: 0.43, lagHours: 3 },
  { unitId: 'xpcc4-r77', source: 'yining', factor: 0.43, lagHours: 3 },
  { unitId: '653022', source: 'artux', factor: 0.85, lagHours: 2 },
  { unitId: '653024', source: 'artux', factor: 0.6, lagHours: 2 },
  { unitId: '653023', source: 'artux', factor: 0.55, lagHours: 3 },
];

/** Multiplicative noise: a log-normal factor with this standard deviation of its logarithm. */
export const noiseSigma = 0.08;

export function simulatedStationId(unitId: string): string {
  return `SIM-${unitId}`;
}

/** Where a unit's simulated station sits: a point on its boundary's interior, or its host county's. */
function sitePoint(
  unitId: string,
  boundaries: Map<string, ReturnType<typeof defaultBoundaries>['features'][number]>,
  sibling: number,
) {
  const unit = units.find((candidate) => candidate.id === unitId);
  const own = boundaries.get(unitId);
  const feature = own ?? (unit?.hostCounty ? boundaries.get(unit.hostCounty) : undefined);
  if (!feature)
    throw new Error(`simulated station for ${unitId}: no boundary for the unit or its host county`);
  const [lon, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
  // A regiment without its own boundary sits a little off its host county's point so both stay visible.
  return own ? { lon, lat } : { lon: lon + 0.06 * (sibling + 1), lat: lat - 0.04 * (sibling + 1) };
}

export function simulatedStations(): StationRow[] {
  const boundaries = new Map(
    defaultBoundaries().features.map((feature) => [feature.properties.unitId, feature]),
  );
  const siblings = new Map<string, number>();
  return simulatedSites.map((site) => {
    const unit = units.find((candidate) => candidate.id === site.unitId);
    const host = unit?.hostCounty ?? site.unitId;
    const sibling = siblings.get(host) ?? 0;
    siblings.set(host, sibling + 1);
    return {
      id: simulatedStationId(site.unitId),
      name: `${unit?.nameZh ?? site.unitId}模拟站`,
      ...sitePoint(site.unitId, boundaries, sibling),
      unitId: site.unitId,
      simulated: true,
    };
  });
}
