import { levelRank, type WarningLevel } from '../levels';
import type { GradingRule } from '../plans/grading-schema';
import type { DailySeries } from './daily-series';
import { windowEndAt } from './daily-series';
import { levelAt } from './grading';

/** A run of window ends whose level is above 'none'; `first`/`last` are series indices. */
export type Episode = { first: number; last: number; level: WarningLevel; parts: number };

export function levelsOf(rules: readonly GradingRule[], series: DailySeries): WarningLevel[] {
  return Array.from(series.values, (_, index) => levelAt(rules, series, windowEndAt(series, index)));
}

/**
 * Episodes of the series, merged when fewer than `gapHours` clean window ends separate them (both plans,
 * 级别调整和解除: two episodes less than 36 h apart are one, started at the higher level). The gap is
 * counted in hourly window ends where no level holds, the same count the lifting rule asks to last 36 h.
 */
export function mergedEpisodes(levels: readonly WarningLevel[], gapHours: number): Episode[] {
  const episodes: Episode[] = [];
  for (let index = 0; index < levels.length; index += 1) {
    const level = levels[index]!;
    if (level === 'none') continue;
    const previous = episodes.at(-1);
    if (previous && previous.last === index - 1) {
      previous.last = index;
      if (levelRank(level) > levelRank(previous.level)) previous.level = level;
    } else if (previous && index - previous.last - 1 < gapHours) {
      previous.last = index;
      previous.parts += 1;
      if (levelRank(level) > levelRank(previous.level)) previous.level = level;
    } else {
      episodes.push({ first: index, last: index, level, parts: 1 });
    }
  }
  return episodes;
}
