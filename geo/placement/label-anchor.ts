import polylabel from 'polylabel';
import { type Polygonal, polygonsOf } from '../boundaries/geometry';

export type LabelAnchor = {
  /** WGS84 [lon, lat] inside the unit: the pole of inaccessibility of its roomiest part. */
  position: [number, number];
  /** Distance from the anchor to the nearest edge, in degrees of latitude (how much room a label has). */
  room: number;
};

/** Degrees of latitude per pixel unit of precision: about 0.5 km, far below a label's size on any wall view. */
const precision = 0.005;

/**
 * Where a unit's label sits (issue 16): the pole of inaccessibility (polylabel) of the part with the most
 * room, so the label falls inside its own unit even where a neighbour wraps around it (伊宁市 in 伊宁县),
 * unlike a vertex centroid. Longitudes are scaled by cos(latitude) so "room" is measured on the ground.
 */
export function labelAnchor(geometry: Polygonal): LabelAnchor {
  let best: LabelAnchor | null = null;
  for (const polygon of polygonsOf(geometry)) {
    const latitude = polygon[0]!.reduce((sum, position) => sum + position[1]!, 0) / polygon[0]!.length;
    const scale = Math.cos((latitude * Math.PI) / 180);
    const scaled = polygon.map((ring) => ring.map(([lon, lat]): [number, number] => [lon! * scale, lat!]));
    const pole = polylabel(scaled, precision);
    if (!best || pole.distance > best.room)
      best = { position: [pole[0]! / scale, pole[1]!], room: pole.distance };
  }
  if (!best) throw new Error('a unit boundary without polygons has no label anchor');
  return best;
}

const anchorsBySet = new WeakMap<object, Map<string, LabelAnchor>>();

/** Every unit's anchor, computed once per boundary set (the collection object) and kept while it lives. */
export function labelAnchors(collection: {
  features: readonly { properties: { unitId: string }; geometry: Polygonal }[];
}): Map<string, LabelAnchor> {
  let anchors = anchorsBySet.get(collection);
  if (!anchors) {
    anchors = new Map(
      collection.features.map((feature) => [feature.properties.unitId, labelAnchor(feature.geometry)]),
    );
    anchorsBySet.set(collection, anchors);
  }
  return anchors;
}
