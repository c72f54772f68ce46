import type { WarningLevel } from '../levels';
import type { IssuedLevel, Plan } from '../plans/schema';
import type { Explanation } from '../state/schema';
import { HOUR } from '../time';
import { type DailySeries, indexOf, windowEndAt } from './daily-series';
import { dustExplanation, excludeDust, type Period } from './dust';
import { type Episode, holdsFromScanStart, levelsFrom, mergedEpisodes } from './episodes';
import { explainHold, explainMiss } from './explain-level';
import { capitalise, formatHour, levelName } from './format';
import { type HeavyDayEvaluation, heavyDay } from './heavy-day';

export type EvaluateOptions = {
  /**
   * How many hours before `now` observed window ends still count (default 0). By default only ends
   * from now to the end of the forecast count: a condition that held only in the past and no longer
   * holds now or in the forecast is history, not grounds to start a warning; the durations still look
   * back through observed windows (D > 150 for 48 h at now uses the window ending now − 24 h).
   */
  lookbackHours?: number;
  /** Dust periods the office confirmed for this unit: their windows are left out of grading. */
  dustPeriods?: readonly Period[];
  /** Periods the engine takes for dust, not confirmed yet: left out of grading too, and named as suspected. */
  suspectedDust?: readonly Period[];
  /** PM2.5 24 h means aligned with the series, for the Ili heavy-day flag (1.3). */
  pm25Daily?: Float64Array;
};

export type LevelEvaluation = {
  level: IssuedLevel;
  holds: boolean;
  firstWindowEnd: number | null;
  lastWindowEnd: number | null;
  explanation: Explanation;
};

export type UnitEvaluation = {
  recommendedLevel: WarningLevel;
  levels: LevelEvaluation[];
  /** The (merged) episode the recommendation comes from, as window ends. */
  episode: { firstWindowEnd: number; lastWindowEnd: number; level: WarningLevel; parts: number } | null;
  /** Last window end assessed (end of the forecast horizon), or null when the series has nothing from now on. */
  horizonEnd: number | null;
  heavyDay: HeavyDayEvaluation | null;
  /**
   * Dust (confirmed or suspected): how many windows were left out, and the level the series would have given with
   * them (so the UI can choose the health advice, the only measures that apply to dust).
   */
  dust: { excludedWindows: number; levelWithDust: WarningLevel; explanation: Explanation } | null;
  explanation: Explanation;
};

/**
 * Grades a unit's daily-AQI series (observed windows up to now, forecast after) against its plan
 * (DOMAIN.md "Decision — predicted"): for each level, whether and when its condition holds from now
 * (minus `lookbackHours`) to the end of the forecast, and the recommended level — the highest level of
 * the first episode reaching into that range, episodes under 36 h apart merged (级别调整和解除).
 */
export function evaluateUnit(
  plan: Plan,
  input: DailySeries,
  now: number,
  options: EvaluateOptions = {},
): UnitEvaluation {
  const confirmed = options.dustPeriods ?? [];
  const suspected = options.suspectedDust ?? [];
  const dustPeriods = suspected.length > 0 ? [...confirmed, ...suspected] : confirmed;
  const { series, excluded } = excludeDust(input, dustPeriods);
  const fromIndex = Math.max(0, indexOf(series, now) - (options.lookbackHours ?? 0));
  const toIndex = series.values.length - 1;
  const { first, holds } = holdsFromScanStart(
    plan.grading,
    series,
    fromIndex,
    toIndex,
    plan.adjustment.merge.gapHours,
  );
  const levels = plan.grading.map((rule, index) =>
    evaluateLevel(rule, series, holds[index]!, first, fromIndex, toIndex),
  );
  const episode = mergedEpisodes(levelsFrom(plan.grading, holds), plan.adjustment.merge.gapHours)
    .map((candidate) => ({ ...candidate, first: candidate.first + first, last: candidate.last + first }))
    .find((candidate) => candidate.last >= fromIndex);
  const recommendedLevel = episode?.level ?? 'none';
  const explanation = recommendationExplanation(plan, series, now, episode, levels, fromIndex, toIndex);
  const dust =
    dustPeriods.length > 0
      ? {
          excludedWindows: excluded,
          levelWithDust: evaluateUnit(plan, input, now, { lookbackHours: options.lookbackHours ?? 0 })
            .recommendedLevel,
          explanation: dustExplanation(plan, { confirmed, suspected }, excluded),
        }
      : null;
  return {
    recommendedLevel,
    levels,
    episode: episode
      ? {
          firstWindowEnd: windowEndAt(series, episode.first),
          lastWindowEnd: windowEndAt(series, episode.last),
          level: episode.level,
          parts: episode.parts,
        }
      : null,
    horizonEnd: toIndex >= fromIndex ? windowEndAt(series, toIndex) : null,
    heavyDay: options.pm25Daily
      ? heavyDay(plan, series, maskDust(options.pm25Daily, input, series), fromIndex)
      : null,
    dust,
    explanation: dust ? withDust(explanation, dust.explanation, suspected.length > 0) : explanation,
  };
}

