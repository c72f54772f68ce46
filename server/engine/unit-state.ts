import type { WarningLevel } from '../../shared/levels';
import type { Plan } from '../../shared/plans';
import type { Period } from '../../shared/rules/dust';
import type { UnitState } from '../../shared/state/schema';
import type { HourColumns } from './hour-columns';
import { hourlyReport } from './reports';
import { isStale, newestAtOrBefore } from './station-state';
import { gradeUnit } from './unit-evaluation';
import type { UnitSeries } from './unit-series';

export type UnitInputs = {
  id: string;
  columns: HourColumns | undefined;
  /** Station columns of the unit's stations, with whether each is simulated. */
  stations: { columns: HourColumns | undefined; simulated: boolean }[];
  series: UnitSeries;
  issuedLevel: WarningLevel;
  regionFloor: WarningLevel;
  confirmedDust: readonly Period[];
};

/** One unit's row of the live state (shared/state/schema.ts): its AQI, grading and freshness at now. */
export function unitState(plan: Plan, inputs: UnitInputs, now: number): UnitState {
  const graded = gradeUnit(plan, inputs.series, now, inputs.confirmedDust);
  const newestHour = newestAtOrBefore(inputs.columns, now);
  const hourly = inputs.columns && newestHour !== null ? hourlyReport(inputs.columns, newestHour) : null;
  const { series } = inputs.series;
  const index = newestHour === null ? -1 : Math.round((newestHour - series.start) / 3_600_000);
  const daily = index >= 0 && index <= series.lastObservedIndex ? series.values[index]! : Number.NaN;
  const stationCount =
    newestHour === null ? 0 : inputs.stations.filter((station) => station.columns?.hasAny(newestHour)).length;
  return {
    id: inputs.id,
    hourlyAqi: hourly?.aqi ?? null,
    dailyAqi: Number.isNaN(daily) ? null : daily,
    primaryPollutants: index >= 0 ? (inputs.series.primary[index] ?? []) : [],
    recommendedLevel: graded.evaluation.recommendedLevel,
    issuedLevel: inputs.issuedLevel,
    regionFloor: inputs.regionFloor,
    explanation: graded.explanation,
    newestHour,
    stationCount,
    stale: isStale(newestHour, now),
    simulated: inputs.stations.length > 0 && inputs.stations.every((station) => station.simulated),
    dust: graded.dust,
  };
}
