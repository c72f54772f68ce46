import type { JurisdictionState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { summarise } from './summary';

/** Per prefecture: the newest data hour seen, and when (wall clock) it was first seen. */
export type DataArrivals = ReadonlyMap<Jurisdiction, { newest: number | null; since: number }>;

/**
 * Notes when each prefecture's newest data hour last moved. Only a newer (or, when a replay starts over,
 * another) data hour counts as data arriving: the engine's hourly tick, a warning action or a reconnection
 * brings a new state but no new data, and must not hide a quiet feed.
 */
export function noteArrivals(
  previous: DataArrivals,
  states: readonly JurisdictionState[],
  wallNow: number,
): DataArrivals {
  const next = new Map(previous);
  for (const state of states) {
    const newest = summarise([state]).newestData;
    const seen = previous.get(state.jurisdiction);
    if (seen === undefined || seen.newest !== newest)
      next.set(state.jurisdiction, { newest, since: wallNow });
  }
  return next;
}

/** When data last arrived for what a view shows (its prefectures), or null before any state. */
export function lastArrival(arrivals: DataArrivals, jurisdictions: readonly Jurisdiction[]): number | null {
  const times = jurisdictions.flatMap((jurisdiction) => arrivals.get(jurisdiction)?.since ?? []);
  return times.length === 0 ? null : Math.max(...times);
}
