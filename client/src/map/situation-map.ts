import type { Deck, Layer } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { Map as MaplibreMap, type StyleSpecification } from 'maplibre-gl';
import type { Enterprise } from '../../../geo/layers/enterprise';
import { levelRank, type WarningLevel } from '../../../shared/levels';
import { regionFoundAhead, type UnitInForce, unitInForce } from '../../../shared/state/in-force';
import type { JurisdictionState, StationState, UnitState } from '../../../shared/state/schema';
import type { Language } from '../i18n/dictionary';
import { DrawnGeometry } from './drawn-geometry';
import { ChecksFeed } from './enterprise-checks';
import { type BoundaryCollection, MergedOutlines, type UnitFeature, unitGeometry } from './geometry';
import { Hatching } from './hatching';
import { KeptFrames } from './kept-frames';
import { LabelCharacters } from './label-characters';
import { mapMarkers, placeMapLabels } from './label-placement';
import type { Metric } from './labels';
import {
  buildLayers,
  type LayerVisibility,
  type MapModel,
  stationRadius,
  type WarnedArea,
  warmUpLayers,
} from './layers';
import { OnDemandFrames } from './on-demand-frames';
import type { OverlayLayers } from './overlay-layers';
import { enterpriseTooltip, stationTooltip } from './tooltip';

export type Selection = { kind: 'unit' | 'station'; id: string };
export type Bounds = [number, number, number, number];

export type SituationMapOptions = {
  wall?: boolean;
  /** The wall's view cycle: each view's finished frame is kept and shown again (kept-frames.ts). */
  keepViews?: boolean;
  /** Keeps the last frame readable for the press view's PNG snapshot. */
  preserveDrawingBuffer?: boolean;
  onSelect?: (selection: Selection) => void;
  language?: Language;
};

/** Line widths, markers and text grow with the screen: 1 up to a 1000-pixel-high window, then in step. */
function screenScale(): number {
  return Math.max(1, window.innerHeight / 1000);
}

/**
 * The map is an imperative object React feeds (STYLE.md): created once; geometry is sent once; values
 * change colours through deck.gl updateTriggers. It draws only when data, view or size change: deck.gl's
 * loop runs on demand (OnDemandFrames), labels are placed when the view settles, never per frame. A lost
 * WebGL context rebuilds map and overlay in place.
 */
