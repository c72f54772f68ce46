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

/** Runs of consecutive window ends (samples[i] ends at start + i h) where dust is likely. */
export function suspectedDustPeriods(start: number, samples: readonly DustSample[]): Period[] {
  const periods: Period[] = [];
  samples.forEach((sample, index) => {
    if (!dustLikely(sample)) return;
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

export function dustExplanation(plan: Plan, periods: readonly Period[], excluded: number): Explanation {
  const spans = periods.map((period) => `${formatHour(period.from)}—${formatHour(period.to)}`);
  const advice = plan.dust.healthAdvice;
  return {
    zh: `办公室已确认沙尘：${spans.join('、')}。含沙尘小时的${excluded}个24小时窗口不参与预警分级，仅发布健康提示（${plan.dust.section}：${plan.dust.zh}${advice ? ` ${advice.section}：${advice.zh}` : ''}）。`,
    en: `The office confirmed sand and dust: ${spans.join(', ')}. The ${excluded} 24-hour windows containing dust hours are left out of grading; only health advice applies (${plan.dust.section}: ${plan.dust.en}${advice ? ` ${advice.section}: ${advice.en}` : ''}).`,
    citations: advice ? [plan.dust.section, advice.section] : [plan.dust.section],
  };
}
