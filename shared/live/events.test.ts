import { expect, test } from 'vitest';
import type { JurisdictionState, UnitState } from '../state/schema';
import { unitStateOf } from '../state/unit-state.test-support';
import { applyDelta, deltaSchema } from './events';

const explanation = { zh: '不建议发布预警', en: 'No warning recommended', citations: ['3.3.2'] };

function unit(id: string, dailyAqi: number): UnitState {
  return unitStateOf(id, { hourlyAqi: dailyAqi, dailyAqi, explanation });
}

const state: JurisdictionState = {
  jurisdiction: 'ili',
  now: 0,
  edition: '2012',
  units: [unit('654002', 180), unit('654021', 170)],
  regions: [
    {
      id: 'r1',
      members: ['654002', '654021', 'xpcc4-r66'],
      level: 'yellow',
      averageDailyAqi: 205,
      explanation,
    },
  ],
  stations: [],
  warnings: [],
  compliance: [],
  recommendation: [],
};

test('a delta changes only the fields it carries and keeps everything else', () => {
  const delta = deltaSchema.parse({
    seq: 8,
    jurisdiction: 'ili',
    now: 3_600_000,
    edition: '2012',
    stations: [],
    units: [
      {
        id: '654002',
        dailyAqi: 210,
        recommendedLevel: 'yellow',
        explanation: { ...explanation, zh: '建议黄色预警' },
      },
    ],
    regionAverages: { r1: 212 },
    events: [],
  });
  const next = applyDelta(state, delta);
  expect(next.now).toBe(3_600_000);
  expect(next.units[0]).toMatchObject({
    id: '654002',
    dailyAqi: 210,
    hourlyAqi: 180,
    recommendedLevel: 'yellow',
  });
  expect(next.units[0]!.explanation.zh).toBe('建议黄色预警');
  expect(next.units[1]).toEqual(state.units[1]);
  expect(next.regions[0]).toMatchObject({ id: 'r1', averageDailyAqi: 212, level: 'yellow' });
  // The fold is pure: the snapshot it started from is unchanged.
  expect(state.units[0]!.dailyAqi).toBe(180);
});

test('a delta with a region list replaces the regions; a malformed delta is refused naming the field', () => {
  const delta = deltaSchema.parse({
    seq: 9,
    jurisdiction: 'ili',
    now: 7_200_000,
    edition: '2012',
    stations: [],
    units: [],
    regions: [],
    events: [],
  });
  expect(applyDelta(state, delta).regions).toEqual([]);
  const bad = deltaSchema.safeParse({ ...delta, units: [{ id: '654002', dailyAqi: 'high' }] });
  expect(bad.success).toBe(false);
  expect(bad.error?.issues[0]?.path).toEqual(['units', 0, 'dailyAqi']);
});
