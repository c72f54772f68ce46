import type { UnitListing } from '../../../shared/api/responses';
import type { Plan } from '../../../shared/plans';
import {
  averageDailySeries,
  type DailySeries,
  evaluateUnit,
  type UnitEvaluation,
} from '../../../shared/rules';
import { findRegions, type RegionsResult } from '../../../shared/rules/regions';
import type { SeriesState } from '../../../shared/state/schema';
import { HOUR } from '../../../shared/time';

/**
 * A unit's daily-AQI series as the rule engine reads it (shared/rules DailySeries): the observed windows
 * GET /api/state/series gives up to now, then the newest forecast per window; NaN where nothing is known.
 */
export function dailySeriesOf(series: SeriesState): DailySeries {
  const start = series.daily[0]?.time ?? series.now;
  const lastForecast = series.forecast.at(-1)?.time ?? series.now;
  const length = Math.round((Math.max(lastForecast, series.now) - start) / HOUR) + 1;
  const values = new Float64Array(length).fill(Number.NaN);
  for (const point of series.daily)
    if (point.aqi !== null) values[Math.round((point.time - start) / HOUR)] = point.aqi;
  for (const point of series.forecast) {
    const index = Math.round((point.time - start) / HOUR);
    if (index >= 0 && index < length) values[index] = point.aqi;
  }
  return { start, values, lastObservedIndex: Math.round((series.now - start) / HOUR) };
}

/** Whether the units form one connected piece of the adjacency graph (shared border, GET /api/units). */
export function isContiguous(unitIds: readonly string[], units: ReadonlyMap<string, UnitListing>): boolean {
  if (unitIds.length === 0) return false;
  const wanted = new Set(unitIds);
  const reached = new Set([unitIds[0]!]);
  const queue = [unitIds[0]!];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const neighbour of units.get(id)?.neighbours ?? [])
      if (wanted.has(neighbour.id) && !reached.has(neighbour.id)) {
        reached.add(neighbour.id);
        queue.push(neighbour.id);
      }
  }
  return reached.size === wanted.size;
}

export type WhatIf = {
  members: string[];
  contiguous: boolean;
  enoughUnits: boolean;
  series: DailySeries | null;
  evaluation: UnitEvaluation | null;
};

/** Ili 3.3.3: a region of exactly these units: its averaged series, the level it reaches, and whether it may be one. */
export function whatIf(
  plan: Plan,
  members: readonly string[],
  seriesByUnit: ReadonlyMap<string, DailySeries>,
  units: ReadonlyMap<string, UnitListing>,
  now: number,
): WhatIf {
  const known = members.filter((id) => seriesByUnit.has(id));
  const series = averageDailySeries(known.map((id) => seriesByUnit.get(id)!));
  const minUnits = plan.regional.kind === 'contiguous-average' ? plan.regional.minUnits : 3;
  return {
    members: [...members],
    contiguous: isContiguous(members, units),
    enoughUnits: members.length >= minUnits,
    series,
    evaluation: series && known.length === members.length ? evaluateUnit(plan, series, now) : null,
  };
}

/** The engine's regions recomputed over the same series, with their horizon (for the comparison and the recommendations). */
export function engineRegions(
  plan: Plan,
  seriesByUnit: ReadonlyMap<string, DailySeries>,
  units: ReadonlyMap<string, UnitListing>,
  now: number,
): RegionsResult | null {
  if (plan.regional.kind !== 'contiguous-average' || seriesByUnit.size === 0) return null;
  const ids = [...seriesByUnit.keys()];
  const to = Math.max(...[...seriesByUnit.values()].map((s) => s.start + (s.values.length - 1) * HOUR));
  const neighbours = new Map(
    ids.map((id) => [id, (units.get(id)?.neighbours ?? []).filter((n) => seriesByUnit.has(n.id))]),
  );
  const unitNames = new Map(
    ids.map((id) => [id, { zh: units.get(id)?.nameZh ?? id, en: units.get(id)?.nameEn ?? id }]),
  );
  return findRegions({
    graph: { nodes: ids, neighbours },
    seriesByUnit,
    rules: plan.grading,
    from: now,
    to: Math.max(to, now),
    now,
    minMembers: plan.regional.minUnits,
    maxRegions: 10,
    unitNames,
    section: plan.regional.section,
  });
}

/** The latest instant a warning starting at `start` may be proposed or issued and keep the plan's lead time. */
export function latestIssueTime(plan: Plan, start: number, regional: boolean): number | null {
  if (plan.leadTime.appliesTo === 'regional-warnings' && !regional) return null;
  return start - plan.leadTime.hours * HOUR;
}
