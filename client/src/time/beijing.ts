import { toBeijingIso } from '../../../shared/time';
import type { Language } from '../i18n/define';

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

/** A data time in a label's few characters, Beijing time: "18日12时", "12-18 12:00". */
export function beijingDayHour(language: Language, ms: number): string {
  if (language !== 'zh') return beijingMinute(ms).slice(5);
  const iso = toBeijingIso(ms);
  return `${Number(iso.slice(8, 10))}日${Number(iso.slice(11, 13))}时`;
}

/** A datetime-local input's value for an instant, in Beijing time whatever the browser's zone: "2019-01-08T12:00". */
export function beijingInputValue(ms: number): string {
  return toBeijingIso(ms).slice(0, 16);
}

/** A datetime-local input's value read as Beijing time, as ISO 8601 with its offset. */
export function beijingInputIso(value: string): string {
  return `${value}:00+08:00`;
}
