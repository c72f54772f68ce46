import type { UnitListing } from '../../../shared/api/responses';
import type { Plan } from '../../../shared/plans';
import {
  averageDailySeries,
  type DailySeries,
  evaluateUnit,
  type UnitEvaluation,
} from '../../../shared/rules';
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
