import type { WarningLevel } from '../../shared/levels';
import type { Plan } from '../../shared/plans';
import { dustRuns, excludeDust, levelAt } from '../../shared/rules';
import type { Period } from '../../shared/rules/dust';
import { evaluateUnit, type UnitEvaluation } from '../../shared/rules/evaluate-unit';
import { HOUR } from '../../shared/time';
import type { UnitSeries } from './unit-series';

export type DustStatus = 'none' | 'suspected' | 'confirmed';

/**
 * Likely-dust windows (PM10 primary, low PM2.5/PM10), continued into the forecast while the forecast
 * keeps PM10 alone as primary: sand and dust is outside both plans (适用范围), so these windows are not
 * graded even before the office confirms, and the explanation says why.
 */
function suspectedPeriods(input: UnitSeries): Period[] {
  const periods = dustRuns(input.series.start, input.dustWindows);
  const last = periods.at(-1);
  const nowEnd = input.series.start + input.series.lastObservedIndex * HOUR;
  if (!last || last.to !== nowEnd) return periods;
  for (let index = input.series.lastObservedIndex + 1; index < input.series.values.length; index += 1) {
    const primary = input.primary[index] ?? [];
    if (primary.length !== 1 || primary[0] !== 'pm10') break;
    last.to += HOUR;
  }
  return periods;
}

function touchesLastDay(periods: readonly Period[], now: number): boolean {
  return periods.some((period) => period.from <= now && period.to >= now - 23 * HOUR);
}

export type GradedUnit = {
  evaluation: UnitEvaluation;
  dust: DustStatus;
  /** Likely-dust periods the office has not confirmed (not wholly inside a confirmed one). */
  suspected: Period[];
  /**
   * No suspected dust: `evaluation` is evaluateUnit over the confirmed periods alone, the same the compliance
   * flags ask for (pm25Daily changes only its heavyDay), so they may reuse it.
   */
  confirmedDustOnly: boolean;
};

export function gradeUnit(
  plan: Plan,
  input: UnitSeries,
  now: number,
  confirmed: readonly Period[],
): GradedUnit {
  const suspected = suspectedPeriods(input).filter(
    (period) => !confirmed.some((known) => known.from <= period.from && known.to >= period.to),
  );
  const evaluation = evaluateUnit(plan, input.series, now, {
    dustPeriods: confirmed,
    suspectedDust: suspected,
    pm25Daily: input.pm25Daily,
  });
  const dust: DustStatus = touchesLastDay(confirmed, now)
    ? 'confirmed'
    : touchesLastDay(suspected, now)
      ? 'suspected'
      : 'none';
  return { evaluation, dust, suspected, confirmedDustOnly: suspected.length === 0 };
}

/**
 * The level whose condition holds at one window end of the series gradeUnit graded (DOMAIN.md: the level
 * at t is the highest that holds), with the same dust windows left out: the time slider's forecast hours.
 */
export function levelAtWindow(
  plan: Plan,
  input: UnitSeries,
  windowEnd: number,
  confirmed: readonly Period[],
): WarningLevel {
  const { series } = excludeDust(input.series, [...confirmed, ...suspectedPeriods(input)]);
  return levelAt(plan.grading, series, windowEnd);
}
