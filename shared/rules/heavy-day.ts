import type { Plan } from '../plans/schema';
import type { Explanation } from '../state/schema';
import { type DailySeries, windowEndAt } from './daily-series';
import { formatHour, formatValue } from './format';

export type HeavyDayEvaluation = {
  flagged: boolean;
  firstWindowEnd: number | null;
  lastWindowEnd: number | null;
  explanation: Explanation;
};

/**
 * Ili 1.3 术语和定义: a heavy-pollution day is daily AQI > 200 or PM2.5 24 h mean > 115 µg/m³. A flag for
 * the commander, not a grading rule (the levels come from 3.3.2 on the AQI alone). `pm25Daily[i]` is the
 * PM2.5 mean of the window ending with `series.values[i]`. Null when the plan has no such definition.
 */
export function heavyDay(
  plan: Plan,
  series: DailySeries,
  pm25Daily: Float64Array,
  fromIndex: number,
): HeavyDayEvaluation | null {
  const rule = plan.heavyDay;
  if (!rule) return null;
  const hits: number[] = [];
  for (let index = Math.max(0, fromIndex); index < series.values.length; index += 1) {
    const aqi = series.values[index]!;
    const pm25 = pm25Daily[index] ?? Number.NaN;
    if (aqi > rule.aqiAbove || pm25 > rule.pm25Above) hits.push(index);
  }
  if (hits.length === 0) {
    return {
      flagged: false,
      firstWindowEnd: null,
      lastWindowEnd: null,
      explanation: {
        zh: `无重污染天（${rule.section}）：评估时段内日AQI均不大于${rule.aqiAbove}，PM2.5日均浓度均不大于${rule.pm25Above}微克/立方米。`,
        en: `No heavy-pollution day (${rule.section}): no window has daily AQI > ${rule.aqiAbove} or PM2.5 > ${rule.pm25Above} µg/m³.`,
        citations: [rule.section],
      },
    };
  }
  const first = hits[0]!;
  const firstEnd = windowEndAt(series, first);
  const lastEnd = windowEndAt(series, hits.at(-1)!);
  const aqi = formatValue(series.values[first]!);
  const pm25 = formatValue(pm25Daily[first] ?? Number.NaN);
  return {
    flagged: true,
    firstWindowEnd: firstEnd,
    lastWindowEnd: lastEnd,
    explanation: {
      zh: `重污染天（${rule.section}：${rule.zh}）：${hits.length}个窗口达到，首个为${formatHour(firstEnd)}（日AQI ${aqi}，PM2.5 ${pm25}微克/立方米），最后为${formatHour(lastEnd)}。`,
      en: `Heavy-pollution day (${rule.section}: ${rule.en}): ${hits.length} windows, first ending ${formatHour(firstEnd)} (daily AQI ${aqi}, PM2.5 ${pm25} µg/m³), last ${formatHour(lastEnd)}.`,
      citations: [rule.section],
    },
  };
}
