import type { UnitBoundary } from './default';

/** A cheap fingerprint of a boundary set (FNV-1a over ids and 1e-6° coordinates) to key caches by. */
export function boundarySetVersion(boundaries: readonly UnitBoundary[]): string {
  let hash = 0x811c9dc5;
  const mix = (value: number) => {
    hash = Math.imul(hash ^ value, 0x01000193);
  };
  for (const feature of boundaries) {
    for (const character of feature.properties.unitId) mix(character.charCodeAt(0));
    const { geometry } = feature;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      mix(polygon.length);
      for (const ring of polygon) {
        mix(ring.length);
        for (const position of ring) {
          mix(Math.round(position[0]! * 1e6));
          mix(Math.round(position[1]! * 1e6));
        }
      }
    }
  }
  return `${boundaries.length}-${(hash >>> 0).toString(16)}`;
}