/**
 * The recommendation and why dust windows left the grading, in one text; dust the office has still to
 * confirm comes first, as that is what the reader is asked to do.
 */
function withDust(recommendation: Explanation, dust: Explanation, dustFirst: boolean): Explanation {
  const [first, second] = dustFirst ? [dust, recommendation] : [recommendation, dust];
  return {
    zh: `${first.zh}${second.zh}`,
    en: `${first.en} ${second.en}`,
    citations: [...new Set([...first.citations, ...second.citations])],
  };
}

/** PM2.5 means of the windows left out for dust are left out too (the heavy-day flag is part of the plan). */
function maskDust(pm25Daily: Float64Array, input: DailySeries, graded: DailySeries): Float64Array {
  if (input === graded) return pm25Daily;
  return pm25Daily.map((value, index) =>
    Number.isNaN(graded.values[index]!) && !Number.isNaN(input.values[index]!) ? Number.NaN : value,
  );
}

function evaluateLevel(
  rule: Plan['grading'][number],
  series: DailySeries,
  holds: Uint8Array,
  offset: number,
  fromIndex: number,
  toIndex: number,
): LevelEvaluation {
  let first = -1;
  let last = -1;
  for (let index = fromIndex; index <= toIndex; index += 1) {
    if (!holds[index - offset]) continue;
    if (first < 0) first = index;
    last = index;
  }
  if (first < 0)
    return explainedWhenRead(
      { level: rule.level, holds: false, firstWindowEnd: null, lastWindowEnd: null },
      () => explainMiss(rule, series, fromIndex, toIndex),
    );
  const firstEnd = windowEndAt(series, first);
  const lastEnd = windowEndAt(series, last);
  return explainedWhenRead(
    { level: rule.level, holds: true, firstWindowEnd: firstEnd, lastWindowEnd: lastEnd },
    () => explainHold(rule, series, firstEnd, lastEnd),
  );
}

/**
 * A level's explanation, written the first time it is read (an ordinary enumerable property to every
 * reader): the engine grades every unit each tick and reads only the recommended level's.
 */
function explainedWhenRead(
  fields: Omit<LevelEvaluation, 'explanation'>,
  explain: () => Explanation,
): LevelEvaluation {
  let explanation: Explanation | undefined;
  return Object.defineProperty(fields, 'explanation', {
    enumerable: true,
    get: () => (explanation ??= explain()),
  }) as LevelEvaluation;
}

function recommendationExplanation(
  plan: Plan,
  series: DailySeries,
  now: number,
  episode: Episode | undefined,
  levels: LevelEvaluation[],
  fromIndex: number,
  toIndex: number,
): Explanation {
  const gradingSection = plan.grading[0]!.section;
  if (!episode) {
    const span =
      toIndex >= fromIndex
        ? `${formatHour(windowEndAt(series, fromIndex))}—${formatHour(windowEndAt(series, toIndex))}`
        : formatHour(now);
    return {
      zh: `不建议发布预警：${span}期间各级预警条件均不成立（${gradingSection}）。`,
      en: `No warning recommended: no level's condition holds from ${span.replace('—', ' to ')} (${gradingSection}).`,
      citations: [gradingSection],
    };
  }
  const level = episode.level as IssuedLevel;
  const name = levelName[level];
  const response = plan.response.levels[level];
  const firstEnd = windowEndAt(series, episode.first);
  const hold = levels.find((evaluation) => evaluation.level === level);
  const zh = [
    `建议${name.zh}，启动${response}级应急响应（${plan.response.section}）。`,
    `本次过程自${formatHour(firstEnd)}至${formatHour(windowEndAt(series, episode.last))}。`,
  ];
  const en = [
    `${capitalise(name.en)} recommended, with a Level ${response} response (${plan.response.section}).`,
    `The episode runs from ${formatHour(firstEnd)} to ${formatHour(windowEndAt(series, episode.last))}.`,
  ];
  const citations = [gradingSection, plan.response.section];
  if (hold?.holds) {
    zh.push(hold.explanation.zh);
    en.push(hold.explanation.en);
  }
  if (episode.parts > 1) {
    const merge = plan.adjustment.merge;
    zh.push(
      `${episode.parts}次污染过程间隔不足${merge.gapHours}小时，按一次过程计算，从高级别启动（${merge.section}）。`,
    );
    en.push(
      `${episode.parts} episodes less than ${merge.gapHours} h apart count as one, started at the higher level (${merge.section}).`,
    );
    citations.push(merge.section);
  }
  const lead = plan.leadTime;
  const hoursAhead = (firstEnd - now) / HOUR;
  if (lead.appliesTo === 'all-warnings' && hoursAhead >= 0 && hoursAhead < lead.hours) {
    zh.push(
      `距首次达到条件${hoursAhead}小时，少于预案要求的提前${lead.hours}小时，应尽快发布（${lead.section}）。`,
    );
    en.push(
      `The condition is first met ${hoursAhead} h from now, less than the ${lead.hours} h lead the plan asks: issue promptly (${lead.section}).`,
    );
    citations.push(lead.section);
  }
  return { zh: zh.join(''), en: en.join(' '), citations: [...new Set(citations)] };
}
