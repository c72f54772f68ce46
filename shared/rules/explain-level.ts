import type { GradingClause, GradingRule } from '../plans/grading-schema';
import type { Explanation } from '../state/schema';
import { HOUR } from '../time';
import { type DailySeries, indexOf, valueAt, windowEndAt } from './daily-series';
import { capitalise, formatHour, formatValue, levelName } from './format';
import { clauseHolds } from './grading';

type Alternative = GradingRule['anyOf'][number];

function clauseEnglish(clause: GradingClause): string {
  return clause.kind === 'sustained'
    ? `daily AQI > ${clause.threshold} for ${clause.hours} h`
    : `daily AQI > ${clause.threshold} in a window within the last ${clause.hours} h`;
}

export function alternativeEnglish(alternative: Alternative): string {
  return alternative.allOf.map(clauseEnglish).join(' and ');
}

/** The windows that carry a clause at t: every 24 h step of a duration, or the highest window of a "some". */
function clauseWindows(clause: GradingClause, series: DailySeries, t: number): number[] {
  if (clause.kind === 'sustained') {
    const ends: number[] = [];
    for (let offset = clause.hours - 24; offset >= 0; offset -= 24) ends.push(t - offset * HOUR);
    return ends;
  }
  let best = t;
  for (let offset = 0; offset <= clause.hours; offset += 1) {
    const end = t - offset * HOUR;
    if (valueAt(series, end) > valueAt(series, best) || Number.isNaN(valueAt(series, best))) best = end;
  }
  return [best];
}

function windowList(series: DailySeries, ends: number[]): { zh: string; en: string } {
  const kind = (end: number) => indexOf(series, end) <= series.lastObservedIndex;
  return {
    zh: ends
      .map(
        (end) => `${formatHour(end)}（${kind(end) ? '实测' : '预测'}）${formatValue(valueAt(series, end))}`,
      )
      .join('、'),
    en: ends
      .map(
        (end) =>
          `${formatHour(end)} (${kind(end) ? 'observed' : 'forecast'}) ${formatValue(valueAt(series, end))}`,
      )
      .join(', '),
  };
}

/** Why a level holds: the first window end where it does, the windows and values that carry it. */
export function explainHold(
  rule: GradingRule,
  series: DailySeries,
  first: number,
  last: number,
): Explanation {
  const alternative = rule.anyOf.find((candidate) =>
    candidate.allOf.every((clause) => clauseHolds(clause, series, first)),
  )!;
  const ends = [...new Set(alternative.allOf.flatMap((clause) => clauseWindows(clause, series, first)))].sort(
    (a, b) => a - b,
  );
  const windows = windowList(series, ends);
  const name = levelName[rule.level];
  return {
    zh: `${name.zh}条件成立（${rule.section}）：${alternative.text}。依据窗口（24小时窗口结束时刻，日AQI）：${windows.zh}。首次成立于${formatHour(first)}，最后成立于${formatHour(last)}。`,
    en: `${capitalise(name.en)} condition holds (${rule.section}): ${alternativeEnglish(alternative)}. Windows (24-hour window end, daily AQI): ${windows.en}. First holds at ${formatHour(first)}, last at ${formatHour(last)}.`,
    citations: [rule.section],
  };
}

/** Why a level does not hold anywhere in [from, to]: its conditions, the highest daily AQI seen, the gaps. */
export function explainMiss(
  rule: GradingRule,
  series: DailySeries,
  fromIndex: number,
  toIndex: number,
): Explanation {
  const name = levelName[rule.level];
  const conditionsZh = rule.anyOf.map((alternative) => alternative.text).join('；或');
  const conditionsEn = rule.anyOf.map(alternativeEnglish).join('; or ');
  if (toIndex < fromIndex) {
    return {
      zh: `${name.zh}条件无法评估（${rule.section}）：评估时段内没有日AQI数据。`,
      en: `${capitalise(name.en)} cannot be assessed (${rule.section}): no daily AQI in the assessed period.`,
      citations: [rule.section],
    };
  }
  let highest = -1;
  let missing = 0;
  for (let index = fromIndex; index <= toIndex; index += 1) {
    const value = series.values[index]!;
    if (Number.isNaN(value)) missing += 1;
    else if (highest < 0 || value > series.values[highest]!) highest = index;
  }
  const span = `${formatHour(windowEndAt(series, fromIndex))}—${formatHour(windowEndAt(series, toIndex))}`;
  const peakZh =
    highest < 0
      ? '该时段日AQI全部缺测'
      : `日AQI最高${formatValue(series.values[highest]!)}（${formatHour(windowEndAt(series, highest))}）`;
  const peakEn =
    highest < 0
      ? 'every daily AQI in the period is missing'
      : `highest daily AQI ${formatValue(series.values[highest]!)} (${formatHour(windowEndAt(series, highest))})`;
  const gapsZh = missing > 0 && highest >= 0 ? `；${missing}个窗口缺测，缺测不计为超标` : '';
  const gapsEn =
    missing > 0 && highest >= 0 ? `; ${missing} windows missing, which never count as exceeding` : '';
  return {
    zh: `${name.zh}条件不成立（${rule.section}）：${span}期间未满足“${conditionsZh}”，${peakZh}${gapsZh}。`,
    en: `${capitalise(name.en)} condition does not hold (${rule.section}): from ${span.replace('—', ' to ')} no window end meets "${conditionsEn}"; ${peakEn}${gapsEn}.`,
    citations: [rule.section],
  };
}
