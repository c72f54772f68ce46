import type { Layer } from '@deck.gl/core';
import { CollisionFilterExtension, PathStyleExtension } from '@deck.gl/extensions';
import { GeoJsonLayer, IconLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature } from 'geojson';
import { unitById } from '../../../geo/units';
import type { WarningLevel } from '../../../shared/levels';
import type { StationState, UnitState } from '../../../shared/state/schema';
import type { Language } from '../i18n/dictionary';
import { aqiColour, levelColour, levelWidth, type Rgba, staleUnitAlpha, unitFillAlpha } from './colours';
import { derive } from './derive';
import type { EnterpriseChecks } from './enterpriseChecks';
import type { Label, RegionOutline, SeatPoint, UnitFeature, UnitGeometry } from './geometry';
import { type Metric, unitAqi, unitLabel } from './labels';
import { overlayLayers } from './overlayLayers';
import type { OverlayLayers } from './sampleLayers';
import { staleSymbol } from './symbols';

export type LayerVisibility = {
  stations: boolean;
  enterprises: boolean;
  dieselZones: boolean;
  dustSources: boolean;
};

/** Everything the map draws; geometry and record lists keep their identity, values change with versions. */
export type MapModel = {
  geometry: UnitGeometry;
  units: Map<string, UnitState>;
  /** Issued levels raised by active regional warnings (what measures and zones follow). */
  inForce: Map<string, WarningLevel>;
  stations: StationState[];
  stationValues: Map<string, StationState>;
  regions: RegionOutline[];
  /** Fetched on first use: the wall never shows them. */
  samples: OverlayLayers | null;
  /** Latest enterprise checks (issue 7), polled while the enterprise layer is shown; null until the first answer. */
  checks: EnterpriseChecks | null;
  metric: Metric;
  language: Language;
  wall: boolean;
  now: number;
  selectedId: string | null;
  visible: LayerVisibility;
  /** Bumped whenever unit or station values change: deck.gl recomputes colours only (updateTriggers). */
  version: number;
};

const fontFamily = 'Noto Sans CJK SC, Noto Sans SC, sans-serif';
const dashExtension = new PathStyleExtension({ dash: true });
const collisionExtension = new CollisionFilterExtension();
/** Where labels collide, counties win over the 4th Division's parts and regiments (shown when zoomed in). */
const labelPriority = { county: 2, division: 1, regiment: 0 } as const;
const collisionProps = {
  extensions: [collisionExtension],
  collisionEnabled: true,
  // A little margin so neighbouring labels do not touch (the collision map is drawn at this size).
  collisionTestProps: { sizeScale: 1.3 },
  getCollisionPriority: (label: Label) => labelPriority[unitById.get(label.unitId)?.kind ?? 'regiment'],
} as Record<string, unknown>;

function stationRadius(station: StationState | undefined): number {
  return 6 + Math.min(12, (station?.hourlyAqi ?? 0) / 40);
}

/** A unit whose stations have all gone quiet keeps its last colour, faded, so it never reads as current. */
function unitFill(unit: UnitState | undefined, metric: Metric): Rgba {
  return aqiColour(
    unitAqi(unit, metric),
    unit?.stale && unit.newestHour !== null ? staleUnitAlpha : unitFillAlpha,
  );
}

function unitLayers(model: MapModel): Layer[] {
  const { units, metric, version, selectedId } = model;
  const stateOf = (unitId: string) => units.get(unitId);
  return [
    new GeoJsonLayer<UnitFeature['properties']>({
      id: 'units',
      data: model.geometry.features as Feature[] as never,
      filled: true,
      stroked: true,
      pickable: true,
      lineWidthUnits: 'pixels',
      getFillColor: (feature: { properties: UnitFeature['properties'] }) =>
        unitFill(stateOf(feature.properties.unitId), metric),
      getLineColor: (feature: { properties: UnitFeature['properties'] }) =>
        levelColour(stateOf(feature.properties.unitId)?.issuedLevel ?? 'none'),
      getLineWidth: (feature: { properties: UnitFeature['properties'] }) =>
        levelWidth[stateOf(feature.properties.unitId)?.issuedLevel ?? 'none'] +
        (feature.properties.unitId === selectedId ? 3 : 0),
      updateTriggers: {
        getFillColor: [version, metric],
        getLineColor: version,
        getLineWidth: [version, selectedId],
      },
    }),
    new GeoJsonLayer({
      id: 'region-halo',
      data: derive(model.regions, 'halo', (regions) =>
        regions.flatMap((region) =>
          region.outline ? [{ ...region.outline, properties: { level: region.region.level } }] : [],
        ),
      ),
      filled: false,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 14,
      getLineColor: (feature: Feature) => {
        const colour = levelColour((feature.properties as { level: UnitState['regionFloor'] }).level);
        return [colour[0], colour[1], colour[2], 110] as Rgba;
      },
    }),
    new GeoJsonLayer({
      id: 'region-dash',
      data: derive(model.regions, 'dash', (regions) => regions.flatMap((region) => region.outline ?? [])),
      filled: false,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
      getLineColor: [255, 255, 255, 255],
      getDashArray: [4, 3],
      dashJustified: true,
      extensions: [dashExtension],
    } as never),
    new ScatterplotLayer<SeatPoint>({
      id: 'seats',
      data: model.geometry.seats,
      pickable: true,
      stroked: true,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      getPosition: (seat) => seat.position,
      getRadius: model.wall ? 11 : 9,
      getFillColor: (seat) => unitFill(stateOf(seat.unitId), metric),
      getLineColor: (seat) => levelColour(stateOf(seat.unitId)?.issuedLevel ?? 'none'),
      getLineWidth: (seat) => levelWidth[stateOf(seat.unitId)?.issuedLevel ?? 'none'] + 1,
      updateTriggers: { getFillColor: [version, metric], getLineColor: version, getLineWidth: version },
    }),
  ];
}

