import { describe, expect, test } from 'vitest';
import { plans } from '../plans/index';
import { HOUR } from '../time';
import { dustExplanation, dustLikely, dustRuns } from './dust';

const start = Date.parse('2019-03-20T01:00:00+08:00');

describe('likely sand-and-dust windows', () => {
  test('PM10 primary with PM2.5/PM10 below 0.3 is likely dust; 0.3 or PM2.5 primary is not', () => {
    expect(dustLikely({ pm25: 116, pm10: 400, primaryPollutants: ['pm10'] })).toBe(true);
    expect(dustLikely({ pm25: 120, pm10: 400, primaryPollutants: ['pm10'] })).toBe(false);
    expect(dustLikely({ pm25: 80, pm10: 400, primaryPollutants: ['pm25'] })).toBe(false);
    expect(dustLikely({ pm25: Number.NaN, pm10: 400, primaryPollutants: ['pm10'] })).toBe(false);
  });

  test('consecutive likely windows form one period', () => {
    const dust = { pm25: 50, pm10: 500, primaryPollutants: ['pm10'] };
    const haze = { pm25: 200, pm10: 260, primaryPollutants: ['pm25'] };
    expect(dustRuns(start, [haze, dust, dust, haze, dust].map(dustLikely))).toEqual([
      { from: start + HOUR, to: start + 2 * HOUR },
      { from: start + 4 * HOUR, to: start + 4 * HOUR },
    ]);
  });
});

describe('why windows leave the grading', () => {
  test('names the office-confirmed hours and the only suspected ones apart', () => {
    const confirmed = [{ from: start, to: start + 5 * HOUR }];
    const suspected = [{ from: start + 30 * HOUR, to: start + 40 * HOUR }];
    const both = dustExplanation(plans.kizilsu, { confirmed, suspected }, 64);
    expect(both.zh).toContain('办公室已确认沙尘：2019-03-20 01:00—2019-03-20 06:00。');
    expect(both.zh).toContain(
      '疑似沙尘（首要污染物PM10，PM2.5/PM10比值低），待办公室确认：2019-03-21 07:00—2019-03-21 17:00。',
    );
    const onlySuspected = dustExplanation(plans.kizilsu, { confirmed: [], suspected }, 34);
    expect(onlySuspected.zh).not.toContain('已确认');
    expect(onlySuspected.en).toMatch(
      /^Likely sand and dust \(PM10 primary, low PM2.5\/PM10 ratio\), awaiting the office's confirmation: /,
    );
  });
});
