import { circle } from '@turf/circle';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Jurisdiction } from '../../../shared/units/schema';
import { type DieselZone, dieselZoneSchema, type ZoneGeometry } from '../diesel-zone';
import { type DustSource, dustSourceSchema, type dustSourceTypes } from '../dust-source';
import { type Enterprise, enterpriseSchema } from '../enterprise';
import { type Anchor, anchors, zoneCentres } from './anchors';
import { classWeights, drawIndustry } from './industries';
import { boundaryOf, unitLocator } from './locate';
import { drawMeasures } from './measures';
import { type Random, round, scatter, seededRandom } from './random';

export interface SampleLayers {
  enterprise: Enterprise[];
  'diesel-zone': DieselZone[];
  'dust-source': DustSource[];
}

/** Counts per prefecture: Ili's list is several times Kizilsu's, as their industry is. */
export const sampleCounts: Record<Jurisdiction, { enterprise: number; 'dust-source': number }> = {
  ili: { enterprise: 150, 'dust-source': 42 },
  kizilsu: { enterprise: 40, 'dust-source': 18 },
};

const listUpdatedOn = '2025-09-30';

/** The synthetic layers of one prefecture; the same seed always gives the same layers. */
export function generateSampleLayers(jurisdiction: Jurisdiction, seed: number): SampleLayers {
  const random = seededRandom(seed);
  const locate = unitLocator(jurisdiction);
  return {
    enterprise: enterprises(jurisdiction, random, locate),
    'diesel-zone': zones(jurisdiction, locate),
    'dust-source': dustSources(jurisdiction, random, locate),
  };
}

type Locate = ReturnType<typeof unitLocator>;

/** Draws points around weighted anchors until `count` fall inside a unit; points outside are dropped. */
function placed(
  jurisdiction: Jurisdiction,
  random: Random,
  locate: Locate,
  count: number,
  reach: (anchor: Anchor) => number,
) {
  const points: { anchor: Anchor; lon: number; lat: number; unitId: string }[] = [];
  const weighted = anchors[jurisdiction].map((anchor) => [anchor, anchor.weight] as const);
  while (points.length < count) {
    const anchor = random.weighted(weighted);
    const [lon, lat] = scatter(random, anchor.lon, anchor.lat, reach(anchor));
    const unitId = locate(lon, lat);
    if (unitId) points.push({ anchor, lon, lat, unitId });
  }
  return points;
}

function enterprises(jurisdiction: Jurisdiction, random: Random, locate: Locate): Enterprise[] {
  const points = placed(
    jurisdiction,
    random,
    locate,
    sampleCounts[jurisdiction].enterprise,
    (anchor) => anchor.radiusKm,
  );
  return points.map(({ anchor, lon, lat, unitId }, index) => {
    const enterpriseClass = random.weighted(classWeights);
    const drawn = drawIndustry(random, enterpriseClass);
    const number = String(index + 1).padStart(3, '0');
    return enterpriseSchema.parse({
      id: `${jurisdiction}-ent-${number}`,
      name: `${anchor.name}示例${drawn.industry}企业${number}`,
      unitId,
      lon,
      lat,
      industry: drawn.industry,
      class: enterpriseClass,
      emissions: drawn.emissions,
      heavyTruckTripsPerDay: drawn.heavyTruckTripsPerDay,
      measures: drawMeasures(random, enterpriseClass, jurisdiction),
      updatedOn: listUpdatedOn,
      synthetic: true,
    });
  });
}

const dustTypeWeights = [
  ['construction', 45],
  ['brickworks', 15],
  ['sand-gravel', 20],
  ['lime', 10],
  ['mine', 10],
] as const satisfies readonly (readonly [(typeof dustSourceTypes)[number], number])[];

const dustTypeNames = {
  construction: '建筑工地',
  brickworks: '砖厂',
  'sand-gravel': '砂石场',
  lime: '白灰场',
  mine: '矿山',
};

function dustSources(jurisdiction: Jurisdiction, random: Random, locate: Locate): DustSource[] {
  // Building sites sit in town; yards and pits on its fringe, a few kilometres further out.
  const points = placed(
    jurisdiction,
    random,
    locate,
    sampleCounts[jurisdiction]['dust-source'],
    (anchor) => anchor.radiusKm + 4,
  );
  return points.map(({ anchor, lon, lat, unitId }, index) => {
    const type = random.weighted(dustTypeWeights);
    const number = String(index + 1).padStart(3, '0');
    return dustSourceSchema.parse({
      id: `${jurisdiction}-dust-${number}`,
      name: `${anchor.name}示例${dustTypeNames[type]}${number}`,
      unitId,
      type,
      lon,
      lat,
      status: random.weighted([
        ['active', 70],
        ['idle', 25],
        ['closed', 5],
      ] as const),
      updatedOn: listUpdatedOn,
      synthetic: true,
    });
  });
}

/** A disc around each town centre, clipped to the centre's unit: red-level no-go zones (plans 4.3.1.2). */
function zones(jurisdiction: Jurisdiction, locate: Locate): DieselZone[] {
  return zoneCentres[jurisdiction].map((centre, index) => {
    const unitId = locate(centre.lon, centre.lat);
    const boundary = unitId ? boundaryOf(unitId) : undefined;
    if (!unitId || !boundary) throw new Error(`zone centre ${centre.name} is in no unit of ${jurisdiction}`);
    const disc = circle([centre.lon, centre.lat], centre.radiusKm, { units: 'kilometers', steps: 24 });
    const clipped = intersect(featureCollection([disc, boundary]));
    if (!clipped) throw new Error(`zone ${centre.name} misses its unit`);
    return dieselZoneSchema.parse({
      id: `${jurisdiction}-zone-${String(index + 1).padStart(2, '0')}`,
      name: `${centre.name}柴油货车禁行区（示例）`,
      unitId,
      geometry: roundGeometry(clipped.geometry as ZoneGeometry),
      fromLevel: index === 0 ? 'orange' : 'red',
      timeWindows: index === 0 ? ['07:00-22:00'] : ['00:00-24:00'],
      synthetic: true,
    });
  });
}

function roundGeometry(geometry: ZoneGeometry): ZoneGeometry {
  const ring = (positions: number[][]) =>
    positions.map(([lon, lat]) => [round(lon!), round(lat!)] as [number, number]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}
