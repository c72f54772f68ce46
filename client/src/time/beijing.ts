import { toBeijingIso } from '../../../shared/time';

/** "2019-01-05 13:00" in Beijing time, whatever the browser's zone. */
export function beijingMinute(ms: number): string {
  return toBeijingIso(ms).slice(0, 16).replace('T', ' ');
}

/** "13:00:05" in Beijing time, for the wall clock. */
export function beijingClock(ms: number): string {
  return toBeijingIso(ms).slice(11, 19);
}

/** "01-05 13时" in Beijing time, for chart axes and compact lists. */
export function beijingHour(ms: number): string {
  const iso = toBeijingIso(ms);
  return `${iso.slice(5, 10)} ${iso.slice(11, 13)}时`;
}
