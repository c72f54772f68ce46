import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centroid } from '@turf/centroid';
import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { defaultBoundaries } from '../boundaries/default';
import { polygonsOf } from '../boundaries/geometry';
import { hatchSegments } from './hatch';
import { labelAnchor, labelAnchors } from './label-anchor';
import { overlaps, placeLabels, segmentsCross, segmentThroughBox } from './label-collision';
import { simplifyPolygonal, vertexCount } from './simplify';

const boundaries = defaultBoundaries();
const feature = (unitId: string) =>
  boundaries.features.find((candidate) => candidate.properties.unitId === unitId)!;

describe('label anchors (pole of inaccessibility)', () => {
  test('every bundled unit is labelled inside itself', () => {
    const anchors = labelAnchors(boundaries);
    expect(anchors.size).toBe(boundaries.features.length);
    for (const unit of boundaries.features)
      expect([
        unit.properties.unitId,
        booleanPointInPolygon(anchors.get(unit.properties.unitId)!.position, unit),
      ]).toEqual([unit.properties.unitId, true]);
  });

  test('伊宁市 is labelled inside 伊宁市, where its vertex centroid falls in 伊宁县', () => {
    const city = feature('654002');
    const county = feature('654021');
    expect(booleanPointInPolygon(centroid(city), county)).toBe(true);
    const anchor = labelAnchor(city.geometry).position;
    expect(booleanPointInPolygon(anchor, city)).toBe(true);
    expect(booleanPointInPolygon(anchor, county)).toBe(false);
  });

  test('are computed once per boundary set', () => {
    expect(labelAnchors(boundaries)).toBe(labelAnchors(boundaries));
  });
});

describe('hatching', () => {
  const square: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ],
  };
  const ring: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [3, 0],
        [3, 3],
        [0, 3],
        [0, 0],
      ],
      [
        [1, 1],
        [2, 1],
        [2, 2],
        [1, 2],
        [1, 1],
      ],
    ],
  };

  test('lines lie inside the polygon, at 45°, the given spacing apart', () => {
    const segments = hatchSegments(square, 0.1);
    // u + v = c for c = k·0.1·√2 inside (0, 2): 14 lines across a unit square near the equator.
    expect(segments.length).toBe(14);
    for (const [[x1, y1], [x2, y2]] of segments) {
      expect(Math.abs(x2 - x1)).toBeCloseTo(Math.abs(y2 - y1), 3);
      const middle = [(x1 + x2) / 2, (y1 + y2) / 2];
      expect(booleanPointInPolygon(middle, square)).toBe(true);
    }
  });

  test('holes are left open (even–odd)', () => {
    for (const [[x1, y1], [x2, y2]] of hatchSegments(ring, 0.2))
      expect(booleanPointInPolygon([(x1 + x2) / 2, (y1 + y2) / 2], ring)).toBe(true);
    expect(hatchSegments(ring, 0.2).some(([[x1, y1]]) => x1 > 1 && x1 < 2 && y1 > 1 && y1 < 2)).toBe(false);
  });
});

describe('label collisions', () => {
  const screen = { width: 1000, height: 800 };
  const label = (id: string, x: number, priority: number) => ({
    id,
    x,
    y: 100,
    priority,
    forms: [
      { width: 200, height: 60 },
      { width: 80, height: 20 },
    ],
  });

  test('the higher priority keeps its full label; a neighbour falls back to a compact form or is left out', () => {
    const placed = placeLabels(
      [label('plain', 150, 0), label('warned', 250, 5), label('third', 400, 0)],
      screen,
      4,
    );
    expect(placed.find((entry) => entry.id === 'warned')?.form).toBe(0);
    expect(placed.find((entry) => entry.id === 'plain')).toBeUndefined();
    expect(placed.find((entry) => entry.id === 'third')?.form).toBe(1);
    for (const a of placed) for (const b of placed) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
  });

  test('labels that would leave the screen are left out', () => {
    expect(placeLabels([label('edge', 45, 0)], screen, 4).map((entry) => entry.form)).toEqual([1]);
    expect(placeLabels([label('off', -50, 0)], screen, 4)).toEqual([]);
  });

  test("a label covering a station marker takes a form clear of it; the station's own value may touch it", () => {
    // A marker inside the full form (x 50–250, y 70–130) but outside the compact one (x 110–190, y 90–110).
    const marker = { id: 'station:A', box: [60, 80, 80, 100] as [number, number, number, number] };
    expect(placeLabels([label('unit', 150, 0)], screen, 4, [marker]).map((entry) => entry.form)).toEqual([1]);
    const own = { ...label('station:A', 150, 0), y: 60 };
    expect(placeLabels([own], screen, 4, [marker]).map((entry) => entry.form)).toEqual([0]);
  });

  test('a label moved aside takes a place whose leader crosses no leader already drawn', () => {
    // Two anchors side by side; the first's label goes down and right, so the second's first choice (down
    // and left, its leader running across the first's) gives way to its next one (down and right too).
    const aside = (id: string, x: number, priority: number, dxs: number[]) => ({
      id,
      x,
      y: 100,
      priority,
      forms: dxs.map((dx) => ({ width: 40, height: 20, dx, dy: 200, leader: true })),
    });
    const placed = placeLabels(
      [aside('first', 300, 1, [150]), aside('second', 400, 0, [-150, 150])],
      screen,
      4,
    );
    expect(placed.map((entry) => [entry.id, entry.form])).toEqual([
      ['first', 0],
      ['second', 1],
    ]);
    expect(
      segmentsCross(
        [
          [300, 100],
          [450, 190],
        ],
        [
          [400, 100],
          [250, 190],
        ],
      ),
    ).toBe(true);
    expect(
      segmentsCross(
        [
          [300, 100],
          [450, 190],
        ],
        [
          [400, 100],
          [550, 190],
        ],
      ),
    ).toBe(false);
  });
});

