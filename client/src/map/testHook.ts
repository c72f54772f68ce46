import type { SituationMap } from './SituationMap';

declare global {
  interface Window {
    __tianshan?: {
      project: (lon: number, lat: number) => [number, number];
      probe: (unitId: string) => [number, number][];
      renders: () => number;
      firstValuesFrameAt: () => number | null;
      canvas: () => HTMLCanvasElement;
    };
  }
}

/** Lets browser tests find where a place is drawn and when the first frame with values appeared. */
export function exposeTestHook(map: SituationMap): void {
  window.__tianshan = {
    project: (lon, lat) => map.project(lon, lat),
    probe: (unitId) => map.probe(unitId),
    renders: () => map.renders,
    firstValuesFrameAt: () => map.firstValuesFrameAt,
    canvas: () => map.canvas(),
  };
}