function stationLayers(model: MapModel): Layer[] {
  const { stationValues, version, visible } = model;
  const currentOf = (station: StationState) => stationValues.get(station.id);
  return [
    new ScatterplotLayer<StationState>({
      id: 'stations',
      visible: visible.stations,
      data: model.stations,
      pickable: true,
      stroked: true,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      getPosition: (station) => [station.lon, station.lat],
      getRadius: (station) => stationRadius(currentOf(station)),
      getFillColor: (station) =>
        aqiColour(currentOf(station)?.hourlyAqi ?? null, station.simulated ? 110 : 255),
      getLineColor: (station) => (station.simulated ? [255, 255, 255, 255] : [17, 17, 17, 255]),
      getLineWidth: (station) => (station.simulated ? 2.5 : 1.5),
      updateTriggers: { getRadius: version, getFillColor: version },
    }),
    new IconLayer<StationState>({
      id: 'stations-stale',
      visible: visible.stations,
      data: model.stations,
      getPosition: (station) => [station.lon, station.lat],
      getIcon: () => staleSymbol,
      getSize: (station) => (currentOf(station)?.stale ? stationRadius(currentOf(station)) * 2 + 2 : 0),
      sizeUnits: 'pixels',
      updateTriggers: { getSize: version },
    }),
    new TextLayer<StationState>({
      id: 'station-values',
      visible: visible.stations && model.wall,
      data: model.stations,
      getPosition: (station) => [station.lon, station.lat],
      getText: (station) => {
        const value = currentOf(station);
        return value?.stale || value?.hourlyAqi == null ? '' : String(Math.round(value.hourlyAqi));
      },
      getPixelOffset: [0, -22],
      getSize: 16,
      getColor: [255, 255, 255, 255],
      outlineWidth: 3,
      outlineColor: [0, 0, 0, 255],
      fontFamily,
      fontSettings: { sdf: true },
      characterSet: 'auto',
      updateTriggers: { getText: version },
    }),
  ];
}

function labelLayer(model: MapModel): Layer {
  const { geometry, units, metric, language, version } = model;
  const names = new Map<string, string>();
  for (const feature of geometry.features)
    names.set(
      feature.properties.unitId,
      language === 'zh' ? feature.properties.nameZh : feature.properties.nameEn,
    );
  for (const seat of geometry.seats) names.set(seat.unitId, language === 'zh' ? seat.nameZh : seat.nameEn);
  return new TextLayer<Label & { offset: number }>({
    id: 'unit-labels',
    data: labelData(geometry),
    getPosition: (label) => label.position,
    getText: (label) =>
      unitLabel(names.get(label.unitId) ?? label.unitId, units.get(label.unitId), metric, language),
    getPixelOffset: (label) => [0, label.offset],
    getSize: model.wall ? 17 : 13,
    getColor: [245, 248, 250, 255],
    outlineWidth: 3,
    outlineColor: [10, 14, 20, 255],
    fontFamily,
    fontSettings: { sdf: true },
    characterSet: 'auto',
    lineHeight: 1.15,
    updateTriggers: { getText: [version, metric, language] },
    ...collisionProps,
  });
}

/** Seat markers are labelled below the point so the text does not hide its colour. */
function labelData(geometry: UnitGeometry): (Label & { offset: number })[] {
  return derive(geometry, 'labels', () => [
    ...geometry.labels.map((label) => ({ ...label, offset: 0 })),
    ...geometry.seats.map((seat) => ({ unitId: seat.unitId, position: seat.position, offset: 30 })),
  ]);
}

/** The deck.gl layer list for a model, bottom to top. Same ids every call, so deck.gl reuses the layers. */
export function buildLayers(model: MapModel): Layer[] {
  return [...unitLayers(model), ...overlayLayers(model), ...stationLayers(model), labelLayer(model)];
}
