import type { Layer } from '@deck.gl/core';
import { PathStyleExtension } from '@deck.gl/extensions';
import { GeoJsonLayer, IconLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { WarningLevel } from '../../../shared/levels';
import type { UnitInForce } from '../../../shared/state/in-force';
import type { StationState, UnitState } from '../../../shared/state/schema';
import type { Language } from '../i18n/dictionary';
import {
  aqiColour,
  levelColour,
  levelWidth,
  noDataColour,
  type Rgba,
  staleUnitAlpha,
  unitBorder,
  unitFillAlpha,
  warningCasing,
  warningStripe,
} from './colours';
import { derive } from './derive';
import type { EnterpriseChecks } from './enterprise-checks';
import type { RegionOutline, SeatPoint, UnitFeature, UnitGeometry } from './geometry';
import type { HatchLine } from './hatching';
import { fontFamily } from './label-font';
import type { DrawnLabel } from './label-placement';
import { type Metric, shownAqi } from './labels';
import { type OverlayLayers, overlayLayers } from './overlay-layers';
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
  /** The unit boundaries as drawn at the current zoom step (drawnGeometry.ts): same picture, fewer vertices. */
  drawnUnits: UnitFeature[];
  units: Map<string, UnitState>;
  /** The warnings in force per unit (shared/state/in-force): what the warning treatment and measures follow. */
  inForce: Map<string, UnitInForce>;
  /** Ili units whose region found starts after now, with its start (shared/state/in-force regionFoundAhead). */
  regionAhead: Map<string, number>;
  stations: StationState[];
  stationValues: Map<string, StationState>;
  /** Ili regions the engine finds (a regional warning due), drawn dashed until issued. */
  regions: RegionOutline[];
  /** The outline of the area under each level, and the warned units' hatching, rebuilt when warnings or the zoom change. */
  warned: WarnedArea[];
  hatch: HatchLine[];
  /** Unit and station labels as placed for the current view (labelPlacement.ts). */
  labels: DrawnLabel[];
  /** Every character labels have used: the font atlas grows with it and is never rebuilt for a value change. */
  characters: string[];
  /** Fetched on first use: the wall never shows them. */
  samples: OverlayLayers | null;
  /** Latest enterprise checks (issue 7), read while the enterprise layer is shown; null until the first answer. */
  checks: EnterpriseChecks | null;
  metric: Metric;
  language: Language;
  wall: boolean;
  /** Pixels per CSS pixel of line widths, marker and text sizes: grows with the screen (issue 16). */
  scale: number;
  now: number;
  selectedId: string | null;
  visible: LayerVisibility;
  /** Bumped whenever unit or station values change: deck.gl recomputes colours only (updateTriggers). */
  version: number;
};

export type WarnedArea = Feature<Polygon | MultiPolygon, { level: Exclude<WarningLevel, 'none'> }>;

const dashExtension = new PathStyleExtension({ dash: true });

export function stationRadius(station: StationState | undefined, scale: number): number {
  return (6 + Math.min(12, (station?.hourlyAqi ?? 0) / 40)) * scale;
}

/**
 * The AQI fill. A partial value is never a plain category colour (DOMAIN.md "incomplete data"): grey like
 * NA; a unit whose stations have all gone quiet keeps its last colour, faded, so it never reads as current.
 */
function unitFill(unit: UnitState | undefined, metric: Metric): Rgba {
  const { value, partial } = shownAqi(unit, metric);
  if (partial) return noDataColour;
  return aqiColour(value, unit?.stale && unit.newestHour !== null ? staleUnitAlpha : unitFillAlpha);
}

function unitLayers(model: MapModel): Layer[] {
  const { units, metric, version, selectedId, scale } = model;
  const stateOf = (unitId: string) => units.get(unitId);
  const levelOf = (unitId: string) => model.inForce.get(unitId)?.highest ?? 'none';
  return [
    new GeoJsonLayer<UnitFeature['properties']>({
      id: 'units',
      data: model.drawnUnits as Feature[] as never,
      filled: true,
      stroked: true,
      pickable: true,
      lineWidthUnits: 'pixels',
      getFillColor: (feature: { properties: UnitFeature['properties'] }) =>
        unitFill(stateOf(feature.properties.unitId), metric),
      getLineColor: (feature: { properties: UnitFeature['properties'] }) =>
        feature.properties.unitId === selectedId ? [127, 212, 255, 255] : unitBorder,
      getLineWidth: (feature: { properties: UnitFeature['properties'] }) =>
        (feature.properties.unitId === selectedId ? 4 : 1) * scale,
      updateTriggers: {
        getFillColor: [version, metric],
        getLineColor: selectedId,
        getLineWidth: [selectedId, scale],
      },
    }),
    ...warningLayers(model),
    ...regionLayers(model),
    new ScatterplotLayer<SeatPoint>({
      id: 'seats',
      data: model.geometry.seats,
      pickable: true,
      stroked: true,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      getPosition: (seat) => seat.position,
      getRadius: (model.wall ? 11 : 9) * scale,
      getFillColor: (seat) => unitFill(stateOf(seat.unitId), metric),
      getLineColor: (seat) => (levelOf(seat.unitId) === 'none' ? unitBorder : warningCasing),
      getLineWidth: (seat) => (levelOf(seat.unitId) === 'none' ? 1.5 : 4) * scale,
      updateTriggers: {
        getFillColor: [version, metric],
        getLineColor: version,
        getLineWidth: [version, scale],
      },
    }),
  ];
}

