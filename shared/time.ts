/**
 * Time conventions: instants are epoch milliseconds; an hourly value is stamped with the end of its hour
 * (the 13:00 value covers 12:00–13:00). Beijing time is UTC+08:00 with no daylight saving.
 */
export const HOUR = 3_600_000;
export const BEIJING_OFFSET = 8 * HOUR;

/** Parses an ISO 8601 instant with an offset; throws on anything else. */
export function parseInstant(iso: string): number {
  if (!/[zZ]|[+-]\d\d:?\d\d$/.test(iso)) throw new Error(`time ${iso} has no UTC offset`);
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`time ${iso} is not an ISO 8601 instant`);
  return ms;
}

export function isWholeHour(ms: number): boolean {
  return ms % HOUR === 0;
}

/** Formats an instant as ISO 8601 in Beijing time, e.g. 2019-01-05T13:00:00+08:00. */
export function toBeijingIso(ms: number): string {
  return `${new Date(ms + BEIJING_OFFSET).toISOString().slice(0, 19)}+08:00`;
}
