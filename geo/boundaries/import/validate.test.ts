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

test('a ring that passes through a vertex twice only touches itself there, unless it crosses there', () => {
  // A lobe hanging off the square's top-right corner: the ring goes round it and comes back to the corner.
  const lobe = [...square.slice(0, 3), [81.05, 43.78], [81.05, 43.79], [81.04, 43.78], ...square.slice(3)];
  expect(placementProblems({ type: 'Polygon', coordinates: [lobe] })).toEqual([]);
  // A figure eight through (81.02, 43.76): in from the west and out to the north-east, later in from the
  // north and out to the south-west: the second pass crosses the first at the vertex.
  const eight = [
    [81.02, 43.76],
    [81.04, 43.78],
    [81.04, 43.8],
    [81.02, 43.8],
    [81.02, 43.76],
    [81.0, 43.74],
    [81.0, 43.76],
    [81.02, 43.76],
  ];
  expect(placementProblems({ type: 'Polygon', coordinates: [eight] })).toEqual([
    expect.stringMatching(/^the boundary crosses itself at \d+ point\(s\), first at \(81\.02, 43\.76\)$/),
  ]);
});

test('every bundled boundary, exported and imported again, is accepted: spikes and lobes are not crossings', () => {
  // 察布查尔县, 昭苏县, 63·64团 and 68团 touch themselves at vertices where a lobe or a sliver hangs off.
  const refused = defaultBoundaries().features.flatMap((feature) => {
    const problems = placementProblems(feature.geometry);
    return problems.length > 0 ? [[feature.properties.unitId, ...problems]] : [];
  });
  expect(refused).toEqual([]);
});
