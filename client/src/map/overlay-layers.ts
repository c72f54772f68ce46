import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, IconLayer } from '@deck.gl/layers';
import { type DieselZone, zoneActive } from '../../../geo/layers/diesel-zone';
import type { DustSource } from '../../../geo/layers/dust-source';
import type { Enterprise } from '../../../geo/layers/enterprise';
import { measureDue } from '../../../geo/layers/enterprise-check';
import { dieselZoneHex, dieselZoneStyle, hexToRgba } from './colours';
import { complianceRings } from './compliance-rings';
import { derive } from './derive';
import { complianceOf } from './enterprise-checks';
import type { MapModel } from './layers';
import { dustSymbols, enterpriseSymbols } from './symbols';

/** The overlay layers as drawn; `label` is the synthetic-sample label when any record is synthetic. */
export type OverlayLayers = {
  enterprises: Enterprise[];
  zones: DieselZone[];
  dust: DustSource[];
  label: string | null;
};

/** Enterprises by class with a ring telling whether they carry out what is due (issue 7), diesel zones (active ones emphasised), dust sources by type. */
export function overlayLayers(model: MapModel): Layer[] {
  const { samples, inForce, version, visible, now, checks } = model;
  if (!samples) return [];
  // Measures and zones follow the prefecture's own response (plans 4.3), not a warning it has yet to answer.
  const levelOf = (unitId: string) => inForce.get(unitId)?.response ?? 'none';
  const ringSize = (model.wall ? 44 : 34) * model.scale;
  const zoneStyle = (zone: DieselZone) =>
    dieselZoneStyle[zoneActive(zone, levelOf(zone.unitId), now) ? 'active' : 'inactive'];
  return [
    new GeoJsonLayer({
      id: 'diesel-zones',
      visible: visible.dieselZones,
      data: derive(samples.zones, 'features', (zones) =>
        zones.map((zone) => ({ type: 'Feature', geometry: zone.geometry, properties: zone })),
      ) as never,
      pickable: true,
      filled: true,
      stroked: true,
      lineWidthUnits: 'pixels',
      getFillColor: (feature: { properties: DieselZone }) =>
        hexToRgba(dieselZoneHex, zoneStyle(feature.properties).fillAlpha),
      getLineColor: hexToRgba(dieselZoneHex),
      getLineWidth: (feature: { properties: DieselZone }) => zoneStyle(feature.properties).lineWidth,
      updateTriggers: { getFillColor: [version, now], getLineWidth: [version, now] },
    }),
    new IconLayer<DustSource>({
      id: 'dust-sources',
      visible: visible.dustSources,
      data: samples.dust,
      pickable: true,
      getPosition: (source) => [source.lon, source.lat],
      getIcon: (source) => dustSymbols[source.type],
      getSize: (model.wall ? 26 : 20) * model.scale,
    }),
    new IconLayer<Enterprise>({
      id: 'enterprise-compliance',
      visible: visible.enterprises,
      data: samples.enterprises,
      getPosition: (enterprise) => [enterprise.lon, enterprise.lat],
      getIcon: (enterprise) => {
        const { status } = complianceOf(enterprise, levelOf(enterprise.unitId), checks);
        return status === 'not-required' ? complianceRings.unchecked : complianceRings[status];
      },
      // Enterprises with nothing due keep the class symbol alone.
      getSize: (enterprise) => (measureDue(enterprise, levelOf(enterprise.unitId)) ? ringSize : 0),
      updateTriggers: { getIcon: [version, checks], getSize: version },
    }),
    new IconLayer<Enterprise>({
      id: 'enterprises',
      visible: visible.enterprises,
      data: samples.enterprises,
      pickable: true,
      getPosition: (enterprise) => [enterprise.lon, enterprise.lat],
      getIcon: (enterprise) => enterpriseSymbols[enterprise.class],
      getSize: (model.wall ? 24 : 18) * model.scale,
    }),
  ];
}
