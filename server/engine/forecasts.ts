import { HOUR } from '../../shared/time';
import type { ForecastRow } from '../store/types';

/** Every forecast received, per unit and window end, so that a past hour sees only the issues known then. */
export class ForecastBook {
  private readonly byUnit = new Map<string, Map<number, ForecastRow[]>>();

  add(row: ForecastRow): void {
    let windows = this.byUnit.get(row.unit);
    if (!windows) {
      windows = new Map();
      this.byUnit.set(row.unit, windows);
    }
    const issues = windows.get(row.windowEnd) ?? [];
    const kept = issues.filter((issue) => !(issue.issuedAt === row.issuedAt && issue.source === row.source));
    kept.push(row);
    windows.set(row.windowEnd, kept);
  }

  /** The newest issue for the window known by `now` (issued before the end of the hour now closes). */
  at(unit: string, windowEnd: number, now: number): ForecastRow | null {
    const issues = this.byUnit.get(unit)?.get(windowEnd);
    if (!issues) return null;
    let best: ForecastRow | null = null;
    for (const issue of issues) {
      if (issue.issuedAt >= now + HOUR) continue;
      if (!best || issue.issuedAt >= best.issuedAt) best = issue;
    }
    return best;
  }
}
