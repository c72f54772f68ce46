import { describe, expect, test } from 'vitest';
import { plans } from '../plans/index';
import { HOUR } from '../time';
import type { DailySeries } from './daily-series';
import { evaluateUnit } from './evaluate-unit';

const start = Date.parse('2019-12-01T01:00:00+08:00');
const at = (index: number) => start + index * HOUR;
/** now is window 72: 72 observed hours behind it, forecast windows after it. */
const now = at(72);

function series(overrides: Record<number, number>, length = 160, base = 100): DailySeries {
  const values = new Float64Array(length).fill(base);
  for (const [index, value] of Object.entries(overrides)) values[Number(index)] = value;
  return { start, values, lastObservedIndex: 72 };
}

const level = (result: ReturnType<typeof evaluateUnit>, name: 'yellow' | 'orange' | 'red') =>
  result.levels.find((candidate) => candidate.level === name)!;

describe.each([
  ['kizilsu', '3.3.1 预警分级'],
  ['ili', '3.3.2 预警分级标准'],
] as const)('grading by the %s plan', (jurisdiction, section) => {
  const plan = plans[jurisdiction];

  test('yellow: a forecast daily AQI above 200; exactly 200 is not', () => {
    const result = evaluateUnit(plan, series({ 100: 201 }), now);
    expect(result.recommendedLevel).toBe('yellow');
    expect(level(result, 'yellow')).toMatchObject({
      holds: true,
      firstWindowEnd: at(100),
      lastWindowEnd: at(100),
    });
    expect(level(result, 'orange').holds).toBe(false);
    expect(level(result, 'yellow').explanation.citations).toEqual([section]);
    expect(level(result, 'yellow').explanation.zh).toContain('2019-12-05 05:00（预测）201');
    expect(evaluateUnit(plan, series({ 100: 200 }), now).recommendedLevel).toBe('none');
  });

  test('yellow: above 150 in two windows 24 h apart; exactly 150 in one of them is not', () => {
    expect(evaluateUnit(plan, series({ 80: 151, 104: 151 }), now).recommendedLevel).toBe('yellow');
    expect(evaluateUnit(plan, series({ 80: 150, 104: 151 }), now).recommendedLevel).toBe('none');
  });

  test('orange: above 200 for 48 h, or above 150 for 72 h', () => {
    const two = evaluateUnit(plan, series({ 80: 210, 104: 210 }), now);
    expect(two.recommendedLevel).toBe('orange');
    expect(level(two, 'orange').firstWindowEnd).toBe(at(104));
    expect(evaluateUnit(plan, series({ 80: 160, 104: 160, 128: 160 }), now).recommendedLevel).toBe('orange');
    expect(evaluateUnit(plan, series({ 80: 160, 104: 160, 128: 150 }), now).recommendedLevel).toBe('yellow');
  });

  test('red: above 200 for 72 h and above 300 in a window of the last 48 h; exactly 300 is not', () => {
    const sustained = { 80: 250, 104: 250, 128: 250 };
    const red = evaluateUnit(plan, series({ ...sustained, 110: 301 }), now);
    expect(red.recommendedLevel).toBe('red');
    expect(level(red, 'red').explanation.zh).toContain('301');
    expect(evaluateUnit(plan, series({ ...sustained, 110: 300 }), now).recommendedLevel).toBe('orange');
    // The window ending at 79 is 49 h before the only end (128) where the 72 h duration holds.
    expect(evaluateUnit(plan, series({ ...sustained, 79: 350 }), now).recommendedLevel).toBe('orange');
  });

  test('a missing window never counts as exceeding and breaks a duration', () => {
    const result = evaluateUnit(plan, series({ 80: Number.NaN, 104: 210 }), now);
    expect(result.recommendedLevel).toBe('yellow');
    const empty = evaluateUnit(plan, series({}, 160, Number.NaN), now);
    expect(empty.recommendedLevel).toBe('none');
    expect(level(empty, 'yellow').explanation.zh).toContain('缺测');
  });

  test('a condition met only in observed windows before now does not count unless looked back on', () => {
    const past = series({ 30: 260, 54: 260 });
    expect(evaluateUnit(plan, past, now).recommendedLevel).toBe('none');
    const lookedBack = evaluateUnit(plan, past, now, { lookbackHours: 48 });
    expect(lookedBack.recommendedLevel).toBe('orange');
    expect(level(lookedBack, 'orange').explanation.zh).toContain('（实测）260');
  });

  test('two episodes 35 clean hours apart are one, started at the higher level; 36 apart are two', () => {
    // Yellow at end 80 only; orange needs ends j and j + 24 above 200, yellow from j.
    const merged = evaluateUnit(plan, series({ 80: 210, 116: 210, 140: 210 }), now);
    expect(merged.recommendedLevel).toBe('orange');
    // Three runs (80; 116; 140), each fewer than 36 clean window ends from the next.
    expect(merged.episode).toMatchObject({ firstWindowEnd: at(80), lastWindowEnd: at(140), parts: 3 });
    expect(merged.explanation.citations).toContain(plan.adjustment.merge.section);
    const apart = evaluateUnit(plan, series({ 80: 210, 117: 210, 141: 210 }), now);
    expect(apart.recommendedLevel).toBe('yellow');
    expect(apart.episode).toMatchObject({ lastWindowEnd: at(80), parts: 1 });
  });

  test('an observed episode that ended under 36 h before a forecast one lifts the forecast to its level', () => {
    // Observed: yellow at 36, orange at 60 (above 200 at 36 and 60). Forecast: yellow at 90, 29 clean ends later.
    const joined = evaluateUnit(plan, series({ 36: 210, 60: 210, 90: 201 }), now);
    expect(joined.recommendedLevel).toBe('orange');
    expect(joined.episode).toMatchObject({ firstWindowEnd: at(36), lastWindowEnd: at(90), parts: 3 });
    expect(level(joined, 'orange').holds).toBe(false);
    const separate = evaluateUnit(plan, series({ 36: 210, 60: 210, 97: 201 }), now);
    expect(separate.recommendedLevel).toBe('yellow');
    expect(separate.episode).toMatchObject({ firstWindowEnd: at(97), parts: 1 });
  });

  test('confirmed dust takes its windows out of grading; only health advice applies', () => {
    const dusty = evaluateUnit(plan, series({ 100: 400 }), now, {
      dustPeriods: [{ from: at(90), to: at(95) }],
    });
    expect(dusty.recommendedLevel).toBe('none');
    // Dust hours end at 90…95; windows ending 90…118 (95 + 23 h) hold at least one of them.
    expect(dusty.dust!.excludedWindows).toBe(29);
    expect(dusty.dust!.explanation.zh).toContain('因沙尘天气形成的重污染不适用本预案');
    expect(dusty.dust!.levelWithDust).toBe('yellow');
    expect(dusty.explanation.citations).toContain(plan.dust.section);
    // The window ending 24 h after the last dust hour holds no dust hour.
    const after = evaluateUnit(plan, series({ 119: 400 }), now, {
      dustPeriods: [{ from: at(90), to: at(95) }],
    });
    expect(after.recommendedLevel).toBe('yellow');
  });
});

