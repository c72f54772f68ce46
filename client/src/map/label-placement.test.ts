import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, test } from 'vitest';
import { defaultBoundaries } from '../../../geo/boundaries/default';
import { overlaps } from '../../../geo/placement/label-collision';
import { units as catalogue } from '../../../geo/units';
import { unitInForce } from '../../../shared/state/in-force';
import type { UnitState } from '../../../shared/state/schema';
import type { Language } from '../i18n/dictionary';
import { type BoundaryCollection, unitGeometry } from './geometry';
import { type DrawnLabel, type Measure, placeMapLabels, seatMarkers } from './label-placement';
import type { MapModel } from './layers';

const geometry = unitGeometry({ ...defaultBoundaries(), type: 'FeatureCollection' } as BoundaryCollection);

// The wall's Ili view at 1920×1080 (its map 1342×947 px), as MapLibre projects it (Web Mercator): read from
// the running wall (project(80, 45) and project(85, 42)).
const pixelsPerDegree = 241.389;
const radius = (pixelsPerDegree * 180) / Math.PI;
const mercator = (latitude: number) => Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360));
const project = ([lon, lat]: [number, number]): [number, number] => [
  17.462 + (lon - 80) * pixelsPerDegree,
  -10.541 + radius * (mercator(45) - mercator(lat)),
];
const unproject = ([x, y]: [number, number]): [number, number] => [
  80 + (x - 17.462) / pixelsPerDegree,
  (Math.atan(Math.exp(mercator(45) - (y + 10.541) / radius)) * 360) / Math.PI - 90,
];
const screen = { width: 1342, height: 947 };

/** Noto Sans CJK bold, near enough: a CJK character is as wide as the type is high, other characters 0.6. */
const measure: Measure = (lines, size) => ({
  width:
    Math.max(
      ...lines.map((line) =>
        [...line].reduce((sum, character) => sum + (/[\u3000-\u9fff]/.test(character) ? 1 : 0.6) * size, 0),
      ),
    ) + 6,
  height: lines.length * size * 1.15 + 6,
});

// The December 2019 episode as the wall e2e test leaves it: Ili's orange regional warning over these 15 units.
const regionMembers = [
  '654002',
  '654004',
  '654021',
  '654022',
  '654023',
  '654024',
  '654025',
  '654026',
  '654027',
  '654028',
  'xpcc4-kokdala',
  'xpcc4-r63-64',
  'xpcc4-r66',
  'xpcc4-r67',
  'xpcc4-r68',
];

function episodeModel(language: Language): MapModel {
  const states = catalogue
    .filter((unit) => unit.jurisdiction === 'ili')
    .map(
      (unit): UnitState => ({
        id: unit.id,
        hourlyAqi: 201,
        dailyAqi: 201,
        hourlyMissing: [],
        dailyMissing: [],
        primaryPollutants: ['pm25'],
        recommendedLevel: 'orange',
        issuedLevel: regionMembers.includes(unit.id) ? 'orange' : 'none',
        regionFloor: regionMembers.includes(unit.id) ? 'orange' : 'none',
        explanation: { zh: '', en: '', citations: [] },
        newestHour: 0,
        stationCount: 1,
        stale: false,
        simulated: false,
        dust: 'none',
      }),
    );
  return {
    geometry,
    units: new Map(states.map((state) => [state.id, state])),
    inForce: new Map(states.map((state) => [state.id, unitInForce('ili', state)])),
    regionAhead: new Map(),
    stations: [],
    stationValues: new Map(),
    metric: 'hourly',
    language,
    wall: true,
    scale: 1,
    visible: { stations: true, enterprises: false, dieselZones: false, dustSources: false },
  } as unknown as MapModel;
}

const place = (language: Language) =>
  placeMapLabels(episodeModel(language), project, unproject, screen, measure);
const features = new Map(geometry.features.map((feature) => [feature.properties.unitId, feature]));

/** The box's corners and edges' midpoints, on the ground. */
function boxPoints([left, top, right, bottom]: DrawnLabel['box']): [number, number][] {
  const [middle, centre] = [(left + right) / 2, (top + bottom) / 2];
  return [
    [left, top],
    [middle, top],
    [right, top],
    [right, centre],
    [right, bottom],
    [middle, bottom],
    [left, bottom],
    [left, centre],
  ].map((point) => unproject(point as [number, number]));
}

describe('the wall at 1920×1080 during the December 2019 regional warning (dense west of Ili)', () => {
  test('every warned unit is labelled with its warning line, however small', () => {
    const labels = place('zh');
    const warned = labels.filter((label) => label.text.split('\n').includes('橙色预警'));
    expect(warned.map((label) => label.id).sort()).toEqual([...regionMembers].sort());
  });

  test('no label overlaps another or covers a regiment seat marker', () => {
    const labels = place('zh');
    for (const a of labels)
      for (const b of labels)
        if (a !== b) expect([a.id, b.id, overlaps(a.box, b.box)]).toEqual([a.id, b.id, false]);
    const seats = seatMarkers(episodeModel('zh'), project);
    expect(seats.length).toBeGreaterThan(10);
    for (const label of labels)
      for (const seat of seats)
        expect([label.id, seat.id, overlaps(label.box, seat.box)]).toEqual([label.id, seat.id, false]);
  });

  test('a label drawn on its unit lies inside it; one that does not fit there has a leader line to it', () => {
    for (const language of ['zh', 'en'] as const)
      for (const label of place(language)) {
        const feature = features.get(label.id);
        if (!feature) continue;
        const inside = boxPoints(label.box).every((point) => booleanPointInPolygon(point, feature));
        expect([label.text, inside || label.leader !== null]).toEqual([label.text, true]);
        if (label.leader) expect(booleanPointInPolygon(label.leader[0]!, feature)).toBe(true);
      }
  });
});

describe('the wall at 1920×1080 with no warning in force yet', () => {
  // The replay's hours before anything is issued: every unit polluted, a decision due on some (the panel's
  // 待决策 list names them). The map must show where those are.
  const dueOn = ['xpcc4-r62', 'xpcc4-r69', 'xpcc4-r70', '654003'];
  function dueModel(): MapModel {
    const model = episodeModel('zh');
    const states = [...model.units.values()].map(
      (state): UnitState => ({
        ...state,
        issuedLevel: 'none',
        regionFloor: 'none',
        recommendedLevel: dueOn.includes(state.id) ? 'orange' : 'none',
      }),
    );
    return {
      ...model,
      units: new Map(states.map((state) => [state.id, state])),
      inForce: new Map(states.map((state) => [state.id, unitInForce('ili', state)])),
    };
  }

  test('every unit a decision is due on is labelled', () => {
    const labelled = new Set(
      placeMapLabels(dueModel(), project, unproject, screen, measure).map((label) => label.id),
    );
    expect(dueOn.filter((id) => !labelled.has(id))).toEqual([]);
  });
});
