import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { bbox, centroid } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { Map as MaplibreMap, type StyleSpecification } from 'maplibre-gl';

type UnitProperties = { unitId: string; nameZh: string };

/** The map is an imperative object: created once, then fed data by React. */
export class SituationMap {
  private readonly map: MaplibreMap;
  private readonly overlay: MapboxOverlay;

  constructor(container: HTMLElement, style: StyleSpecification | string) {
    this.map = new MaplibreMap({
      container,
      style,
      center: [80.2, 42.0],
      zoom: 5.2,
      attributionControl: false,
    });
    this.overlay = new MapboxOverlay({ interleaved: true, layers: [] });
    this.map.addControl(this.overlay);
  }

  setBoundaries(collection: FeatureCollection): void {
    const [west, south, east, north] = bbox(collection);
    this.map.fitBounds([west, south, east, north], { padding: 40, animate: false });
    const labels = collection.features.map((feature) => ({
      position: centroid(feature).geometry.coordinates as [number, number],
      text: (feature.properties as UnitProperties).nameZh,
    }));
    this.overlay.setProps({
      layers: [
        new GeoJsonLayer<UnitProperties>({
          id: 'units',
          data: collection.features as Feature[] as never,
          filled: true,
          stroked: true,
          getFillColor: [60, 90, 120, 160],
          getLineColor: [220, 230, 240, 255],
          lineWidthMinPixels: 1.5,
          pickable: true,
        }),
        new TextLayer<{ position: [number, number]; text: string }>({
          id: 'unit-labels',
          data: labels,
          getPosition: (label) => label.position,
          getText: (label) => label.text,
          characterSet: 'auto',
          fontFamily: 'Noto Sans CJK SC, Noto Sans SC, sans-serif',
          getSize: 14,
          getColor: [240, 244, 248, 255],
          outlineWidth: 2,
          outlineColor: [16, 21, 28, 255],
          fontSettings: { sdf: true },
        }),
      ],
    });
  }

  destroy(): void {
    this.map.remove();
  }
}
