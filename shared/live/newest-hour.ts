import { z } from 'zod';

/**
 * The newest hour of a delta's rows in one field (issue 16.3): an hourly feed moves almost every station's
 * and unit's `newestHour` to the same hour, and rows that repeated it were 91 % of a delta. "Every row's
 * newestHour is `hour`, except the rows listed" replaces them; a listed row keeps its own value, or gets a
 * new one in its change row. The server compacts and the client expands with the two functions below.
 */
export const newestHourClockSchema = z.object({
  hour: z.number(),
  /** Rows whose newestHour is not `hour` (silent or late stations, rows without data). */
  except: z.array(z.string()),
});
export type NewestHourClock = z.infer<typeof newestHourClockSchema>;

type Row = { id: string; newestHour: number | null };
type Change<R extends Row> = Partial<R> & { id: string };

/**
 * The server's side: from the rows after the tick and their changes (id and changed fields), the clock and
 * the changes without the newestHour it gives. Absent when no change moved a row's newestHour; the hour is
 * the one most changed rows moved to.
 */
export function compactNewestHours<R extends Row>(
  rows: readonly R[],
  changes: readonly Change<R>[],
): { clock: NewestHourClock | undefined; changes: Change<R>[] } {
  const counts = new Map<number, number>();
  for (const change of changes)
    if (typeof change.newestHour === 'number')
      counts.set(change.newestHour, (counts.get(change.newestHour) ?? 0) + 1);
  if (counts.size === 0) return { clock: undefined, changes: [...changes] };
  const hour = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
  const clock = { hour, except: rows.filter((row) => row.newestHour !== hour).map((row) => row.id) };
  const lean = changes.flatMap((change) => {
    if (change.newestHour !== hour) return [change];
    const { newestHour: _given, ...rest } = change;
    return Object.keys(rest).length > 1 ? [rest as Change<R>] : [];
  });
  return { clock, changes: lean };
}

/** The client's side: the rows (changes already applied) with the clock's newestHour set. */
export function expandNewestHours<R extends Row>(
  rows: readonly R[],
  clock: NewestHourClock | undefined,
): R[] {
  if (!clock) return [...rows];
  const except = new Set(clock.except);
  return rows.map((row) =>
    except.has(row.id) || row.newestHour === clock.hour ? row : { ...row, newestHour: clock.hour },
  );
}
