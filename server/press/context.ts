import type { Species } from '../../shared/aqi/species';
import { levelSegments, segmentAt } from '../../shared/documents/facts';
import { beijingDate, dateStart } from '../../shared/documents/format';
import type { FormContext, FormId } from '../../shared/documents/forms';
import type { NoticeContext } from '../../shared/documents/notice';
import { plans } from '../../shared/plans';
import type { Warning } from '../../shared/rules/lifecycle/state';
import { HOUR } from '../../shared/time';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Engine } from '../engine';
import { HttpError } from '../http/errors';
import { expectedReporters, reportingStatus } from '../http/reports';
import type { Store } from '../store/types';
import { emissionEffect } from './effect';
import { targetUnitIds, unitNames } from './warning';

/** Heavy pollution in both plans' grading: daily AQI above 200 (预警分级标准). */
const heavyAqi = 200;
/** The lowest threshold of any level (yellow: D > 150 for 48 h): above it the episode is not over. */
const episodeAqi = 150;

type Range = { low: number; high: number; mean: number };

function rangeOf(values: readonly number[]): Range | null {
  if (values.length === 0) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { low: Math.min(...values), high: Math.max(...values), mean: Math.round(mean * 10) / 10 };
}

/**
 * What the target units show at a data time: primary pollutants, daily AQI and primary concentration ranges,
 * outlook. A caller that has the state at `at` already passes it (a past hour's state is computed afresh).
 */
export function targetData(
  engine: Engine,
  jurisdiction: Jurisdiction,
  unitIds: readonly string[],
  at: number,
  state = engine.state(jurisdiction, at),
) {
  const units = state.units.filter((unit) => unitIds.includes(unit.id));
  const primaryPollutants = [...new Set(units.flatMap((unit) => unit.primaryPollutants))];
  const aqi = rangeOf(units.flatMap((unit) => (unit.dailyAqi === null ? [] : [unit.dailyAqi])));
  const forecast = state.basis === 'forecast';
  // At a forecast hour the series is the curve as seen at the engine's now: its forecast windows give the
  // outlook, but its readings and daily values are of now, not of `at`.
  const series = unitIds.map((id) => engine.series(jurisdiction, { kind: 'unit', id }, at));
  const measured = forecast ? [] : series;
  const primary: Species | undefined = primaryPollutants[0];
  const concentrations = primary
    ? measured.flatMap((entry) => {
        const reading = entry.reports.daily.readings.find((candidate) =>
          candidate.indicator.startsWith(`${primary}_`),
        );
        return reading?.concentration == null ? [] : [reading.concentration];
      })
    : [];
  const concentration = rangeOf(concentrations);
  // The pollution is expected to last until the first forecast window at or below 150 (or the horizon's end).
  const ends = series.flatMap((entry) => {
    if (entry.forecast.length === 0) return [];
    const clean = entry.forecast.find((window) => window.time >= at && window.aqi <= episodeAqi);
    const window = clean ?? entry.forecast.at(-1)!;
    return [{ until: window.time, issuedAt: window.issuedAt }];
  });
  const outlook =
    ends.length === 0
      ? null
      : {
          until: Math.max(...ends.map((end) => end.until)),
          issuedAt: Math.max(...ends.map((end) => end.issuedAt)),
        };
  // The first hour of the last 72 h whose daily AQI passed 200 in any target unit.
  const heavyTimes = measured.flatMap((entry) =>
    entry.daily.filter((point) => point.aqi !== null && point.aqi > heavyAqi).map((point) => point.time),
  );
  return {
    state,
    primaryPollutants,
    dailyAqi: aqi ? { ...aqi, mean: Math.round(aqi.mean) } : null,
    concentration: concentration && primary ? { ...concentration, species: primary } : null,
    outlook,
    firstHeavyAt: heavyTimes.length > 0 ? Math.min(...heavyTimes) : null,
  };
}

function liftOf(warning: Warning, at: number): { at: number; reason: string } | null {
  if (warning.liftedAt === null || warning.liftedAt > at) return null;
  const entry = warning.history.findLast((candidate) => candidate.outcome === 'lifted');
  return { at: warning.liftedAt, reason: entry?.reason ?? '' };
}