describe('leaders and other labels', () => {
  const screen = { width: 1000, height: 800 };
  // A label aside of an anchor at (500, 100): straight down (its leader through (500, 300)) or down and right.
  const aside = (priority: number) => ({
    id: 'aside',
    x: 500,
    y: 100,
    priority,
    forms: [0, 200].map((dx) => ({ width: 40, height: 20, dx, dy: 300, leader: true })),
  });
  const named = (priority: number) => ({
    id: 'named',
    x: 500,
    y: 300,
    priority,
    forms: [{ width: 100, height: 20 }],
  });

  test("a label moved aside takes a place whose leader runs through no other label's box", () => {
    const placed = placeLabels([named(2), aside(1)], screen, 4);
    expect(placed.map((entry) => [entry.id, entry.form])).toEqual([
      ['named', 0],
      ['aside', 1],
    ]);
    expect(
      segmentThroughBox(
        [
          [500, 100],
          [500, 390],
        ],
        placed[0]!.box,
      ),
    ).toBe(true);
    expect(
      segmentThroughBox(
        [
          [500, 100],
          [680, 390],
        ],
        placed[0]!.box,
      ),
    ).toBe(false);
  });

  test('a label left out under a leader drawn first is named once that leader takes its other place', () => {
    const placed = placeLabels([aside(2), named(1)], screen, 4);
    expect(placed.map((entry) => [entry.id, entry.form]).sort()).toEqual([
      ['aside', 1],
      ['named', 0],
    ]);
  });

  test("an extra (a station's value) left out under a leader does not move that leader's label", () => {
    const placed = placeLabels([aside(2), { ...named(1), extra: true }], screen, 4);
    expect(placed.map((entry) => [entry.id, entry.form])).toEqual([['aside', 0]]);
  });

  test('a leader touching a box at its edge or corner does not run through it', () => {
    type Point = [number, number];
    const through = (from: Point, to: Point) => segmentThroughBox([from, to], [0, 0, 10, 10]);
    expect(through([0, 0], [10, 0])).toBe(false);
    expect(through([-5, 5], [5, -5])).toBe(false);
    expect(through([-5, 6], [-1, 4])).toBe(false);
    expect(through([5, -5], [5, 20])).toBe(true);
    expect(through([-5, 6], [20, 4])).toBe(true);
    expect(through([5, 5], [5, 5])).toBe(true);
  });
});

describe('outlines simplified for drawing', () => {
  const pixel = (position: number[], zoom: number): [number, number] => {
    const size = 512 * 2 ** zoom;
    const sin = Math.sin((position[1]! * Math.PI) / 180);
    return [
      ((position[0]! + 180) / 360) * size,
      (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size,
    ];
  };
  /** Pixels between a point and the nearest segment of some rings (all in Web Mercator pixels). */
  function pixelsFrom([px, py]: [number, number], rings: [number, number][][]): number {
    let best = Number.POSITIVE_INFINITY;
    for (const ring of rings)
      for (let index = 1; index < ring.length; index += 1) {
        const [ax, ay] = ring[index - 1]!;
        const [bx, by] = ring[index]!;
        const length = (bx - ax) ** 2 + (by - ay) ** 2;
        const t =
          length === 0
            ? 0
            : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length));
        best = Math.min(best, Math.hypot(ax + t * (bx - ax) - px, ay + t * (by - ay) - py));
      }
    return best;
  }

  test('at a wall zoom the boundaries keep every vertex within half a pixel, with far fewer vertices', () => {
    const zoom = 7;
    const degreesPerPixel = 360 / (512 * 2 ** zoom);
    let before = 0;
    let after = 0;
    for (const unit of boundaries.features) {
      const drawn = simplifyPolygonal(unit.geometry, 0.5, degreesPerPixel);
      before += vertexCount(unit.geometry);
      after += vertexCount(drawn);
      const drawnRings = polygonsOf(drawn)
        .flat()
        .map((ring) => ring.map((position) => pixel(position, zoom)));
      // Every dropped vertex lies within half a pixel (and a little rounding) of the drawn outline.
      for (const polygon of polygonsOf(unit.geometry))
        for (const ring of polygon)
          for (const position of ring)
            expect(pixelsFrom(pixel(position, zoom), drawnRings)).toBeLessThan(0.55);
      for (const polygon of polygonsOf(drawn))
        for (const ring of polygon) expect(ring.length).toBeGreaterThanOrEqual(4);
    }
    expect(after).toBeLessThan(before / 3);
  });
});
