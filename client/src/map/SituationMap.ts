import type { Layer } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { Map as MaplibreMap, type StyleSpecification } from 'maplibre-gl';
import type { Enterprise } from '../../../geo/layers/enterprise';
import type { JurisdictionState, StationState, UnitState } from '../../../shared/state/schema';
import type { Language } from '../i18n/dictionary';
import { ChecksFeed } from './enterpriseChecks';
import { type BoundaryCollection, RegionOutlines, type UnitFeature, unitGeometry } from './geometry';
import type { Metric } from './labels';
import { buildLayers, type LayerVisibility, type MapModel } from './layers';
import { levelsInForce, type OverlayLayers } from './sampleLayers';
import { enterpriseTooltip, stationTooltip } from './tooltip';

export type Selection = { kind: 'unit' | 'station'; id: string };
export type Bounds = [number, number, number, number];

export type SituationMapOptions = {
  wall?: boolean;
  /** Keeps the last frame readable for the press view's PNG snapshot. */
  preserveDrawingBuffer?: boolean;
  onSelect?: (selection: Selection) => void;
  language?: Language;
};

/**
 * The map is an imperative object React feeds (STYLE.md): created once; geometry is sent once; values
 * change colours through deck.gl updateTriggers. A lost WebGL context rebuilds map and overlay in place.
 */
