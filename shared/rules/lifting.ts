import { levelRank, type WarningLevel } from '../levels';
import type { IssuedLevel, Plan } from '../plans/schema';
import type { Explanation } from '../state/schema';
import { type DailySeries, indexOf, windowEndAt } from './daily-series';
import { formatHour, levelName } from './format';
import { ruleHolds } from './grading';

export type LiftingCheck = {
  met: boolean;
  /** Where the warning should go: 'none' to lift, or the highest lower level still holding in the span. */
  toLevel: WarningLevel;
  /**
   * First window end of the clean run that reaches now (the level's condition failing throughout), no
   * earlier than the level came into force; or null.
   */
  cleanFrom: number | null;
  explanation: Explanation;
};

/**
 * Lowering or lifting (级别调整和解除): the air has improved below the level's start standard and is
 * forecast to stay so for 36 h. Decision: the level's grading rule fails at every one of the 36 window
 * ends now, now + 1 h, …, now + 35 h (36 hourly values), each present — a missing or absent forecast
 * window cannot show the improvement lasts. Episodes merge on the same count (episodes.ts).
 */
export function liftingCondition(
  plan: Plan,
  series: DailySeries,
  level: IssuedLevel,
  now: number,
  /**
   * When the level came into force: the condition "has not held since" no earlier (a level raised at 10:00
   * whose condition never held is clean since 10:00, not since the series' first window a week before).
   */
  inForceFrom?: number,
): LiftingCheck {
  const rule = plan.grading.find((candidate) => candidate.level === level)!;
  const clause = plan.adjustment.improvement;
  const nowIndex = indexOf(series, now);
  const lastIndex = nowIndex + clause.hours - 1;
  const name = levelName[level];
  const citations = [clause.section, rule.section];
  const notMet = (zh: string, en: string): LiftingCheck => ({
    met: false,
    toLevel: level,
    cleanFrom: null,
    explanation: {
      zh: `${name.zh}尚不满足降级或解除条件（${clause.section}）：${zh}`,
      en: `The ${name.en} cannot yet be lowered or lifted (${clause.section}): ${en}`,
      citations,
    },
  });
  if (nowIndex < 0 || lastIndex > series.values.length - 1) {
    const covered = Math.max(0, series.values.length - nowIndex);
    return notMet(
      `预测仅覆盖${covered}个小时窗口，不足${clause.hours}小时。`,
      `the forecast covers only ${covered} hourly windows, fewer than ${clause.hours}.`,
    );
  }
  let toLevel: WarningLevel = 'none';
  for (let index = nowIndex; index <= lastIndex; index += 1) {
    const end = windowEndAt(series, index);
    if (Number.isNaN(series.values[index]!)) {
      return notMet(
        `${formatHour(end)}的窗口缺测，无法确认改善持续${clause.hours}小时。`,
        `the window ending ${formatHour(end)} is missing, so the improvement cannot be shown to last ${clause.hours} h.`,
      );
    }
    if (ruleHolds(rule, series, end)) {
      return notMet(
        `${formatHour(end)}仍达到${name.zh}条件。`,
        `the ${name.en} condition still holds at ${formatHour(end)}.`,
      );
    }
    for (const lower of plan.grading) {
      if (
        levelRank(lower.level) > levelRank(toLevel) &&
        levelRank(lower.level) < levelRank(level) &&
        ruleHolds(lower, series, end)
      )
        toLevel = lower.level;
    }
  }
  let cleanStart = nowIndex;
  while (
    cleanStart > 0 &&
    !Number.isNaN(series.values[cleanStart - 1]!) &&
    !ruleHolds(rule, series, windowEndAt(series, cleanStart - 1))
  )
    cleanStart -= 1;
  const cleanFrom = Math.max(windowEndAt(series, cleanStart), Math.min(inForceFrom ?? -Infinity, now));
  const action =
    toLevel === 'none'
      ? { zh: '解除预警', en: 'lift the warning' }
      : { zh: `降为${levelName[toLevel].zh}`, en: `lower it to ${levelName[toLevel].en}` };
  return {
    met: true,
    toLevel,
    cleanFrom,
    explanation: {
      zh: `${name.zh}条件自${formatHour(cleanFrom)}起不再成立，预测至${formatHour(windowEndAt(series, lastIndex))}持续${clause.hours}小时以上，应${action.zh}（${clause.section}）。`,
      en: `The ${name.en} condition has not held since ${formatHour(cleanFrom)} and is forecast not to through ${formatHour(windowEndAt(series, lastIndex))} (${clause.hours} h): ${action.en} (${clause.section}).`,
      citations,
    },
  };
}
