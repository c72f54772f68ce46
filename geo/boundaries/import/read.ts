import type { Feature, FeatureCollection } from 'geojson';
import { parseZip } from 'shpjs';
import { feature as topologyFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { BoundaryFile } from './options';

export type ReadResult = { ok: true; features: Feature[] } | { ok: false; problem: string };

// GeoJSON 2008's optional "crs" member: only geographic WGS84/CGCS2000 are accepted as they are.
const geographicCrs = /(CRS84|EPSG:+4326|EPSG:+4490)$/i;

function fromJson(text: string): ReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON: ${(error as Error).message}` };
  }
  const object = parsed as { type?: unknown; crs?: { properties?: { name?: unknown } } };
  const crsName = object.crs?.properties?.name;
  if (typeof crsName === 'string' && !geographicCrs.test(crsName))
    return {
      ok: false,
      problem: `coordinate system ${crsName} is not WGS84/CGCS2000 longitude-latitude: reproject first`,
    };
  if (object.type === 'Topology') {
    const topology = parsed as Topology;
    const features = Object.values(topology.objects).flatMap((geometry) => {
      const converted = topologyFeature(topology, geometry) as Feature | FeatureCollection;
      return converted.type === 'FeatureCollection' ? converted.features : [converted];
    });
    return { ok: true, features };
  }
  if (object.type === 'FeatureCollection')
    return { ok: true, features: (parsed as FeatureCollection).features };
  if (object.type === 'Feature') return { ok: true, features: [parsed as Feature] };
  return { ok: false, problem: 'expected a GeoJSON FeatureCollection or Feature, or a TopoJSON Topology' };
}

async function fromZippedShapefile(bytes: Uint8Array): Promise<ReadResult> {
  try {
    const layers = await parseZip(bytes);
    const list = Array.isArray(layers) ? layers : [layers];
    if (list.length !== 1)
      return { ok: false, problem: `the zip holds ${list.length} layers; import one at a time` };
    return { ok: true, features: list[0]!.features };
  } catch (error) {
    return { ok: false, problem: `not a readable zipped shapefile: ${(error as Error).message}` };
  }
}

/** GeoJSON (.geojson/.json), TopoJSON (.topojson/.json) or a zipped Shapefile (.zip), by name. */
export async function readBoundaryFile(file: BoundaryFile): Promise<ReadResult> {
  const extension = file.name.toLowerCase().split('.').pop();
  if (extension === 'zip') return fromZippedShapefile(file.bytes);
  if (extension === 'json' || extension === 'geojson' || extension === 'topojson')
    return fromJson(new TextDecoder().decode(file.bytes));
  return {
    ok: false,
    problem: `unsupported file type .${extension}: use .geojson, .topojson, .json or a zipped shapefile`,
  };
}
