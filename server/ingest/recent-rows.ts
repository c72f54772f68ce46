import { HOUR } from '../../shared/time';
import type { ObservationRow, Store } from '../store/types';

/** Hours before the newest hour ingested that the plausibility checks of a new hour read. */
const keepHours = 48;
/** Rows older than the kept hours are dropped once they are this many hours' worth. */
const trimHours = 24;

/** The first index of `rows` (sorted by time) whose time is ≥ `time`. */
function firstAtOrAfter(rows: readonly ObservationRow[], time: number): number {
  let [low, high] = [0, rows.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.time < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The stored rows of each station's last two days, kept in step with every write ingest commits, so that
 * an hourly request of the whole network reads its neighbourhood (server/ingest/observations withFlags)
 * from memory instead of the table. A station's entry holds every stored row from `from` on, in time order
 * (a feed appends at the end, and an hourly request reads the last hours: both work from the end), except rows
 * already older than the kept hours when written, which a read never asks of it; anything older, or a station
 * not seen yet, is read from the store. Ingest is the only writer of observations.
 */
export class RecentRows {
  private readonly byStation = new Map<string, { from: number; rows: ObservationRow[] }>();
  private newest: number;
  /** The oldest hour kept when older rows were last dropped. */
  private trimmed = Number.NEGATIVE_INFINITY;

  constructor(private readonly store: Store) {
    this.newest = store.newestObservationTime() ?? Number.NEGATIVE_INFINITY;
  }

  /** The stored rows of `stations` in [from, to], by station (each station's rows in time order when kept). */
  read(stations: readonly string[], from: number, to: number): Map<string, ObservationRow[]> {
    const byStation = new Map<string, ObservationRow[]>();
    if (from < this.newest - keepHours * HOUR) {
      for (const station of stations) byStation.set(station, []);
      for (const row of this.store.observationsBetween(from, to, stations))
        byStation.get(row.station)?.push(row);
      return byStation;
    }
    const unread: string[] = [];
    for (const station of stations) {
      const entry = this.byStation.get(station);
      if (!entry || entry.from > from) {
        unread.push(station);
        byStation.set(station, []);
        continue;
      }
      // From the end: an hourly request reads its station's newest rows, which it then flags (no binary
      // search through two days of rows not otherwise touched).
      const { rows } = entry;
      let end = rows.length;
      while (end > 0 && rows[end - 1]!.time > to) end -= 1;
      let start = end;
      while (start > 0 && rows[start - 1]!.time >= from) start -= 1;
      byStation.set(station, rows.slice(start, end));
    }
    if (unread.length > 0) {
      // Recent: everything stored from `from` on is a couple of days at most; it fills the entries.
      const stored = this.store.observationsBetween(from, Number.MAX_SAFE_INTEGER, unread);
      const entries = new Map(unread.map((station) => [station, { from, rows: [] as ObservationRow[] }]));
      for (const row of stored) {
        entries.get(row.station)!.rows.push(row);
        if (row.time <= to) byStation.get(row.station)!.push(row);
      }
      for (const [station, entry] of entries) {
        entry.rows.sort((a, b) => a.time - b.time);
        this.byStation.set(station, entry);
      }
    }
    return byStation;
  }

  /** After a committed write: the rows as stored now. */
  written(rows: readonly ObservationRow[]): void {
    for (const row of rows) if (row.time > this.newest) this.newest = row.time;
    const oldest = this.newest - keepHours * HOUR;
    // Only rows still within the kept hours: a bulk request's earlier hours would never be read from here.
    for (const row of rows) {
      if (row.time < oldest) continue;
      const entry = this.byStation.get(row.station);
      if (!entry || row.time < entry.from) continue;
      const kept = entry.rows;
      const last = kept.at(-1);
      if (!last || last.time < row.time) {
        kept.push(row);
        continue;
      }
      const index = firstAtOrAfter(kept, row.time);
      if (kept[index]!.time === row.time) kept[index] = row;
      else kept.splice(index, 0, row);
    }
    // Older rows are dropped a day's worth at a time, not every hour: each hourly request would otherwise
    // search and shift every station's rows after its commit, before its answer.
    if (oldest - this.trimmed < trimHours * HOUR) return;
    this.trimmed = oldest;
    for (const entry of this.byStation.values()) {
      if (entry.from >= oldest) continue;
      entry.from = oldest;
      const drop = firstAtOrAfter(entry.rows, oldest);
      if (drop > 0) entry.rows.splice(0, drop);
    }
  }
}
