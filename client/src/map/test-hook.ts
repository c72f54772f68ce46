import type { Bounds, SituationMap } from './situation-map';

declare global {
  interface Window {
    __tianshan?: {
      project: (lon: number, lat: number) => [number, number];
      probe: (unitId: string) => [number, number][];
      renders: () => number;
      loopFrames: () => number;
      keptShows: () => number;
      firstValuesFrameAt: () => number | null;
      canvas: () => HTMLCanvasElement;
      labels: () => {
        id: string;
        text: string;
        position: [number, number];
        box: [number, number, number, number];
        /** Moved aside from its unit, with a leader line back to it. */
        leader: boolean;
      }[];
      markers: () => { id: string; box: [number, number, number, number] }[];
      shownBounds: () => Bounds;
      boundsOf: (unitIds: string[]) => Bounds | null;
    };
  }
}

/** Lets browser tests find where a place is drawn, what labels show, and when the first frame with values appeared. */
export function exposeTestHook(map: SituationMap): void {
  window.__tianshan = {
    project: (lon, lat) => map.project(lon, lat),
    probe: (unitId) => map.probe(unitId),
    renders: () => map.renders,
    loopFrames: () => map.loopFrames(),
    keptShows: () => map.keptShows(),
    firstValuesFrameAt: () => map.firstValuesFrameAt,
    canvas: () => map.canvas(),
    labels: () => map.labels(),
    markers: () => map.markers(),
    shownBounds: () => map.shownBounds(),
    boundsOf: (unitIds) => map.boundsOf(unitIds),
  };
}
