import type { Layer } from '@deck.gl/core';
import { PathStyleExtension } from '@deck.gl/extensions';
import { GeoJsonLayer, IconLayer } from '@deck.gl/layers';
import { type DieselZone, zoneActive } from '../../../geo/layers/diesel-zone';
import type { DustSource } from '../../../geo/layers/dust-source';
import type { Enterprise } from '../../../geo/layers/enterprise';
import { measureDue } from '../../../geo/layers/enterprise-check';
import { dieselZoneStyle, hexToRgba, type ZoneStyle } from './colours';
import { complianceRings } from './compliance-rings';
import { derive } from './derive';
import { complianceOf } from './enterprise-checks';
import type { MapModel } from './layers';
import { dustSymbols, enterpriseSymbols } from './symbols';

const dashExtension = new PathStyleExtension({ dash: true });

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
  const zoneFeatures = derive(samples.zones, 'features', (zones) =>
    zones.map((zone) => ({ type: 'Feature', geometry: zone.geometry, properties: zone })),
  );
  type ZoneFeature = { properties: DieselZone };
  /** The zones' outlines in one of their lines: the line itself (filled, pickable, dashed) or its solid casing. */
  const zoneOutline = (
    id: string,
    lineOf: (style: ZoneStyle) => { hex: string; width: number } | null,
    main: boolean,
  ) => {
    const line = (feature: ZoneFeature) => lineOf(zoneStyle(feature.properties));
    return new GeoJsonLayer({
      id,
      visible: visible.dieselZones,
      data: zoneFeatures as never,
      pickable: main,
      filled: main,
      stroked: true,
      lineWidthUnits: 'pixels',
      getFillColor: (feature: ZoneFeature) => {
        const style = zoneStyle(feature.properties);
        return hexToRgba(style.fillHex, style.fillAlpha);
      },
      getLineColor: (feature: ZoneFeature) => {
        const found = line(feature);
        return found ? hexToRgba(found.hex) : [0, 0, 0, 0];
      },
      getLineWidth: (feature: ZoneFeature) => (line(feature)?.width ?? 0) * model.scale,
      // The casing is solid; the line's dashes are given in pixels and drawn in line widths.
      getDashArray: (feature: ZoneFeature) => {
        const { dash, lineWidth } = zoneStyle(feature.properties);
        return main && dash ? [dash[0] / lineWidth, dash[1] / lineWidth] : [0, 0];
      },
      dashJustified: true,
      extensions: [dashExtension],
      updateTriggers: {
        getFillColor: [version, now],
        getLineColor: [version, now],
        getLineWidth: [version, now, model.scale],
        getDashArray: [version, now],
      },
    } as never);
  };
  return [
    // The casing first, under the zones: an inactive zone's dashes lie on it (colours.ts dieselZoneStyle).
    zoneOutline('diesel-zone-casing', (style) => style.casing, false),
    zoneOutline('diesel-zones', (style) => ({ hex: style.lineHex, width: style.lineWidth }), true),
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
