import { expect, test } from 'vitest';
import { StationWindows } from '../../shared/aqi';
import { HOUR } from '../../shared/time';
import { dustHour } from './dust-hours';

const hour = Date.parse('2019-04-10T14:00:00+08:00');
// speciesOrder: so2, no2, pm10, pm25, co, o3.
const dusty = [8, 20, 900, 120, 0.6, 60];
const smoky = [8, 20, 300, 260, 0.6, 60];

test('an hour corrected after its dust verdict was kept is rated again, not read from the kept verdict', () => {
  const windows = new StationWindows();
  windows.set(hour - HOUR, smoky);
  windows.set(hour, dusty);
  expect(dustHour(windows, hour)).toBe(true);
  expect(dustHour(windows, hour - HOUR)).toBe(false);
  // The same hour, asked again by the next tick: the same answer.
  expect(dustHour(windows, hour)).toBe(true);
  // A late correction of the hour: PM2.5 was the instrument's fault, the air was smoke, not dust.
  windows.set(hour, smoky);
  expect(dustHour(windows, hour)).toBe(false);
  windows.set(hour, [8, 20, null, 120, 0.6, 60]);
  expect(dustHour(windows, hour)).toBeNull();
});
