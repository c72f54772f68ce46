import type { DustSource } from '../../../geo/layers/dust-source';
import type { EnterpriseClass } from '../../../geo/layers/enterprise';

/** Map symbols as SVG data URLs: the map's IconLayer and the legend draw the very same images. */
export type MapSymbol = { url: string; width: number; height: number; id: string };

const shapes = {
  circle: '<circle cx="16" cy="16" r="11"/>',
  square: '<rect x="5" y="5" width="22" height="22"/>',
  triangle: '<polygon points="16,3 29,27 3,27"/>',
  diamond: '<polygon points="16,2 30,16 16,30 2,16"/>',
  hexagon: '<polygon points="9,4 23,4 30,16 23,28 9,28 2,16"/>',
  star: '<polygon points="16,2 20,12 30,12 22,19 25,29 16,23 7,29 10,19 2,12 12,12"/>',
  pentagon: '<polygon points="16,3 29,12 24,28 8,28 3,12"/>',
  cross: '<polygon points="11,3 21,3 21,11 29,11 29,21 21,21 21,29 11,29 11,21 3,21 3,11 11,11"/>',
} as const;

function symbol(id: string, shape: keyof typeof shapes, fill: string, letter: string): MapSymbol {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><g fill="${fill}" stroke="#111" stroke-width="2">` +
    `${shapes[shape]}</g><text x="16" y="21" font-size="13" font-family="sans-serif" font-weight="bold" ` +
    `text-anchor="middle" fill="#111">${letter}</text></svg>`;
  return { id, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, width: 32, height: 32 };
}

/** Plans 4.3.1.1 classes: one shape each, with a letter, so classes differ without colour. */
export const enterpriseSymbols: Record<EnterpriseClass, MapSymbol> = {
  A: symbol('enterprise-A', 'circle', '#7fd4ff', 'A'),
  B: symbol('enterprise-B', 'square', '#7fd4ff', 'B'),
  C: symbol('enterprise-C', 'triangle', '#7fd4ff', 'C'),
  D: symbol('enterprise-D', 'diamond', '#7fd4ff', 'D'),
  leading: symbol('enterprise-leading', 'star', '#7fd4ff', ''),
  guarantee: symbol('enterprise-guarantee', 'cross', '#7fd4ff', ''),
  'small-micro': symbol('enterprise-small-micro', 'pentagon', '#7fd4ff', 's'),
  other: symbol('enterprise-other', 'hexagon', '#7fd4ff', 'o'),
};

/** Plans 4.3.1.3 dust source types. */
export const dustSymbols: Record<DustSource['type'], MapSymbol> = {
  construction: symbol('dust-construction', 'triangle', '#d9b38c', '工'),
  brickworks: symbol('dust-brickworks', 'square', '#d9b38c', '砖'),
  'sand-gravel': symbol('dust-sand-gravel', 'circle', '#d9b38c', '砂'),
  lime: symbol('dust-lime', 'diamond', '#d9b38c', '灰'),
  mine: symbol('dust-mine', 'hexagon', '#d9b38c', '矿'),
};

const hatchSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><defs><clipPath id="c"><circle cx="16" cy="16" r="15"/></clipPath></defs>' +
  '<g clip-path="url(#c)"><rect width="32" height="32" fill="#5a6470"/><g stroke="#f0f0f0" stroke-width="3">' +
  '<line x1="-8" y1="8" x2="8" y2="-8"/><line x1="-8" y1="24" x2="24" y2="-8"/><line x1="-8" y1="40" x2="40" y2="-8"/>' +
  '<line x1="8" y1="40" x2="40" y2="8"/><line x1="24" y1="40" x2="40" y2="24"/></g></g>' +
  '<circle cx="16" cy="16" r="14.5" fill="none" stroke="#111" stroke-width="2"/></svg>';

/** Stale stations (no data for 2+ hours) are hatched grey: old values are never shown as current. */
export const staleSymbol: MapSymbol = {
  id: 'stale',
  url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(hatchSvg)}`,
  width: 32,
  height: 32,
};
