import { useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { dieselZoneSchema } from '../../../geo/layers/diesel-zone';
import { dustSourceSchema } from '../../../geo/layers/dust-source';
import { enterpriseSchema } from '../../../geo/layers/enterprise';
import type { LayerKind } from '../../../geo/layers/kinds';
import type { LayerResponse } from '../../../shared/api/responses';
import { queries } from '../api/queries';
import type { OverlayLayers } from '../map/overlay-layers';

type LayerFeature = LayerResponse['geojson']['features'][number];

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

type Layer = LayerResponse['geojson'];

function overlays(enterprises: Layer[], zones: Layer[], dust: Layer[]): OverlayLayers {
  const all = [...enterprises, ...zones, ...dust];
  return {
    enterprises: enterprises.flatMap((layer) => layer.features.map(records.enterprise)),
    zones: zones.flatMap((layer) => layer.features.map(records['diesel-zone'])),
    dust: dust.flatMap((layer) => layer.features.map(records['dust-source'])),
    label: all.find((layer) => layer.label != null)?.label ?? null,
  };
}

const kinds: readonly LayerKind[] = ['enterprise', 'diesel-zone', 'dust-source'];
const both = ['ili', 'kizilsu'] as const;

/** Module-level, so TanStack keeps the combined answer's identity until a layer changes. */
function combine(results: readonly { data?: LayerResponse }[]): OverlayLayers | null {
  const layers = results.map((result) => result.data?.geojson);
  if (!layers.every((layer) => layer !== undefined)) return null;
  const [enterprise, zones, dust] = kinds.map((_, index) =>
    layers.slice(index * both.length, (index + 1) * both.length).flatMap((layer) => layer ?? []),
  );
  return overlays(enterprise!, zones!, dust!);
}

/** The enterprise, diesel-zone and dust-source layers (GET /api/layers/:kind), fetched once when first wanted. */
export function useOverlayLayers(wanted: boolean): OverlayLayers | null {
  const [requested, setRequested] = useState(false);
  useEffect(() => {
    if (wanted) setRequested(true);
  }, [wanted]);
  return useQueries({
    queries: kinds.flatMap((kind) =>
      both.map((jurisdiction) => ({ ...queries.layer(kind, jurisdiction), enabled: requested })),
    ),
    combine,
  });
}