describe('plan-specific evaluation', () => {
  test('Kizilsu asks for 48 h lead: a condition first met 28 h ahead says issue promptly (3.3.3)', () => {
    const soon = evaluateUnit(plans.kizilsu, series({ 100: 201 }), now);
    expect(soon.explanation.citations).toContain('3.3.3 预警发布');
    expect(soon.explanation.zh).toContain('少于预案要求的提前48小时');
    const early = evaluateUnit(plans.kizilsu, series({ 120: 201 }), now);
    expect(early.explanation.citations).not.toContain('3.3.3 预警发布');
  });

  test('Ili heavy-pollution day: PM2.5 24 h mean above 115 µg/m³ even when the AQI is below 200 (1.3)', () => {
    const pm25 = new Float64Array(160).fill(60);
    pm25[90] = 116;
    const flagged = evaluateUnit(plans.ili, series({}), now, { pm25Daily: pm25 });
    expect(flagged.heavyDay).toMatchObject({ flagged: true, firstWindowEnd: at(90), lastWindowEnd: at(90) });
    expect(flagged.recommendedLevel).toBe('none');
    pm25[90] = 115;
    expect(evaluateUnit(plans.ili, series({}), now, { pm25Daily: pm25 }).heavyDay!.flagged).toBe(false);
    expect(evaluateUnit(plans.kizilsu, series({}), now, { pm25Daily: pm25 }).heavyDay).toBeNull();
    pm25[90] = 116;
    const dust = { pm25Daily: pm25, dustPeriods: [{ from: at(80), to: at(80) }] };
    expect(evaluateUnit(plans.ili, series({}), now, dust).heavyDay!.flagged).toBe(false);
  });

  test('Kizilsu dust advice cites the last paragraph of 3.3.1', () => {
    const dusty = evaluateUnit(plans.kizilsu, series({}), now, {
      dustPeriods: [{ from: at(90), to: at(90) }],
    });
    expect(dusty.dust!.explanation.citations).toEqual(['1.3 适用范围', '3.3.1 预警分级']);
    expect(dusty.dust!.explanation.zh).toContain('健康提示');
  });
});
