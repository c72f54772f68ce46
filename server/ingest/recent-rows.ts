import { HOUR } from '../../shared/time';
import type { ObservationRow, Store } from '../store/types';

/** Hours before the newest hour ingested that the plausibility checks of a new hour read. */
const keepHours = 48;

/**
 * The stored rows of each station's last two days, kept in step with every write ingest commits, so that
 * an hourly request of the whole network reads its neighbourhood (server/ingest/observations withFlags)
 * from memory instead of the table. A station's entry holds every stored row from `from` on; anything
 * older, or a station not seen yet, is read from the store. Ingest is the only writer of observations.
 */
export class RecentRows {
  private readonly byStation = new Map<string, { from: number; rows: Map<number, ObservationRow> }>();
  private newest: number;

  constructor(private readonly store: Store) {
    this.newest = store.newestObservationTime() ?? Number.NEGATIVE_INFINITY;
  }

  /** The stored rows of `stations` in [from, to], by station (each station's rows in no particular order). */
  read(stations: readonly string[], from: number, to: number): Map<string, ObservationRow[]> {
    const byStation = new Map<string, ObservationRow[]>(stations.map((station) => [station, []]));
    if (from < this.newest - keepHours * HOUR) {
      for (const row of this.store.observationsBetween(from, to, stations))
        byStation.get(row.station)?.push(row);
      return byStation;
    }
    const unread: string[] = [];
    for (const station of stations) {
      const entry = this.byStation.get(station);
      if (!entry || entry.from > from) {
        unread.push(station);
        continue;
      }
      const rows = byStation.get(station)!;
      for (const row of entry.rows.values()) if (row.time >= from && row.time <= to) rows.push(row);
    }
    if (unread.length > 0) {
      // Recent: everything stored from `from` on is a couple of days at most; it fills the entries.
      const stored = this.store.observationsBetween(from, Number.MAX_SAFE_INTEGER, unread);
      for (const station of unread) this.byStation.set(station, { from, rows: new Map() });
      for (const row of stored) {
        this.byStation.get(row.station)!.rows.set(row.time, row);
        if (row.time <= to) byStation.get(row.station)!.push(row);
      }
    }
    return byStation;
  }

  /** After a committed write: the rows as stored now. */
  written(rows: readonly ObservationRow[]): void {
    for (const row of rows) if (row.time > this.newest) this.newest = row.time;
    const oldest = this.newest - keepHours * HOUR;
    // Only rows still within the kept hours: a bulk request's earlier hours would be dropped again below.
    for (const row of rows) {
      if (row.time < oldest) continue;
      const entry = this.byStation.get(row.station);
      if (entry && row.time >= entry.from) entry.rows.set(row.time, row);
    }
    for (const entry of this.byStation.values()) {
      if (entry.from >= oldest) continue;
      entry.from = oldest;
      for (const time of entry.rows.keys()) if (time < oldest) entry.rows.delete(time);
    }
  }
}