export class SituationMap {
  private map!: MaplibreMap;
  private overlay!: MapboxOverlay;
  private frames: OnDemandFrames | null = null;
  private model: MapModel | null = null;
  private readonly tooltip = document.createElement('div');
  private readonly checks = new ChecksFeed((checks) => this.update({ checks }));
  private readonly hatching = new Hatching();
  private readonly drawn = new DrawnGeometry();
  private warnedAreas: { key: string; areas: WarnedArea[] } | null = null;
  private readonly characters = new LabelCharacters();
  private features = new Map<string, UnitFeature>();
  private regionOutlines: MergedOutlines | null = null;
  private warnedOutlines: MergedOutlines | null = null;
  private readonly states = new Map<string, JurisdictionState>();
  private stationKey = '';
  /** A layer update is queued (end of the current task). */
  private pending = false;
  private destroyed = false;
  private layers: Layer[] = [];
  private placed = false;
  /** The bounds last framed: a resize frames them again. */
  private fitted: Bounds | null = null;
  /** The wall's finished frame of each view, shown again instead of drawn again (issue 16). */
  private readonly kept: KeptFrames | null;
  /** The view the live map is framed on, and whether its canvas holds that view's finished frame. */
  private liveKey: string | null = null;
  private liveDrawn = false;
  private metric: Metric = 'hourly';
  private visible: LayerVisibility = {
    stations: true,
    enterprises: false,
    dieselZones: false,
    dustSources: false,
  };
  private selectedId: string | null = null;
  private language: Language;
  /** What the pointer last rested on (a station or an enterprise), for the tooltip. */
  private hovered: { layerId: string | undefined; object: unknown } | null = null;
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
    this.kept = options.keepViews ? new KeptFrames(container) : null;
    this.mount();
  }

  private mount(): void {
    this.map = new MaplibreMap({
      container: this.container,
      style: this.style,
      center: this.view.center,
      zoom: this.view.zoom,
      attributionControl: false,
      fadeDuration: 0,
      canvasContextAttributes: { preserveDrawingBuffer: this.options.preserveDrawingBuffer ?? false },
    });
    const map = this.map;
    this.addOverlay();
    this.container.appendChild(this.tooltip);
    // Picking through MapLibre's own events: deck.gl's interleaved overlay does not receive pointer events.
    this.map.on('click', (event) => {
      const picked = this.overlay.pickObject({ x: event.point.x, y: event.point.y, radius: 4 });
      this.clicked(picked?.layer?.id, picked?.object);
    });
    if (!this.options.wall) this.map.on('mousemove', (event) => this.hover(event.point.x, event.point.y));
    // Labels and hatching follow the view once it settles, and the screen size (issue 16).
    this.map.on('moveend', () => {
      if (this.map === map) this.placeLabels();
    });
    // A new window size frames the same bounds again (the move that follows places the labels).
    this.map.on('resize', () => {
      if (this.map !== map) return;
      this.kept?.clear();
      this.liveKey = null;
      if (this.fitted) this.fit(this.fitted);
      else this.placeLabels();
    });
    this.map.on('render', () => {
      if (this.map === map) this.rendered();
    });
    // Someone moved the wall's map by hand: it no longer shows the view it was framed on.
    this.map.on('movestart', (event) => {
      if (event.originalEvent) this.liveKey = null;
    });
    const canvas = this.map.getCanvas();
    // Cold start (issue 16): frames before the first one with values are not shown, so the compositor does
    // not read them back (a software readback each, without a GPU); the first coloured frame shows it.
    if (this.firstValuesFrameAt === null) canvas.style.visibility = 'hidden';
    canvas.addEventListener('webglcontextlost', (event) => event.preventDefault());
    // MapLibre reloads its style after a restore; replacing the map before that settles lets the reload run
    // on a removed map. So the fresh map and overlay come once the old map is idle again.
    canvas.addEventListener('webglcontextrestored', () => map.once('idle', () => this.remount()), {
      once: true,
    });
    this.map.once('load', () => this.invalidate());
  }

  /** The deck.gl overlay on MapLibre's context, its loop run on demand. */
  private addOverlay(): void {
    this.overlay = new MapboxOverlay({
      interleaved: true,
      layers: [],
      onClick: (info) => this.clicked(info.layer?.id, info.object),
      onAfterRender: () => {
        this.renders += 1;
        if (this.firstValuesFrameAt === null && this.model && this.model.units.size > 0) {
          this.firstValuesFrameAt = performance.now();
          this.map.getCanvas().style.visibility = '';
          // The rest of the picture right after the first coloured frame (see placeLabels).
          setTimeout(() => {
            if (!this.destroyed) this.placeLabels();
          });
        }
      },
    });
    this.map.addControl(this.overlay);
    // The overlay's Deck is created by addControl (interleaved: on MapLibre's own context).
    const deck = (this.overlay as unknown as { _deck?: Deck })._deck;
    this.frames?.stop();
    this.frames = deck
      ? new OnDemandFrames(deck as unknown as ConstructorParameters<typeof OnDemandFrames>[0])
      : null;
  }

  /**
   * After a context loss nothing on the GPU is trustworthy: a fresh map and overlay, same model and view.
   * (Only replacing the overlay reuses luma.gl's lost device, which is kept on the context object.)
   */
  private remount(): void {
    const old = this.map;
    this.view = { center: old.getCenter().toArray() as [number, number], zoom: old.getZoom() };
    this.frames?.stop();
    old.removeControl(this.overlay);
    this.overlay.finalize();
    old.remove();
    this.kept?.clear();
    this.liveKey = null;
    this.mount();
    if (this.fitted) this.fit(this.fitted);
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
    this.hovered = picked?.object ? { layerId: picked.layer?.id, object: picked.object } : null;
    this.showTooltip();
    this.tooltip.style.transform = `translate(${x + 12}px, ${y + 12}px)`;
  }

  private showTooltip(): void {
    const text = this.hovered ? (this.tooltipText(this.hovered.layerId, this.hovered.object) ?? '') : '';
    this.tooltip.textContent = text;
    this.tooltip.style.display = text ? 'block' : 'none';
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
    this.regionOutlines = new MergedOutlines(this.features);
    this.warnedOutlines = new MergedOutlines(this.features);
    this.model = {
      geometry,
      drawnUnits: geometry.features,
      units: new Map(),
      inForce: new Map(),
      regionAhead: new Map(),
      stations: [],
      stationValues: new Map(),
      regions: [],
      warned: [],
      hatch: [],
      labels: [],
      characters: [],
      samples: null,
      checks: null,
      metric: this.metric,
      language: this.language,
      wall: this.options.wall ?? false,
      scale: screenScale(),
      now: 0,
      selectedId: this.selectedId,
      visible: this.visible,
      version: 0,
    };
    this.fit(bbox(collection) as Bounds);
    this.invalidate();
  }

  /** Live or past states of one or more jurisdictions; only values change, geometry stays. */
  setStates(states: readonly JurisdictionState[]): void {
    if (!this.model || !this.regionOutlines) return;
    this.changed();
    for (const state of states) this.states.set(state.jurisdiction, state);
    const all = [...this.states.values()];
    const units = new Map<string, UnitState>();
    const inForce = new Map<string, UnitInForce>();
    const stationValues = new Map<string, StationState>();
    const regionAhead = new Map<string, number>();
    for (const state of all) {
      for (const [id, start] of regionFoundAhead(state)) regionAhead.set(id, start);
      for (const unit of state.units) {
        units.set(unit.id, unit);
        inForce.set(unit.id, unitInForce(state.jurisdiction, unit));
      }
      for (const station of state.stations) stationValues.set(station.id, station);
    }
    const stationKey = [...stationValues.keys()].sort().join(',');
    const stations = stationKey === this.stationKey ? this.model.stations : [...stationValues.values()];
    this.stationKey = stationKey;
    // Ili's regions the engine finds are drawn until a warning at their level covers every member.
    const found = all
      .flatMap((state) => state.regions)
      .filter((region) =>
        region.members.some((id) => levelRank(inForce.get(id)?.highest ?? 'none') < levelRank(region.level)),
      );
    this.model = {
      ...this.model,
      units,
      inForce,
      regionAhead,
      stationValues,
      stations,
      regions: this.regionOutlines.outlines(found).map(({ group, outline }) => ({
        region: group,
        outline: outline && this.drawn.of(outline, DrawnGeometry.step(this.map.getZoom())),
      })),
      now: Math.max(...all.map((state) => state.now)),
      version: this.model.version + 1,
    };
    this.placeLabels();
  }

  setMetric(metric: Metric): void {
    this.metric = metric;
    this.update({ metric }, true);
  }

  setLanguage(language: Language): void {
    this.language = language;
    this.update({ language }, true);
    // The tooltip stays up while the pointer goes to the language button: it is written again in the new language.
    this.showTooltip();
  }

  setVisibility(visible: Partial<LayerVisibility>): void {
    this.visible = { ...this.visible, ...visible };
    this.checks.show(this.visible.enterprises);
    this.update({ visible: this.visible }, true);
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

  private update(change: Partial<MapModel>, relabel = false): void {
    if (!this.model) return;
    this.changed();
    this.model = { ...this.model, ...change };
    if (relabel) this.placeLabels();
    else this.invalidate();
  }

  /**
   * Labels, warned outlines and hatching for the view as it stands: on data, view (when it settles), size,
   * language or metric changes. Placement is screen-space, so it waits for the map's first layout.
   */
  private placeLabels(): void {
    if (!this.model) return;
    const zoom = this.map.getZoom();
    const scale = screenScale();
    const step = DrawnGeometry.step(zoom);
    if (this.firstValuesFrameAt === null) {
      // Cold start (issue 16): the first frame with values draws the coloured units alone; label anchors,
      // placement, warned outlines and hatching (and their shaders) come in the frame right after it.
      this.model = { ...this.model, scale, drawnUnits: this.drawn.list(this.model.geometry.features, step) };
      this.invalidate();
      return;
    }
    const warned = this.model.geometry.features.flatMap((feature) => {
      const level = this.model?.inForce.get(feature.properties.unitId)?.highest ?? 'none';
      return level === 'none' ? [] : [{ feature, level: level as Exclude<WarningLevel, 'none'> }];
    });
    // One band around each area under one level, not one per member: a region reads as one region.
    const byLevel = (['yellow', 'orange', 'red'] as const).map((level) => ({
      level,
      members: warned
        .filter((entry) => entry.level === level)
        .map((entry) => entry.feature.properties.unitId),
    }));
    const groups = byLevel.filter((group) => group.members.length > 0);
    // The same areas keep the same array: deck.gl then keeps their tesselation across label placements.
    const warnedKey = `${step}/${groups.map((group) => `${group.level}:${[...group.members].sort()}`).join('|')}`;
    if (this.warnedAreas?.key !== warnedKey)
      this.warnedAreas = {
        key: warnedKey,
        areas: (this.warnedOutlines?.outlines(groups) ?? []).flatMap(({ group, outline }) =>
          outline ? [{ ...this.drawn.of(outline, step), properties: { level: group.level } }] : [],
        ),
      };
    const model: MapModel = {
      ...this.model,
      scale,
      drawnUnits: this.drawn.list(this.model.geometry.features, step),
      warned: this.warnedAreas.areas,
      hatch: this.hatching.lines(warned, zoom, scale),
    };
    const canvas = this.map.getCanvas();
    model.labels = placeMapLabels(
      model,
      ([lon, lat]) => {
        const point = this.map.project([lon, lat]);
        return [point.x, point.y];
      },
      ([x, y]) => {
        const position = this.map.unproject([x, y]);
        return [position.lng, position.lat];
      },
      { width: canvas.clientWidth, height: canvas.clientHeight },
    );
    model.characters = this.characters.with(model.labels);
    this.model = model;
    this.placed = true;
    this.invalidate();
  }

  /**
   * Coalesces the updates of one task into one layer update at its end, before the next frame, then lets
   * deck.gl's loop draw it: a view change is drawn once, with its labels, not first with the old ones (each
   * frame costs a full software rasterisation and readback without a GPU). Until the first values arrive
   * nothing is worth drawing: the layers are built hidden, on one unit, as soon as the boundaries are in, so
   * their programs compile while the snapshot arrives (warmUpLayers); the first frame that draws layers is
   * the first with values (issue 16).
   */
  private invalidate(): void {
    if (this.pending || !this.model) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      if (!this.model || this.destroyed) return;
      const sample = this.model.geometry.features[0];
      if (this.model.units.size > 0) this.layers = buildLayers(this.model);
      else if (sample)
        this.layers = warmUpLayers(this.model, this.drawn.of(sample, DrawnGeometry.step(this.map.getZoom())));
      else return;
      this.overlay.setProps({ layers: this.layers });
      this.frames?.drawNow();
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
      if (
        this.unplaced() ||
        this.pending ||
        !this.map.loaded() ||
        !this.layers.every((layer) => layer.isLoaded)
      )
        continue;
      const idle = new Promise((resolve) => this.map.once('idle', resolve));
      this.map.triggerRepaint();
      await idle;
      if (!this.unplaced() && !this.pending && this.layers.every((layer) => layer.isLoaded)) return;
    }
  }

  /** Values are drawn but their labels and warning treatment not yet (they follow the first frame). */
  private unplaced(): boolean {
    return (this.model?.units.size ?? 0) > 0 && !this.placed;
  }

  /**
   * Frames the view on bounds; the wall jumps between views and then rests (issue 16), and shows a view's
   * kept frame when it has one for the data and size as they stand.
   */
  fit(bounds: Bounds, animate = false): void {
    this.fitted = bounds;
    if (this.kept && !animate) this.present();
    else this.frameLive(animate);
  }

  private frameLive(animate = false): void {
    if (!this.fitted) return;
    this.liveKey = this.fitted.join(',');
    this.liveDrawn = false;
    const padding = Math.round(40 * screenScale());
    this.map.fitBounds(this.fitted, { padding, animate, duration: animate ? 600 : 0 });
  }

  /** The wall shows the view framed: the live map once it holds it, else its kept frame, else draws it. */
  private present(): void {
    if (!this.kept || !this.fitted) return;
    const key = this.fitted.join(',');
    if (key === this.liveKey) {
      // Until the live map has drawn it, the frame on screen stays.
      if (this.liveDrawn) this.kept.hide();
    } else if (this.kept.has(key)) this.kept.show(key);
    else this.frameLive();
  }

  /**
   * MapLibre drew a frame (same task: its drawing buffer still holds it). Once it shows the current model
   * the live map replaces a kept frame on screen; a finished frame (nothing loading or moving) is kept.
   */
  private rendered(): void {
    if (!this.kept || this.pending || !this.placed || this.liveKey === null) return;
    this.liveDrawn = true;
    if (this.fitted?.join(',') === this.liveKey) this.kept.hide();
    if (
      this.kept.has(this.liveKey) ||
      this.map.isMoving() ||
      !this.map.loaded() ||
      !this.layers.every((layer) => layer.isLoaded)
    )
      return;
    this.kept.keep(this.liveKey, this.map.getCanvas());
  }

  /**
   * What the map draws is about to change (data, language, layers): kept frames are out of date. A kept
   * frame on screen stays until the live map, framed on its view, has drawn the new picture.
   */
  private changed(): void {
    if (!this.kept) return;
    this.kept.clear();
    this.liveDrawn = false;
    if (this.kept.shown !== null) this.frameLive();
  }

  /** The live map framed on the view shown (it may lie under a kept frame): for the test hook's questions. */
  private showLive(): void {
    if (this.kept?.shown != null && this.fitted && this.fitted.join(',') !== this.liveKey) this.frameLive();
  }

  /** How often the wall showed a kept frame instead of drawing the map. */
  keptShows(): number {
    return this.kept?.shows ?? 0;
  }

  /** Bounding box of some units (for the wall's "worst area" view). */
  boundsOf(unitIds: readonly string[]): Bounds | null {
    const features = unitIds.flatMap((id) => this.features.get(id) ?? []);
    if (features.length === 0) return null;
    return bbox({ type: 'FeatureCollection', features }) as Bounds;
  }

  /** The geographic bounds the map shows now: west, south, east, north. */
  shownBounds(): Bounds {
    this.showLive();
    const bounds = this.map.getBounds();
    return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
  }

  project(lon: number, lat: number): [number, number] {
    this.showLive();
    const point = this.map.project([lon, lat]);
    return [point.x, point.y];
  }

  /** The labels as placed for this view, with their screen boxes (for the label-overlap test). */
  labels(): {
    id: string;
    text: string;
    position: [number, number];
    box: [number, number, number, number];
    leader: boolean;
  }[] {
    this.showLive();
    if (!this.placed || !this.model) return [];
    return this.model.labels.map(({ id, text, position, box, leader }) => ({
      id,
      text,
      position,
      box,
      leader: leader !== null,
    }));
  }

  /** The station and seat markers' boxes on screen, as label placement keeps clear of them (for the overlap test). */
  markers(): { id: string; box: [number, number, number, number] }[] {
    this.showLive();
    if (!this.placed || !this.model) return [];
    return mapMarkers(this.model, ([lon, lat]) => this.project(lon, lat));
  }

  /** How many frames deck.gl's loop has run (it should rest when nothing changes). */
  loopFrames(): number {
    return this.frames?.frames ?? 0;
  }

  /** Screen points on a grid inside a unit, clear of station and seat markers and labels (for pixel tests). */
  probe(unitId: string): [number, number][] {
    const feature = this.features.get(unitId);
    if (!feature) return [];
    this.showLive();
    const [west, south, east, north] = bbox(feature);
    const [left, top] = this.project(west, north);
    const [right, bottom] = this.project(east, south);
    const scale = screenScale();
    const seatRadius = ((this.model?.wall ? 11 : 9) + 4) * scale;
    const markers = [
      ...(this.model?.stations ?? []).map((station) => ({
        at: this.project(station.lon, station.lat),
        radius: stationRadius(this.model?.stationValues.get(station.id), scale) + 4 * scale,
      })),
      // A neighbour's seat circle can lie over a small unit's fill (可克达拉's over 伊宁市).
      ...(this.model?.geometry.seats ?? []).map((seat) => ({
        at: this.project(seat.position[0], seat.position[1]),
        radius: seatRadius,
      })),
    ];
    // Units drawn later cover this one where the approximate boundaries overlap (a county around a city).
    const drawn = this.model?.geometry.features ?? [];
    const above = drawn.slice(drawn.findIndex((other) => other.properties.unitId === unitId) + 1);
    // Labels' text and halo lie over the fill too.
    const labelBoxes = this.labels().map((label) => label.box);
    const step = Math.max(3, Math.sqrt(((right - left) * (bottom - top)) / 400));
    const points: [number, number][] = [];
    for (let y = Math.max(0, top); y < Math.min(bottom, this.container.clientHeight); y += step)
      for (let x = Math.max(0, left); x < Math.min(right, this.container.clientWidth); x += step) {
        const position = this.map.unproject([x, y]);
        if (!booleanPointInPolygon([position.lng, position.lat], feature)) continue;
        if (above.some((other) => booleanPointInPolygon([position.lng, position.lat], other))) continue;
        if (markers.some(({ at: [sx, sy], radius }) => Math.hypot(sx - x, sy - y) < Math.max(16, radius)))
          continue;
        if (labelBoxes.some(([x0, y0, x1, y1]) => x >= x0 - 2 && x <= x1 + 2 && y >= y0 - 2 && y <= y1 + 2))
          continue;
        points.push([Math.round(x), Math.round(y)]);
      }
    return points;
  }

  canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  destroy(): void {
    this.destroyed = true;
    this.frames?.stop();
    this.checks.stop();
    this.map.remove();
  }
}
