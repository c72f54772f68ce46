import type { Feature, FeatureCollection } from 'geojson';
import { feature as topologyFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { z } from 'zod';
import { decodeOfficeText } from '../../../shared/office-text';
import type { BoundaryFile } from './options';
import { readZippedShapefile } from './shapefile';

export type ReadResult = { ok: true; features: Feature[] } | { ok: false; problem: string };

// GeoJSON 2008's optional "crs" member: only geographic WGS84/CGCS2000 are accepted as they are.
const geographicCrs = /(CRS84|EPSG:+4326|EPSG:+4490)$/i;

const featureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullable(),
  geometry: z.object({ type: z.string() }).loose().nullable(),
});
const documentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).loose(),
  featureSchema.loose(),
  z
    .object({
      type: z.literal('Topology'),
      arcs: z.array(z.array(z.array(z.number()))),
      objects: z.record(z.string(), z.object({ type: z.string() }).loose()),
    })
    .loose(),
]);
const crsSchema = z.object({ crs: z.object({ properties: z.object({ name: z.string() }) }) });

const problemOf = (error: z.ZodError) => {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || 'the document'}: ${issue.message}`;
};

function fromJson(text: string): ReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON: ${(error as Error).message}` };
  }
  const document = documentSchema.safeParse(parsed);
  if (!document.success)
    return {
      ok: false,
      problem: `expected a GeoJSON FeatureCollection or Feature, or a TopoJSON Topology (${problemOf(document.error)})`,
    };
  const crsName = crsSchema.safeParse(parsed).data?.crs.properties.name;
  if (crsName !== undefined && !geographicCrs.test(crsName))
    return {
      ok: false,
      problem: `coordinate system ${crsName} is not WGS84/CGCS2000 longitude-latitude: reproject first`,
    };
  let features: unknown[];
  if (document.data.type === 'Topology') {
    try {
      const topology = document.data as unknown as Topology;
      features = Object.values(topology.objects).flatMap((geometry) => {
        const converted = topologyFeature(topology, geometry) as Feature | FeatureCollection;
        return converted.type === 'FeatureCollection' ? converted.features : [converted];
      });
    } catch (error) {
      return { ok: false, problem: `not a readable TopoJSON topology: ${(error as Error).message}` };
    }
  } else features = document.data.type === 'FeatureCollection' ? document.data.features : [document.data];
  for (const [index, feature] of features.entries()) {
    const checked = featureSchema.safeParse(feature);
    if (!checked.success) return { ok: false, problem: `feature ${index}: ${problemOf(checked.error)}` };
  }
  return { ok: true, features: features as Feature[] };
}

/** GeoJSON (.geojson/.json), TopoJSON (.topojson/.json) or a zipped Shapefile (.zip), by name. */
export function readBoundaryFile(file: BoundaryFile): ReadResult {
  const extension = file.name.toLowerCase().split('.').pop();
  if (extension === 'zip') return readZippedShapefile(file.bytes);
  if (extension === 'json' || extension === 'geojson' || extension === 'topojson')
    return fromJson(decodeOfficeText(file.bytes));
  return {
    ok: false,
    problem: `unsupported file type .${extension}: use .geojson, .topojson, .json or a zipped shapefile`,
  };
}
