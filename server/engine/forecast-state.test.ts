import { describe, expect, test } from 'vitest';
import type { DailySeries } from '../../shared/rules';
import { HOUR } from '../../shared/time';
import { coveringWindowEnd, lastForecastEnd } from './forecast-state';

/**
 * A series whose now is index 2 (hour end 2 h), with forecast windows ending at 6 h (160), 30 h (240)
 * and, after a missing day, 78 h (120): daily forecasts keyed by their window end (DOMAIN.md "predicted").
 */
function series(): DailySeries {
  const values = new Float64Array(80).fill(Number.NaN);
  values[0] = 70;
  values[1] = 72;
  values[2] = 75;
  values[6] = 160;
  values[30] = 240;
  values[78] = 120;
  return { start: 0, values, lastObservedIndex: 2 };
}

describe('the forecast window covering an hour', () => {
  test('an hour inside a window takes that window, not a blend of its neighbours', () => {
    expect(coveringWindowEnd(series(), 3 * HOUR)).toBe(6 * HOUR);
    expect(coveringWindowEnd(series(), 7 * HOUR)).toBe(30 * HOUR);
    expect(coveringWindowEnd(series(), 29 * HOUR)).toBe(30 * HOUR);
  });

  test('a window end is covered by its own window', () => {
    expect(coveringWindowEnd(series(), 30 * HOUR)).toBe(30 * HOUR);
  });

  test('an hour in a day the forecast skips has no window: the next one does not hold it', () => {
    // The window ending 78 h holds hours 55 h … 78 h; 54 h is 24 h before its end.
    expect(coveringWindowEnd(series(), 40 * HOUR)).toBeNull();
    expect(coveringWindowEnd(series(), 54 * HOUR)).toBeNull();
    expect(coveringWindowEnd(series(), 55 * HOUR)).toBe(78 * HOUR);
  });

  test('beyond the last window there is none', () => {
    expect(coveringWindowEnd(series(), 79 * HOUR)).toBeNull();
  });

  test('the horizon is the last forecast window end; observed windows alone give none', () => {
    expect(lastForecastEnd(series())).toBe(78 * HOUR);
    const observedOnly = series();
    observedOnly.values.fill(Number.NaN, 3);
    expect(lastForecastEnd(observedOnly)).toBeNull();
  });
});
