import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerKind, LayerRecord } from './kinds';
import { syntheticLabel } from './sample-file';

export type LayerFeatureCollection = FeatureCollection & { label: string | null };

/**
 * A layer as GeoJSON for the map and for exports. Properties use the import's English column names, so an
 * exported file imports again unchanged; a layer holding synthetic records carries the synthetic label.
 */
export function layerFeatureCollection<Kind extends LayerKind>(
  kind: Kind,
  records: readonly LayerRecord<Kind>[],
): LayerFeatureCollection {
  return {
    type: 'FeatureCollection',
    label: records.some((record) => record.synthetic) ? syntheticLabel : null,
    features: records.map((record) => feature(kind, record)),
  };
}

function feature(kind: LayerKind, record: LayerRecord<LayerKind>): Feature {
  if ('geometry' in record) {
    const { geometry, ...properties } = record;
    return { type: 'Feature', id: record.id, geometry: geometry as Geometry, properties };
  }
  const { lon, lat, ...rest } = record;
  const point: Geometry = { type: 'Point', coordinates: [lon, lat] };
  if (kind !== 'enterprise' || !('emissions' in rest))
    return { type: 'Feature', id: record.id, geometry: point, properties: rest };
  const { emissions, measures, ...plain } = rest;
  return {
    type: 'Feature',
    id: record.id,
    geometry: point,
    properties: { ...plain, ...emissions, ...measures },
  };
}
