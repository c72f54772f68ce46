import { editionFor } from '../../shared/aqi';
import { higherLevel, type WarningLevel } from '../../shared/levels';
import { plans } from '../../shared/plans';
import { type DailySeries, formatHour, levelName, ruleHolds, valueAt, windowEndAt } from '../../shared/rules';
import type { Region } from '../../shared/rules/regions';
import type { Explanation, JurisdictionState, RegionState, UnitState } from '../../shared/state/schema';
import { HOUR } from '../../shared/time';
import type { ForecastBook } from './forecasts';
import type { NowEvaluation } from './jurisdiction-state';
import { levelAtWindow } from './unit-evaluation';

/** A daily window holds the 24 hours ending at its end. */
const windowHours = 24;

/**
 * The forecast window covering hour end `at`: the first forecast window end ≥ at with a value, if that
 * window holds the hour (issue 7: no interpolation between windows; a gap in the forecast stays a gap).
 */
export function coveringWindowEnd(series: DailySeries, at: number): number | null {
  const from = Math.max(series.lastObservedIndex + 1, Math.ceil((at - series.start) / HOUR));
  for (let index = from; index < series.values.length; index += 1) {
    if (Number.isNaN(series.values[index]!)) continue;
    const end = windowEndAt(series, index);
    return end - at < windowHours * HOUR ? end : null;
  }
  return null;
}

/** The last forecast window end with a value, or null when the series has no forecast. */
export function lastForecastEnd(series: DailySeries): number | null {
  for (let index = series.values.length - 1; index > series.lastObservedIndex; index -= 1)
    if (!Number.isNaN(series.values[index]!)) return windowEndAt(series, index);
  return null;
}

/** How far the time slider reaches: the last forecast window end of any unit of the jurisdiction. */
export function forecastHorizon(evaluation: NowEvaluation): number | null {
  let horizon: number | null = null;
  for (const { series } of evaluation.units.values()) {
    const end = lastForecastEnd(series.series);
    if (end !== null && (horizon === null || end > horizon)) horizon = end;
  }
  return horizon;
}

function forecastExplanation(
  row: { aqi: number; aqiLow: number | null; aqiHigh: number | null; source: string; issuedAt: number },
  windowEnd: number,
  level: WarningLevel,
  section: string,
): Explanation {
  const range = row.aqiLow !== null && row.aqiHigh !== null ? `（${row.aqiLow}–${row.aqiHigh}）` : '';
  const rangeEn = row.aqiLow !== null && row.aqiHigh !== null ? ` (${row.aqiLow}–${row.aqiHigh})` : '';
  const none = level === 'none';
  return {
    zh: `预报（${row.source}，${formatHour(row.issuedAt)}发布）：至${formatHour(windowEnd)}的24小时日AQI为${Math.round(row.aqi)}${range}；该窗口${none ? '未达到任何预警条件' : `达到${levelName[level].zh}条件`}（${section}）。`,
    en: `Forecast (${row.source}, issued ${formatHour(row.issuedAt)}): daily AQI ${Math.round(row.aqi)}${rangeEn} for the 24 h window ending ${formatHour(windowEnd)}; ${none ? "no level's condition holds" : `the ${levelName[level].en} condition holds`} for that window (${section}).`,
    citations: [section],
  };
}

const noForecast: Explanation = {
  zh: '没有覆盖该时刻的预报窗口。',
  en: 'No forecast window covers this hour.',
  citations: [],
};

/** Ili's regions whose level still holds at the averaged window covering `at` (the same search as now). */
function regionsAt(evaluation: NowEvaluation, at: number): { regions: RegionState[]; found: Region[] } {
  const rules = plans[evaluation.jurisdiction].grading;
  const found = (evaluation.regions ?? []).filter((region) => {
    const end = coveringWindowEnd(region.averageSeries, at);
    const rule = rules.find((candidate) => candidate.level === region.level);
    return end !== null && rule !== undefined && ruleHolds(rule, region.averageSeries, end);
  });
  const regions = found.map((region) => {
    const end = coveringWindowEnd(region.averageSeries, at)!;
    return {
      id: region.id,
      members: region.members,
      level: region.level,
      averageDailyAqi: Math.round(valueAt(region.averageSeries, end)),
      explanation: region.explanation,
    };
  });
  return { regions, found };
}

/**
 * The state "as forecast at the engine's now" for a later hour end `at` (issue 7, time slider): each unit's
 * daily AQI from the forecast window covering `at`, its level from the same graded series, regions from
 * the same search; issued warnings and compliance as they stand now (later decisions are not known).
 */
export function forecastState(
  evaluation: NowEvaluation,
  forecasts: ForecastBook,
  at: number,
): JurisdictionState {
  const live = evaluation.state;
  const plan = plans[evaluation.jurisdiction];
  const { regions, found } = regionsAt(evaluation, at);
  const floorOf = (unit: UnitState): WarningLevel =>
    evaluation.regions === null
      ? unit.regionFloor
      : found
          .filter((region) => region.members.includes(unit.id))
          .reduce<WarningLevel>((floor, region) => higherLevel(floor, region.level), 'none');
  const units = live.units.map((unit): UnitState => {
    const input = evaluation.units.get(unit.id)!;
    const end = coveringWindowEnd(input.series.series, at);
    const row = end === null ? null : forecasts.at(unit.id, end, live.now);
    const level = end === null ? 'none' : levelAtWindow(plan, input.series, end, input.confirmedDust);
    const section = plan.grading.find((rule) => rule.level === level)?.section ?? plan.grading[0]!.section;
    return {
      ...unit,
      hourlyAqi: null,
      dailyAqi: row?.aqi ?? null,
      aqiLow: row?.aqiLow ?? null,
      aqiHigh: row?.aqiHigh ?? null,
      primaryPollutants: row?.primary ? [row.primary] : [],
      recommendedLevel: level,
      regionFloor: floorOf(unit),
      explanation: row && end !== null ? forecastExplanation(row, end, level, section) : noForecast,
      stationCount: 0,
      stale: false,
    };
  });
  return {
    ...live,
    now: at,
    edition: editionFor(at),
    units,
    regions,
    stations: live.stations.map((station) => ({ ...station, hourlyAqi: null })),
    basis: 'forecast',
    forecastFrom: live.now,
  };
}
