import { useEffect, useState } from 'react';
import { z } from 'zod';
import { dieselZoneSchema } from '../../../geo/layers/diesel-zone';
import { dustSourceSchema } from '../../../geo/layers/dust-source';
import { enterpriseSchema } from '../../../geo/layers/enterprise';
import type { LayerKind } from '../../../geo/layers/kinds';
import type { Jurisdiction } from '../../../shared/units/schema';
import type { OverlayLayers } from '../map/overlayLayers';

const responseSchema = z.object({
  geojson: z.object({
    label: z.string().nullable(),
    features: z.array(z.object({ geometry: z.any(), properties: z.record(z.string(), z.unknown()) })),
  }),
});
type LayerFeature = z.infer<typeof responseSchema>['geojson']['features'][number];

/** GeoJSON features back to records, as geo/layers/export.ts flattened them (so they parse with geo's schemas). */
const records = {
  enterprise: (feature: LayerFeature) => {
    const { so2, nox, pm, vocs, yellow, orange, red, ...plain } = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    return enterpriseSchema.parse({
      ...plain,
      lon,
      lat,
      emissions: { so2, nox, pm, vocs },
      measures: { yellow, orange, red },
    });
  },
  'diesel-zone': (feature: LayerFeature) =>
    dieselZoneSchema.parse({ ...feature.properties, geometry: feature.geometry }),
  'dust-source': (feature: LayerFeature) => {
    const [lon, lat] = feature.geometry.coordinates;
    return dustSourceSchema.parse({ ...feature.properties, lon, lat });
  },
};

async function fetchLayer(kind: LayerKind, jurisdiction: Jurisdiction) {
  const response = await fetch(`/api/layers/${kind}?jurisdiction=${jurisdiction}`);
  if (!response.ok) throw new Error(`GET /api/layers/${kind} ${response.status}`);
  return responseSchema.parse(await response.json()).geojson;
}

async function fetchLayers(): Promise<OverlayLayers> {
  const both = ['ili', 'kizilsu'] as const;
  const load = (kind: LayerKind) => Promise.all(both.map((jurisdiction) => fetchLayer(kind, jurisdiction)));
  const [enterprises, zones, dust] = await Promise.all([
    load('enterprise'),
    load('diesel-zone'),
    load('dust-source'),
  ]);
  const all = [...enterprises, ...zones, ...dust];
  return {
    enterprises: enterprises.flatMap((layer) => layer.features.map(records.enterprise)),
    zones: zones.flatMap((layer) => layer.features.map(records['diesel-zone'])),
    dust: dust.flatMap((layer) => layer.features.map(records['dust-source'])),
    label: all.find((layer) => layer.label !== null)?.label ?? null,
  };
}

/** The enterprise, diesel-zone and dust-source layers (GET /api/layers/:kind), fetched once when first wanted. */
export function useOverlayLayers(wanted: boolean): OverlayLayers | null {
  const [layers, setLayers] = useState<OverlayLayers | null>(null);
  const [requested, setRequested] = useState(false);
  useEffect(() => {
    if (!wanted || requested) return;
    setRequested(true);
    fetchLayers()
      .then(setLayers)
      .catch(() => setRequested(false));
  }, [wanted, requested]);
  return layers;
}
