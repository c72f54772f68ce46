import {
  averageDailySeries,
  type DailySeries,
  type GuardEvidence,
  type WarningTarget,
} from '../../shared/rules';
import type { FrozenSeries } from '../../shared/state/decision-packet';
import type { NowEvaluation } from '../engine/jurisdiction-state';

/** A target's members. */
export function membersOf(target: WarningTarget): string[] {
  return target.kind === 'unit' ? [target.unitId] : target.members;
}

/** A member's daily AQI series as the engine graded it at now (observed joined with forecast). */
export function unitSeriesAt(evaluation: NowEvaluation, unitId: string): DailySeries | null {
  return evaluation.units.get(unitId)?.series.series ?? null;
}

/**
 * What the guards weigh for a target (shared/rules/lifecycle/guards.ts): its series (a region's members
 * averaged, Ili 3.3.3) and, for a unit, the regional floor it already has grounds for.
 */
export function evidenceFor(evaluation: NowEvaluation, target: WarningTarget): GuardEvidence {
  const members = membersOf(target).map((id) => unitSeriesAt(evaluation, id));
  const known = members.filter((series): series is DailySeries => series !== null);
  const series = known.length === members.length ? averageDailySeries(known) : null;
  const floor =
    target.kind === 'unit'
      ? (evaluation.state.units.find((unit) => unit.id === target.unitId)?.regionFloor ?? 'none')
      : 'none';
  return { now: evaluation.state.now, series, floor };
}

/** A series as JSON for a decision packet (NaN becomes null). */
export function frozen(series: DailySeries | null): FrozenSeries | null {
  if (!series) return null;
  return {
    start: series.start,
    values: Array.from(series.values, (value) => (Number.isNaN(value) ? null : value)),
    lastObservedIndex: series.lastObservedIndex,
  };
}