/**
 * Warned units (issue 16): hatched black on white over the AQI fill, and the area under each level ringed
 * by a thick band of its colour on a black casing. Only present while some unit is warned.
 */
function warningLayers(model: MapModel): Layer[] {
  if (model.warned.length === 0) return [];
  const { scale } = model;
  const widthOf = (area: Feature) => levelWidth[(area as WarnedArea).properties.level] * scale;
  return [
    new PathLayer<HatchLine>({
      id: 'warning-hatch-casing',
      data: model.hatch,
      widthUnits: 'pixels',
      getPath: (line) => line.path,
      getWidth: 4.5 * scale,
      getColor: warningCasing,
    }),
    new PathLayer<HatchLine>({
      id: 'warning-hatch',
      data: model.hatch,
      widthUnits: 'pixels',
      getPath: (line) => line.path,
      getWidth: 2 * scale,
      getColor: warningStripe,
    }),
    new GeoJsonLayer({
      id: 'warning-casing',
      data: model.warned as Feature[] as never,
      filled: false,
      stroked: true,
      lineWidthUnits: 'pixels',
      lineJointRounded: true,
      getLineColor: warningStripe,
      getLineWidth: (area: Feature) => widthOf(area) + 6 * scale,
      updateTriggers: { getLineWidth: scale },
    }),
    new GeoJsonLayer({
      id: 'warning-outline',
      data: model.warned as Feature[] as never,
      filled: false,
      stroked: true,
      lineWidthUnits: 'pixels',
      lineJointRounded: true,
      getLineColor: (area: Feature) => levelColour((area as WarnedArea).properties.level),
      getLineWidth: widthOf,
      updateTriggers: { getLineWidth: scale },
    }),
  ];
}

/** Regions the engine finds but nobody has issued (Ili 3.3.3): a soft halo with a white dash. */
function regionLayers(model: MapModel): Layer[] {
  if (model.regions.length === 0) return [];
  return [
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
      getLineWidth: 14 * model.scale,
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
      getLineWidth: 3 * model.scale,
      getLineColor: [255, 255, 255, 255],
      getDashArray: [4, 3],
      dashJustified: true,
      extensions: [dashExtension],
    } as never),
  ];
}

function stationLayers(model: MapModel): Layer[] {
  const { stationValues, version, visible, scale } = model;
  const currentOf = (station: StationState) => stationValues.get(station.id);
  const anyStale = model.stations.some((station) => currentOf(station)?.stale);
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
      getRadius: (station) => stationRadius(currentOf(station), scale),
      getFillColor: (station) =>
        aqiColour(currentOf(station)?.hourlyAqi ?? null, station.simulated ? 110 : 255),
      getLineColor: (station) => (station.simulated ? [255, 255, 255, 255] : [17, 17, 17, 255]),
      getLineWidth: (station) => (station.simulated ? 2.5 : 1.5) * scale,
      updateTriggers: { getRadius: [version, scale], getFillColor: version, getLineWidth: scale },
    }),
    // Only while some station is stale: a calm map should not pay for an icon shader it does not draw.
    ...(anyStale
      ? [
          new IconLayer<StationState>({
            id: 'stations-stale',
            visible: visible.stations,
            data: model.stations,
            getPosition: (station) => [station.lon, station.lat],
            getIcon: () => staleSymbol,
            getSize: (station) =>
              currentOf(station)?.stale ? stationRadius(currentOf(station), scale) * 2 + 2 : 0,
            sizeUnits: 'pixels',
            updateTriggers: { getSize: [version, scale] },
          }),
        ]
      : []),
  ];
}

/** Unit names with their values and warnings, and the wall's station values, where placement put them. */
function labelLayers(model: MapModel): Layer[] {
  // None before the first placement (cold start): no text shader or font atlas before the first frame.
  if (model.labels.length === 0) return [];
  const moved = model.labels.filter((label) => label.leader);
  return [
    // A label moved aside from a small unit points back to it.
    new PathLayer<DrawnLabel>({
      id: 'label-leaders',
      data: moved,
      widthUnits: 'pixels',
      getPath: (label) => label.leader!,
      getWidth: 2 * model.scale,
      getColor: [245, 248, 250, 230],
      visible: moved.length > 0,
    }),
    labelLayer(model),
  ];
}

function labelLayer(model: MapModel): Layer {
  return new TextLayer<DrawnLabel>({
    id: 'labels',
    data: model.labels,
    getPosition: (label) => label.position,
    getText: (label) => label.text,
    getPixelOffset: (label) => label.offset,
    getSize: (label) => label.size,
    getColor: [245, 248, 250, 255],
    outlineWidth: 3,
    outlineColor: [10, 14, 20, 255],
    fontFamily,
    fontWeight: 'bold',
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    characterSet: model.characters,
    lineHeight: 1.15,
  });
}

/** The deck.gl layer list for a model, bottom to top. Same ids every call, so deck.gl reuses the layers. */
export function buildLayers(model: MapModel): Layer[] {
  return [...unitLayers(model), ...overlayLayers(model), ...stationLayers(model), ...labelLayers(model)];
}

/**
 * Before the first values (issue 16: the wall's cold start): the layers the first coloured frame draws,
 * hidden, on one unit. deck.gl creates their programs now, and the browser compiles them while the snapshot
 * arrives and the real layers are built (same ids: the layers, and their programs, are kept); without a GPU
 * that compilation is ~0.5 s. Nothing is drawn until the values are in.
 */
export function warmUpLayers(model: MapModel, sample: UnitFeature): Layer[] {
  return buildLayers({ ...model, drawnUnits: [sample] }).map((layer) => layer.clone({ visible: false }));
}
