import { expect, test } from 'vitest';
import { defaultBoundaries } from '../default';
import { placementProblems } from './validate';

// A 0.04° square in 察布查尔县 (about 3 × 4 km), as an office's digitised boundary might draw it.
const square = [
  [81.0, 43.74],
  [81.04, 43.74],
  [81.04, 43.78],
  [81.0, 43.78],
  [81.0, 43.74],
];

test('a zero-width spike (out to a vertex and straight back) is not a crossing', () => {
  // Along the top edge the digitiser went out to (81.02, 43.80) and came back, once via a stop on the way.
  const spiked = [...square.slice(0, 3), [81.02, 43.78], [81.02, 43.8], [81.02, 43.78], ...square.slice(3)];
  expect(placementProblems({ type: 'Polygon', coordinates: [spiked] })).toEqual([]);
  // A spike out of the first vertex, and a ring that starts on a spike's tip.
  const fromStart = [square[0]!, [81.0, 43.72], ...square];
  expect(placementProblems({ type: 'Polygon', coordinates: [fromStart] })).toEqual([]);
  const onTip = [[81.0, 43.72], ...square, [81.0, 43.72]];
  expect(placementProblems({ type: 'Polygon', coordinates: [onTip] })).toEqual([]);
});

test('a ring that really crosses itself is still refused, naming where', () => {
  const bowtie = [
    [81.0, 43.74],
    [81.04, 43.78],
    [81.04, 43.74],
    [81.0, 43.78],
    [81.0, 43.74],
  ];
  expect(placementProblems({ type: 'Polygon', coordinates: [bowtie] })).toEqual([
    'the boundary crosses itself at 1 point(s), first at (81.02, 43.76)',
  ]);
});

test("伊宁县's bundled boundary, exported and imported again, is not refused for its spikes", () => {
  const yiningCounty = defaultBoundaries().features.find(
    (feature) => feature.properties.unitId === '654021',
  )!;
  expect(placementProblems(yiningCounty.geometry)).toEqual([]);
});