export class SituationMap {
  private map!: MaplibreMap;
  private overlay!: MapboxOverlay;
  private model: MapModel | null = null;
  private readonly tooltip = document.createElement('div');
  private readonly checks = new ChecksFeed((checks) => this.update({ checks }));
  private features = new Map<string, UnitFeature>();
  private regionOutlines: RegionOutlines | null = null;
  private readonly states = new Map<string, JurisdictionState>();
  private stationKey = '';
  private frame = 0;
  private layers: Layer[] = [];
  private metric: Metric = 'hourly';
  private visible: LayerVisibility = {
    stations: true,
    enterprises: false,
    dieselZones: false,
    dustSources: false,
  };
  private selectedId: string | null = null;
  private language: Language;
  private view: { center: [number, number]; zoom: number } = { center: [80.2, 42.0], zoom: 5.2 };
  /** performance.now() of the first frame drawn with unit values, for the cold-start figure. */
  firstValuesFrameAt: number | null = null;
  renders = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly style: StyleSpecification | string,
    private readonly options: SituationMapOptions = {},
  ) {
    this.language = options.language ?? 'zh';
    this.tooltip.className = 'map-tooltip';
    this.tooltip.dataset.testid = 'map-tooltip';
    this.mount();
  }

  private mount(): void {
    this.map = new MaplibreMap({
      container: this.container,
      style: this.style,
      center: this.view.center,
      zoom: this.view.zoom,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: this.options.preserveDrawingBuffer ?? false },
    });
    this.overlay = new MapboxOverlay({
      interleaved: true,
      layers: [],
      onClick: (info) => this.clicked(info.layer?.id, info.object),
      onAfterRender: () => {
        this.renders += 1;
        if (this.firstValuesFrameAt === null && this.model && this.model.units.size > 0)
          this.firstValuesFrameAt = performance.now();
      },
    });
    this.map.addControl(this.overlay);
    this.container.appendChild(this.tooltip);
    // Picking through MapLibre's own events: deck.gl's interleaved overlay does not receive pointer events.
    this.map.on('click', (event) => {
      const picked = this.overlay.pickObject({ x: event.point.x, y: event.point.y, radius: 4 });
      this.clicked(picked?.layer?.id, picked?.object);
    });
    if (!this.options.wall) this.map.on('mousemove', (event) => this.hover(event.point.x, event.point.y));
    const canvas = this.map.getCanvas();
    canvas.addEventListener('webglcontextlost', (event) => event.preventDefault());
    // MapLibre reloads its style after a restore; replacing the map before that settles lets the reload run
    // on a removed map. So the fresh map and overlay come once the old map is idle again.
    const map = this.map;
    canvas.addEventListener('webglcontextrestored', () => map.once('idle', () => this.remount()), {
      once: true,
    });
    this.map.once('load', () => this.invalidate());
  }

  /** After a context loss nothing on the GPU is trustworthy: start a fresh map and overlay, same model. */
  private remount(): void {
    const center = this.map.getCenter();
    this.view = { center: [center.lng, center.lat], zoom: this.map.getZoom() };
    this.map.removeControl(this.overlay);
    this.overlay.finalize();
    this.map.remove();
    this.mount();
  }

  private tooltipText(layerId: string | undefined, object: unknown): string | null {
    if (!object) return null;
    if (layerId === 'stations') return stationTooltip(object as StationState, this.model, this.language);
    if (layerId === 'enterprises') return enterpriseTooltip(object as Enterprise, this.model, this.language);
    return null;
  }

  /** Hover shows a station's value or an enterprise's duty and its last check. */
  private hover(x: number, y: number): void {
    const picked = this.overlay.pickObject({ x, y, radius: 4, layerIds: ['stations', 'enterprises'] });
    const text = this.tooltipText(picked?.layer?.id, picked?.object) ?? '';
    this.tooltip.textContent = text;
    this.tooltip.style.display = text ? 'block' : 'none';
    this.tooltip.style.transform = `translate(${x + 12}px, ${y + 12}px)`;
  }

  private clicked(layerId: string | undefined, object: unknown): void {
    if (!object || !this.options.onSelect) return;
    if (layerId === 'units')
      this.options.onSelect({ kind: 'unit', id: (object as UnitFeature).properties.unitId });
    else if (layerId === 'seats')
      this.options.onSelect({ kind: 'unit', id: (object as { unitId: string }).unitId });
    else if (layerId === 'stations')
      this.options.onSelect({ kind: 'station', id: (object as StationState).id });
  }

  /** The unit boundaries (once): fits the view to them. */
  setBoundaries(collection: BoundaryCollection): void {
    const geometry = unitGeometry(collection);
    this.features = new Map(geometry.features.map((feature) => [feature.properties.unitId, feature]));
    this.regionOutlines = new RegionOutlines(this.features);
    this.model = {
      geometry,
      units: new Map(),
      inForce: new Map(),
      stations: [],
      stationValues: new Map(),
      regions: [],
      samples: null,
      checks: null,
      metric: this.metric,
      language: this.language,
      wall: this.options.wall ?? false,
      now: 0,
      selectedId: this.selectedId,
      visible: this.visible,
      version: 0,
    };
    this.fit(bbox(collection) as Bounds, false);
  }

  /** Live or past states of one or more jurisdictions; only values change, geometry stays. */
  setStates(states: readonly JurisdictionState[]): void {
    if (!this.model || !this.regionOutlines) return;
    for (const state of states) this.states.set(state.jurisdiction, state);
    const all = [...this.states.values()];
    const units = new Map<string, UnitState>();
    const inForce = new Map(all.flatMap((state) => [...levelsInForce(state)]));
    const stationValues = new Map<string, StationState>();
    for (const state of all) {
      for (const unit of state.units) units.set(unit.id, unit);
      for (const station of state.stations) stationValues.set(station.id, station);
    }
    const stationKey = [...stationValues.keys()].sort().join(',');
    const stations = stationKey === this.stationKey ? this.model.stations : [...stationValues.values()];
    this.stationKey = stationKey;
    this.model = {
      ...this.model,
      units,
      inForce,
      stationValues,
      stations,
      regions: this.regionOutlines.outlines(all.flatMap((state) => state.regions)),
      now: Math.max(...all.map((state) => state.now)),
      version: this.model.version + 1,
    };
    this.invalidate();
  }

  setMetric(metric: Metric): void {
    this.metric = metric;
    this.update({ metric });
  }

  setLanguage(language: Language): void {
    this.language = language;
    this.update({ language });
  }

  setVisibility(visible: Partial<LayerVisibility>): void {
    this.visible = { ...this.visible, ...visible };
    this.checks.show(this.visible.enterprises);
    this.update({ visible: this.visible });
  }

  /** The office recorded an enterprise check: the compliance rings read the checks again. */
  enterpriseChecksChanged(): void {
    this.checks.changed();
  }

  /** Enterprises, diesel zones and dust sources: record lists kept as given, colours follow unit levels. */
  setOverlayLayers(layers: OverlayLayers): void {
    this.update({ samples: layers });
  }

  select(id: string | null): void {
    this.selectedId = id;
    this.update({ selectedId: id });
  }

  private update(change: Partial<MapModel>): void {
    if (!this.model) return;
    this.model = { ...this.model, ...change };
    this.invalidate();
  }

  /** Coalesces updates into one layer rebuild per animation frame. */
  private invalidate(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.model) return;
      this.layers = buildLayers(this.model);
      this.overlay.setProps({ layers: this.layers });
    });
  }

  /**
   * Resolves once the latest values are drawn: no layer rebuild pending, every deck.gl layer loaded (fonts,
   * icons) and MapLibre idle after a fresh frame. Server-side snapshots wait for it, so none is half-drawn.
   */
  async settled(): Promise<void> {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (;;) {
      await nextFrame();
      if (this.frame !== 0 || !this.map.loaded() || !this.layers.every((layer) => layer.isLoaded)) continue;
      const idle = new Promise((resolve) => this.map.once('idle', resolve));
      this.map.triggerRepaint();
      await idle;
      if (this.frame === 0 && this.layers.every((layer) => layer.isLoaded)) return;
    }
  }

  fit(bounds: Bounds, animate = true): void {
    this.map.fitBounds(bounds, { padding: 60, animate, duration: animate ? 1500 : 0 });
  }

  /** Bounding box of some units (for the wall's "worst region" view). */
  boundsOf(unitIds: readonly string[]): Bounds | null {
    const features = unitIds.flatMap((id) => this.features.get(id) ?? []);
    if (features.length === 0) return null;
    return bbox({ type: 'FeatureCollection', features }) as Bounds;
  }

  project(lon: number, lat: number): [number, number] {
    const point = this.map.project([lon, lat]);
    return [point.x, point.y];
  }

  /** Screen points on a grid inside a unit, clear of station markers (for pixel tests). */
  probe(unitId: string): [number, number][] {
    const feature = this.features.get(unitId);
    if (!feature) return [];
    const [west, south, east, north] = bbox(feature);
    const [left, top] = this.project(west, north);
    const [right, bottom] = this.project(east, south);
    const stations = (this.model?.stations ?? []).map((station) => this.project(station.lon, station.lat));
    const step = Math.max(3, Math.sqrt(((right - left) * (bottom - top)) / 400));
    const points: [number, number][] = [];
    for (let y = Math.max(0, top); y < Math.min(bottom, this.container.clientHeight); y += step)
      for (let x = Math.max(0, left); x < Math.min(right, this.container.clientWidth); x += step) {
        const position = this.map.unproject([x, y]);
        if (!booleanPointInPolygon([position.lng, position.lat], feature)) continue;
        if (stations.some(([sx, sy]) => Math.hypot(sx - x, sy - y) < 16)) continue;
        points.push([Math.round(x), Math.round(y)]);
      }
    return points;
  }

  canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.checks.stop();
    this.map.remove();
  }
}
