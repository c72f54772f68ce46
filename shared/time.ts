/**
 * Time conventions: instants are epoch milliseconds; an hourly value is stamped with the end of its hour
 * (the 13:00 value covers 12:00–13:00). Beijing time is UTC+08:00 with no daylight saving.
 */
export const HOUR = 3_600_000;
export const BEIJING_OFFSET = 8 * HOUR;

export type InstantReading = { ok: true; time: number } | { ok: false; problem: string };

// ISO 8601 extended format with an explicit offset; seconds and a fraction are optional.
const isoInstant =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads an ISO 8601 instant with an explicit UTC offset, refusing what Date.parse would quietly bend:
 * no offset, 2019-02-29 (not 1 March), hour 24, second 60, an offset beyond ±14:00, expanded years.
 */
export function readInstant(text: string): InstantReading {
  const match = isoInstant.exec(text);
  if (!match) {
    const problem = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
      ? `time ${text} has no UTC offset (add +08:00 for Beijing time, or Z)`
      : `time ${text} is not an ISO 8601 instant like 2019-01-05T13:00:00+08:00`;
    return { ok: false, problem };
  }
  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const fraction = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month! < 1 || month! > 12) return { ok: false, problem: `time ${text}: no month ${month}` };
  if (day! < 1 || day! > daysInMonth(year!, month!))
    return {
      ok: false,
      problem: `time ${text} is not a calendar date: ${year}-${String(month).padStart(2, '0')} has ${daysInMonth(year!, month!)} days`,
    };
  if (hour! > 23 || minute! > 59 || second > 59)
    return { ok: false, problem: `time ${text}: hours run 00–23, minutes and seconds 00–59` };
  let offset = 0;
  if (!match[8]) {
    const [offsetHours, offsetMinutes] = [Number(match[10]), Number(match[11])];
    if (offsetHours > 14 || offsetMinutes > 59)
      return { ok: false, problem: `time ${text}: UTC offsets run from -14:00 to +14:00` };
    offset = (match[9] === '-' ? -1 : 1) * (offsetHours * HOUR + offsetMinutes * 60_000);
  }
  // setUTCFullYear, because Date.UTC reads the years 0–99 as 1900–1999.
  const utc = new Date(Date.UTC(2000, month! - 1, day!, hour!, minute!, second, fraction));
  utc.setUTCFullYear(year!, month! - 1, day!);
  return { ok: true, time: utc.getTime() - offset };
}

/** Parses an ISO 8601 instant with an offset (readInstant); throws on anything else. */
export function parseInstant(text: string): number {
  const reading = readInstant(text);
  if (!reading.ok) throw new Error(reading.problem);
  return reading.time;
}

export function isWholeHour(ms: number): boolean {
  return ms % HOUR === 0;
}

/** toBeijingIso through Date#toISOString: the reference, and the path for instants outside 1970–9999. */
export function toBeijingIsoByDate(ms: number): string {
  return `${new Date(ms + BEIJING_OFFSET).toISOString().slice(0, 19)}+08:00`;
}

export const DAY = 24 * HOUR;
/** 10000-01-01T00:00:00Z: from here toISOString writes an expanded year. */
const YEAR_10000 = 253_402_300_800_000;

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

/**
 * Formats an instant as ISO 8601 in Beijing time, e.g. 2019-01-05T13:00:00+08:00. The engine formats
 * thousands per tick (explanations), so whole milliseconds of 1970–9999 are formatted by arithmetic
 * (days to civil date, H. Hinnant's algorithm) instead of through a Date: the same text.
 */
export function toBeijingIso(ms: number): string {
  const local = ms + BEIJING_OFFSET;
  if (!Number.isInteger(local) || local < 0 || local >= YEAR_10000) return toBeijingIsoByDate(ms);
  const days = Math.floor(local / DAY);
  const seconds = Math.floor((local - days * DAY) / 1000);
  // Civil date from days since 1970-01-01, in 400-year eras starting on 1 March.
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(seconds / 3600);
  const minute = Math.floor((seconds % 3600) / 60);
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}T${twoDigits(hour)}:${twoDigits(minute)}:${twoDigits(seconds % 60)}+08:00`;
}