/** The hour end a data time falls in (documents are about hourly data). */
export function hourEndOf(ms: number): number {
  return Math.ceil(ms / HOUR) * HOUR;
}

/** The notice's context at a data time: the level approved by then (409 when none yet). */
export function noticeContext(
  engine: Engine,
  jurisdiction: Jurisdiction,
  warning: Warning,
  at: number,
  exercise: boolean,
): NoticeContext {
  const found = segmentAt(warning, at);
  if (!found)
    throw new HttpError(409, {
      error: `warning ${warning.id} was not issued by the data time; choose a later hour (at)`,
    });
  const unitIds = targetUnitIds(warning);
  const data = targetData(engine, jurisdiction, unitIds, at);
  return {
    jurisdiction,
    warningId: warning.id,
    region: warning.target.kind === 'region',
    units: unitNames(unitIds),
    segment: { index: found.index, ...found.segment },
    lifted: liftOf(warning, at),
    dataTime: at,
    forecastFrom: data.state.basis === 'forecast' ? (data.state.forecastFrom ?? null) : null,
    primaryPollutants: data.primaryPollutants,
    dailyAqi: data.dailyAqi,
    outlook: data.outlook,
    exercise,
  };
}

/**
 * The data time each form is about: 表3-1 the hour of the issue, 表3-2 the end of the reported day (or
 * now, or the lifting, if earlier), 表3-3 the lifting.
 */
function formTime(form: FormId, warning: Warning, now: number, date: string | null): number {
  const issuedAt = levelSegments(warning)[0]?.approvedAt ?? now;
  if (form === '3-1') return Math.min(hourEndOf(issuedAt), now);
  if (form === '3-3') return Math.min(hourEndOf(warning.liftedAt ?? now), now);
  const end = Date.parse(`${date}T24:00:00+08:00`);
  return Math.min(end, now, hourEndOf(warning.liftedAt ?? end));
}

export function formContext(
  store: Store,
  engine: Engine,
  jurisdiction: Jurisdiction,
  warning: Warning,
  form: FormId,
  date: string | null,
  exercise: boolean,
): FormContext {
  const segments = levelSegments(warning);
  if (segments.length === 0)
    throw new HttpError(409, { error: `warning ${warning.id} has not been issued: no form to fill yet` });
  if (form === '3-3' && warning.liftedAt === null)
    throw new HttpError(409, { error: `warning ${warning.id} has not been lifted: 表3-3 reports a lifting` });
  const now = engine.now(jurisdiction);
  const at = formTime(form, warning, now, date);
  const unitIds = targetUnitIds(warning);
  const data = targetData(engine, jurisdiction, unitIds, at);
  const start = segments[0]!;
  const health = plans[jurisdiction].measures.filter(
    (measure) => measure.group === 'health' && measure.level === start.level,
  );
  let followUp: FormContext['followUp'] = null;
  if (form === '3-2') {
    // Plans 5.1: during a response every unit reports the previous day; the follow-up carries those reports.
    const previous = beijingDate(dateStart(date!) - 24 * HOUR);
    const status = reportingStatus(
      expectedReporters(jurisdiction),
      store.dailyReports(jurisdiction, previous),
    );
    followUp = {
      date: date!,
      reports: status.reporters.map((reporter) => ({
        zh: reporter.nameZh,
        en: reporter.nameEn,
        reported: reporter.reported,
        summary: reporter.summary,
      })),
    };
  }
  return {
    jurisdiction,
    warningId: warning.id,
    region: warning.target.kind === 'region',
    units: unitNames(unitIds),
    exercise,
    segments,
    lifted: liftOf(warning, now),
    data: {
      dataTime: at,
      firstHeavyAt: data.firstHeavyAt,
      primaryPollutants: data.primaryPollutants,
      dailyAqi: data.dailyAqi,
      concentration: data.concentration,
      outlook: form === '3-3' ? null : data.outlook,
    },
    followUp,
    effect: form === '3-3' ? emissionEffect(store, jurisdiction, warning, segments) : null,
    advice: health.map((measure) => ({ zh: measure.zh, en: measure.en })),
  };
}
