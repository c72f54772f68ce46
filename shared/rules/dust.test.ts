import { describe, expect, test } from 'vitest';
import { HOUR } from '../time';
import { dustLikely, suspectedDustPeriods } from './dust';

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
    expect(suspectedDustPeriods(start, [haze, dust, dust, haze, dust])).toEqual([
      { from: start + HOUR, to: start + 2 * HOUR },
      { from: start + 4 * HOUR, to: start + 4 * HOUR },
    ]);
  });
});
