import type { StyleSpecification } from 'maplibre-gl';

/** Offline default: a plain background; our own layers carry all content. */
export const offlineStyle: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#1b2430' } }],
};
