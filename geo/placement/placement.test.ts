import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centroid } from '@turf/centroid';
import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { defaultBoundaries } from '../boundaries/default';
import { hatchSegments } from './hatch';
import { labelAnchor, labelAnchors } from './label-anchor';
import { overlaps, placeLabels } from './label-collision';

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
});
