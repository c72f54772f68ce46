import { toBeijingIso } from '../time';
import type { DocumentLanguage } from './words';

/** "2019-12-17 17:00", Beijing time. */
export function minute(ms: number): string {
  return toBeijingIso(ms).slice(0, 16).replace('T', ' ');
}

/** The Beijing calendar date of an instant, YYYY-MM-DD. */
export function beijingDate(ms: number): string {
  return toBeijingIso(ms).slice(0, 10);
}

/**
 * The Beijing date an hourly value stamped with its hour end belongs to: the 00:00 value closes the day
 * before (the 24-hour window ending at midnight is that day's), so a report chosen at 00:00 is that day's.
 */
export function dateOfHourEnd(hourEnd: number): string {
  return beijingDate(hourEnd - 1);
}

/** The annex forms' time: "2019年12月17日17时00分" (Kizilsu annex 3), or the ISO-like minute in English. */
export function formMinute(ms: number, language: DocumentLanguage): string {
  if (language === 'en') return minute(ms);
  const iso = toBeijingIso(ms);
  return `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日${iso.slice(11, 13)}时${iso.slice(14, 16)}分`;
}

/** "2019年12月17日" or "2019-12-17" for a YYYY-MM-DD date. */
export function formDate(date: string, language: DocumentLanguage): string {
  return language === 'en' ? date : `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`;
}

/** Midnight (Beijing) that starts a YYYY-MM-DD date, epoch ms. */
export function dateStart(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}
