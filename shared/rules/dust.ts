import type { Plan } from '../plans/schema';
import type { Explanation } from '../state/schema';
import { HOUR } from '../time';
import { type DailySeries, windowEndAt } from './daily-series';
import { formatHour } from './format';

/**
 * PM2.5/PM10 below this marks coarse, wind-blown dust. Our 2019 replay shows the split: the Artux
 * dust storm (episodes/A3) has a median hourly ratio of 0.26 when PM10 > 150 µg/m³, the Yining winter
 * haze (episodes/E1) 0.61; dust studies in northern China report 0.1–0.3 in dust events.
 */
export const dustRatioThreshold = 0.3;

/** A period of hour ends [from, to] (inclusive), e.g. a confirmed dust episode for a unit. */
export type Period = { from: number; to: number };

/** One 24-hour window's means (µg/m³) and the daily AQI's primary pollutants. */
export type DustSample = { pm25: number; pm10: number; primaryPollutants: readonly string[] };

export function dustLikely(sample: DustSample): boolean {
  return (
    sample.primaryPollutants.includes('pm10') &&
    sample.pm10 > 0 &&
    !Number.isNaN(sample.pm25) &&
    sample.pm25 / sample.pm10 < dustRatioThreshold
  );
}

/** Runs of consecutive window ends (flags[i] for the window ending at start + i h) that are flagged. */
export function dustRuns(start: number, flags: readonly boolean[]): Period[] {
  const periods: Period[] = [];
  flags.forEach((flagged, index) => {
    if (!flagged) return;
    const end = start + index * HOUR;
    const previous = periods.at(-1);
    if (previous && previous.to === end - HOUR) previous.to = end;
    else periods.push({ from: end, to: end });
  });
  return periods;
}

/**
 * The series with every window that contains a confirmed dust hour set to missing (both plans, 适用范围:
 * 因沙尘天气形成的重污染不适用本预案). A window ending at t holds hours t−23 h … t, so it touches
 * [from, to] when from ≤ t ≤ to + 23 h.
 */
export function excludeDust(
  series: DailySeries,
  periods: readonly Period[],
): { series: DailySeries; excluded: number } {
  if (periods.length === 0) return { series, excluded: 0 };
  const values = Float64Array.from(series.values);
  let excluded = 0;
  for (let index = 0; index < values.length; index += 1) {
    const end = windowEndAt(series, index);
    if (periods.some((period) => end >= period.from && end <= period.to + 23 * HOUR)) {
      values[index] = Number.NaN;
      excluded += 1;
    }
  }
  return { series: { ...series, values }, excluded };
}

/** The smallest period holding every one of `periods` (what the office is asked to confirm), or null. */
export function spanOf(periods: readonly Period[]): Period | null {
  if (periods.length === 0) return null;
  return {
    from: Math.min(...periods.map((period) => period.from)),
    to: Math.max(...periods.map((period) => period.to)),
  };
}

/**
 * Why windows were left out of grading: the periods the office confirmed and those the engine only suspects
 * (awaiting the office's confirmation), named as such.
 */
export function dustExplanation(
  plan: Plan,
  dust: { confirmed: readonly Period[]; suspected: readonly Period[] },
  excluded: number,
): Explanation {
  const spans = (periods: readonly Period[], separator: string) =>
    periods.map((period) => `${formatHour(period.from)}—${formatHour(period.to)}`).join(separator);
  const zh = [
    dust.confirmed.length > 0 ? `办公室已确认沙尘：${spans(dust.confirmed, '、')}。` : '',
    dust.suspected.length > 0
      ? `疑似沙尘（首要污染物PM10，PM2.5/PM10比值低），待办公室确认：${spans(dust.suspected, '、')}。`
      : '',
  ].join('');
  const en = [
    dust.confirmed.length > 0 ? `The office confirmed sand and dust: ${spans(dust.confirmed, ', ')}.` : '',
    dust.suspected.length > 0
      ? `Likely sand and dust (PM10 primary, low PM2.5/PM10 ratio), awaiting the office's confirmation: ${spans(dust.suspected, ', ')}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const advice = plan.dust.healthAdvice;
  return {
    zh: `${zh}含沙尘小时的${excluded}个24小时窗口不参与预警分级，仅发布健康提示（${plan.dust.section}：${plan.dust.zh}${advice ? ` ${advice.section}：${advice.zh}` : ''}）。`,
    en: `${en} The ${excluded} 24-hour windows containing dust hours are left out of grading; only health advice applies (${plan.dust.section}: ${plan.dust.en}${advice ? ` ${advice.section}: ${advice.en}` : ''}).`,
    citations: advice ? [plan.dust.section, advice.section] : [plan.dust.section],
  };
}
