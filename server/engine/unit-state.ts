import type { StationWindows } from '../../shared/aqi';
import type { WarningLevel } from '../../shared/levels';
import type { UnitState } from '../../shared/state/schema';
import { HOUR } from '../../shared/time';
import { isStale } from './station-state';
import type { GradedUnit } from './unit-evaluation';
import type { UnitSeries } from './unit-series';

export type UnitInputs = {
  id: string;
  windows: StationWindows;
  /** End of the newest hour at or before now with a value from any of the unit's stations. */
  newestHour: number | null;
  /** How many of the unit's stations sent a value for that hour, and whether all are simulated. */
  stationCount: number;
  simulated: boolean;
  series: UnitSeries;
  issuedLevel: WarningLevel;
  regionFloor: WarningLevel;
  /** gradeUnit of `series` at now with the unit's confirmed dust. */
  graded: GradedUnit;
};

/** One unit's row of the live state (shared/state/schema.ts): its AQI, grading and freshness at now. */
export function unitState(inputs: UnitInputs, now: number): UnitState {
  const { graded, newestHour, series, windows } = inputs;
  const index = newestHour === null ? -1 : Math.round((newestHour - series.series.start) / HOUR);
  const observed = index >= 0 && index <= series.series.lastObservedIndex;
  const { levels, recommendedLevel } = graded.evaluation;
  const recommended = levels.find((level) => level.level === recommendedLevel);
  return {
    id: inputs.id,
    hourlyAqi: newestHour === null ? null : windows.hourlyAqi(newestHour),
    dailyAqi: observed ? series.published[index]! : null,
    hourlyMissing: newestHour === null ? [] : windows.hourlyMissingIndicators(newestHour),
    dailyMissing: observed ? series.missing[index]! : [],
    primaryPollutants: index >= 0 ? (series.primary[index] ?? []) : [],
    recommendedLevel: graded.evaluation.recommendedLevel,
    issuedLevel: inputs.issuedLevel,
    regionFloor: inputs.regionFloor,
    explanation: graded.evaluation.explanation,
    firstWindowEnd: recommended?.firstWindowEnd ?? null,
    lastWindowEnd: recommended?.lastWindowEnd ?? null,
    newestHour,
    stationCount: inputs.stationCount,
    stale: isStale(newestHour, now),
    simulated: inputs.simulated,
    dust: graded.dust,
  };
}
