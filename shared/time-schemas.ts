import { z } from 'zod';
import { HOUR, isWholeHour, readInstant, toBeijingIso } from './time';

/**
 * The instants every boundary accepts (HTTP, socket, CLI, file import): one parser, one plausible range.
 * The national network's real-time hourly publication began in 2013, so nothing older is data of ours;
 * 2100 bounds forecast windows and plan dates far beyond any real use.
 */
export const earliestInstant = Date.parse('2013-01-01T00:00:00+08:00');
export const latestInstant = Date.parse('2100-01-01T00:00:00+08:00');
/** Clocks drift and feeders stamp the hour in progress: an observation may run this far ahead of now. */
export const futureToleranceMs = HOUR;

function rangeProblem(time: number): string | null {
  if (time < earliestInstant) return 'is before 2013-01-01T00:00:00+08:00, older than any data we keep';
  if (time >= latestInstant) return 'is not before 2100-01-01T00:00:00+08:00';
  return null;
}

/** Any instant: ISO 8601 with an explicit offset, calendar-valid, in 2013–2099 → epoch ms. */
export const instantSchema = z
  .string()
  .describe('instant, ISO 8601 with UTC offset, 2013–2099')
  .transform((value, context) => {
    const reading = readInstant(value);
    if (!reading.ok) {
      context.addIssue({ code: 'custom', message: reading.problem });
      return z.NEVER;
    }
    const problem = rangeProblem(reading.time);
    if (problem === null) return reading.time;
    context.addIssue({ code: 'custom', message: `time ${value} ${problem}` });
    return z.NEVER;
  });

/** An hour end, e.g. 2019-01-05T13:00:00+08:00 (hour-ending Beijing time) → epoch ms. */
export const hourEndSchema = z
  .string()
  .describe('hour end, ISO 8601 with UTC offset, e.g. 2019-01-05T13:00:00+08:00')
  .pipe(instantSchema)
  .refine(isWholeHour, 'not the end of an hour (minutes and seconds must be 0)');

/** An instant already in epoch ms (stored events, socket payloads), in the same plausible range. */
export const epochInstantSchema = z
  .number()
  .int()
  .superRefine((time, context) => {
    const problem = rangeProblem(time);
    if (problem) context.addIssue({ code: 'custom', message: `instant ${time} ${problem}` });
  });

/** Measured data cannot come from the future: more than the tolerance after now is a typo or a bad clock. */
export function futureProblem(time: number, now: number): string | null {
  return time > now + futureToleranceMs
    ? `${toBeijingIso(time)} is more than an hour after the current time ${toBeijingIso(now)}`
    : null;
}
