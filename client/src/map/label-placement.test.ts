import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, test } from 'vitest';
import { defaultBoundaries } from '../../../geo/boundaries/default';
import { overlaps, segmentsCross, segmentThroughBox } from '../../../geo/placement/label-collision';
import { units as catalogue } from '../../../geo/units';
import { regionFoundAhead, unitInForce } from '../../../shared/state/in-force';
import type { JurisdictionState, UnitState } from '../../../shared/state/schema';
import { unitStateOf } from '../../../shared/state/unit-state.test-support';
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
    .map((unit) =>
      unitStateOf(unit.id, {
        hourlyAqi: 201,
        dailyAqi: 201,
        recommendedLevel: 'orange',
        issuedLevel: regionMembers.includes(unit.id) ? 'orange' : 'none',
        regionFloor: regionMembers.includes(unit.id) ? 'orange' : 'none',
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

describe('the wall on the December 2019 replay hour with the regional warning issued (2019-12-12 05:00)', () => {
  const fixture = (name: string) =>
    JSON.parse(readFileSync(new URL(`../../../test/fixtures/wall/${name}`, import.meta.url), 'utf8'));
  // The replay's Ili state as the wall e2e test leaves it (explanations left out), stations and all.
  const state = fixture('ili-december-warned.json') as JurisdictionState;
  // Noto Sans CJK SC bold advance widths (per em), read from Chromium's canvas on the wall.
  const glyphs = fixture('label-glyph-widths.json') as Record<string, number>;
  const glyphMeasure: Measure = (lines, size) => ({
    width:
      Math.max(...lines.map((line) => [...line].reduce((sum, c) => sum + (glyphs[c] ?? 1) * size, 0))) + 6,
    height: lines.length * size * 1.15 + 6,
  });
  // The wall's map at each screen size as MapLibre projects it (read from the running wall: project(80, 45)
  // and project(85, 42)), and its type scale (window height / 1000).
  const screens = {
    '1920×1080': { origin: [17.462, -10.541], east: 1224.406, width: 1342, height: 947, scale: 1.08 },
    '3840×2160': { origin: [27.834, -21.705], east: 2455.739, width: 2684, height: 1904, scale: 2.16 },
  } as const;
  const view = (name: keyof typeof screens) => screens[name];
  const warned = state.units.filter((unit) => unit.issuedLevel !== 'none').map((unit) => unit.id);
  const crowded = {
    '1920×1080': { zh: [], en: ['xpcc4-r61', 'xpcc4-r77'] },
    '3840×2160': { zh: [], en: ['xpcc4-r69'] },
  } as const;

  function placeOn(screenName: keyof typeof screens, language: Language, measured: Measure) {
    const view = screens[screenName];
    const perDegree = (view.east - view.origin[0]) / 5;
    const earth = (perDegree * 180) / Math.PI;
    const projectOn = ([lon, lat]: [number, number]): [number, number] => [
      view.origin[0] + (lon - 80) * perDegree,
      view.origin[1] + earth * (mercator(45) - mercator(lat)),
    ];
    const unprojectOn = ([x, y]: [number, number]): [number, number] => [
      80 + (x - view.origin[0]) / perDegree,
      (Math.atan(Math.exp(mercator(45) - (y - view.origin[1]) / earth)) * 360) / Math.PI - 90,
    ];
    const model = {
      ...episodeModel(language),
      units: new Map(state.units.map((unit) => [unit.id, unit])),
      inForce: new Map(state.units.map((unit) => [unit.id, unitInForce('ili', unit)])),
      regionAhead: regionFoundAhead(state),
      stations: state.stations,
      stationValues: new Map(state.stations.map((station) => [station.id, station])),
      scale: view.scale,
    } as MapModel;
    const labels = placeMapLabels(model, projectOn, unprojectOn, view, measured);
    return { labels, projectOn };
  }

  for (const screenName of Object.keys(screens) as (keyof typeof screens)[])
    for (const language of ['zh', 'en'] as const)
      for (const [measureName, measured] of [
        ['glyph widths', glyphMeasure],
        ['the rough rule', measure],
      ] as const)
        test(`at ${screenName} in ${language} (${measureName}): no two leader lines cross, none runs through another label, every warned unit keeps its warning line, no label overlaps another`, () => {
          const { labels, projectOn } = placeOn(screenName, language, measured);
          const leaders = labels.flatMap((label) =>
            label.leader
              ? [
                  {
                    id: label.id,
                    segment: label.leader.map(projectOn) as [[number, number], [number, number]],
                  },
                ]
              : [],
          );
          expect(leaders.length).toBeGreaterThan(10);
          const crossings = leaders.flatMap((a, index) =>
            leaders
              .slice(index + 1)
              .flatMap((b) => (segmentsCross(a.segment, b.segment) ? [`${a.id} × ${b.id}`] : [])),
          );
          expect(crossings).toEqual([]);
          // A leader through another label's box reads, from the back of the room, as pointing at that unit.
          const through = leaders.flatMap((leader) =>
            labels
              .filter((label) => label.id !== leader.id && segmentThroughBox(leader.segment, label.box))
              .map((label) => `${leader.id} → ${label.id}`),
          );
          expect(through).toEqual([]);
          // Every leader starts on the screen: a unit off it (Kizilsu's) is not drawn at the edge.
          const offScreen = leaders.filter(
            ({ segment: [[x, y]] }) =>
              x < 0 || x > view(screenName).width || y < 0 || y > view(screenName).height,
          );
          expect(offScreen.map(({ id }) => id)).toEqual([]);
          if (measureName === 'glyph widths') {
            // Every unit on the screen is named but a few regiments in the crowd west of Yining whose every
            // place is taken (the previous placement left up to eight out, naming some under another's leader).
            const named = new Set(labels.map((label) => label.id));
            const unnamed = [...geometry.labels, ...geometry.seats]
              .filter(({ unitId, position }) => {
                const [x, y] = projectOn(position);
                const { width, height } = view(screenName);
                return x >= 0 && x <= width && y >= 0 && y <= height && !named.has(unitId);
              })
              .map(({ unitId }) => unitId);
            expect(unnamed.sort()).toEqual(crowded[screenName][language]);
          }
          const warningLine = language === 'zh' ? '橙色预警' : 'Orange';
          const withWarning = labels.filter((label) => label.text.split('\n').includes(warningLine));
          expect(withWarning.map((label) => label.id).sort()).toEqual([...warned].sort());
          for (const a of labels)
            for (const b of labels)
              if (a !== b) expect([a.id, b.id, overlaps(a.box, b.box)]).toEqual([a.id, b.id, false]);
        });
});
