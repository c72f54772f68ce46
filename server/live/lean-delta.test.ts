import fc from 'fast-check';
import { expect, test } from 'vitest';
import { applyDelta, deltaSchema } from '../../shared/live/events';
import type { JurisdictionState, StationState, UnitState } from '../../shared/state/schema';
import { unitStateOf } from '../../shared/state/unit-state.test-support';
import { changedRows, ifChanged } from '../engine/changes';
import { leanDelta } from './lean-delta';

const hour = 3_600_000;
const explanation = (text: string) => ({ zh: text, en: text, citations: ['3.3.1'] });
const newestHour = fc.option(fc.constantFrom(0, hour, 2 * hour, 3 * hour), { freq: 6 });
const aqi = fc.option(fc.integer({ min: 0, max: 500 }), { freq: 5 });
const level = fc.constantFrom('none', 'yellow', 'orange', 'red' as const);

function stationOf(id: string) {
  return fc.record({ hourlyAqi: aqi, newestHour, stale: fc.boolean() }).map(
    (fields): StationState => ({
      id,
      name: `站${id}`,
      unitId: '654002',
      lon: 81.3,
      lat: 43.9,
      simulated: false,
      ...fields,
    }),
  );
}

function unitOf(id: string) {
  return fc
    .record({ hourlyAqi: aqi, dailyAqi: aqi, newestHour, recommendedLevel: level, text: fc.string() })
    .map(
      ({ text, ...fields }): UnitState =>
        unitStateOf(id, { primaryPollutants: [], explanation: explanation(text), ...fields }),
    );
}

const stationIds = ['s1', 's2', 's3', 's4', 's5', 's6'];
const unitIds = ['654002', '654021', '654022'];

function stateAt(now: number) {
  return fc
    .record({
      stations: fc.tuple(...stationIds.map(stationOf)),
      units: fc.tuple(...unitIds.map(unitOf)),
      averageDailyAqi: aqi,
      regionLevel: level,
      lastWindowEnd: fc.constantFrom(4 * hour, 5 * hour),
    })
    .map(
      ({ stations, units, averageDailyAqi, regionLevel, lastWindowEnd }): JurisdictionState => ({
        jurisdiction: 'ili',
        now,
        edition: '2012',
        units,
        stations,
        regions: [
          {
            id: 'r1',
            members: unitIds,
            level: regionLevel,
            averageDailyAqi,
            explanation: explanation('区域'),
            firstWindowEnd: now,
            lastWindowEnd,
          },
        ],
        warnings: [],
        compliance: [],
        recommendation: [],
      }),
    );
}

/** What the client is promised: the state as the server holds it, explanation texts aside (`explain`). */
function withoutTexts(state: JurisdictionState) {
  return {
    ...state,
    units: state.units.map(({ explanation: _text, ...unit }) => unit),
    regions: state.regions.map(({ explanation: _text, ...region }) => region),
  };
}

/** The delta as a client receives it: over JSON, parsed by the shared schema. */
function sent(previous: JurisdictionState, next: JurisdictionState) {
  const change = {
    jurisdiction: next.jurisdiction,
    state: next,
    stations: changedRows(previous.stations, next.stations),
    units: changedRows(previous.units, next.units),
    regions: ifChanged(previous.regions, next.regions),
    warnings: ifChanged(previous.warnings, next.warnings),
    nowChanged: previous.now !== next.now,
    events: [],
  };
  return deltaSchema.parse(JSON.parse(JSON.stringify(leanDelta(1, change, previous))));
}

test('the client folding a lean delta into the state before holds the server state after', () => {
  fc.assert(
    fc.property(stateAt(2 * hour), stateAt(3 * hour), (previous, next) => {
      expect(withoutTexts(applyDelta(previous, sent(previous, next)))).toEqual(withoutTexts(next));
    }),
    { numRuns: 300 },
  );
});

test('an hour every station reported costs the delta one clock, not a row per station', () => {
  const station = (id: string, at: number, hourlyAqi: number): StationState => ({
    id,
    name: id,
    unitId: '654002',
    lon: 81.3,
    lat: 43.9,
    simulated: false,
    hourlyAqi,
    newestHour: at,
    stale: false,
  });
  const base = fc.sample(stateAt(hour), { numRuns: 1, seed: 1 })[0]!;
  const previous = { ...base, stations: stationIds.map((id) => station(id, hour, 80)) };
  const next = {
    ...previous,
    now: 2 * hour,
    stations: stationIds.map((id, index) => station(id, 2 * hour, index === 0 ? 95 : 80)),
  };
  const delta = sent(previous, next);
  expect(delta.stations).toEqual([{ id: 's1', hourlyAqi: 95 }]);
  expect(delta.stationNewestHour).toEqual({ hour: 2 * hour, except: [] });
  expect(applyDelta(previous, delta).stations).toEqual(next.stations);
});
