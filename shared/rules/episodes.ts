import { levelRank, type WarningLevel } from '../levels';
import type { GradingRule } from '../plans/grading-schema';
import type { DailySeries } from './daily-series';
import { ruleHoldsAt } from './grading';

/** A run of window ends whose level is above 'none'; `first`/`last` are series indices. */
export type Episode = { first: number; last: number; level: WarningLevel; parts: number };

/**
 * Whether each rule holds at each window end from `first` to `last`: holds[rule][index − first], where
 * `first` is where grading must start for the episode reaching `fromIndex` to be whole: walking back until
 * `gapHours` clean window ends in a row (no rule holds: nothing before them can merge into it) or the series
 * start. The walk's verdicts are kept, not graded again.
 */
export function holdsFromScanStart(
  rules: readonly GradingRule[],
  series: DailySeries,
  fromIndex: number,
  last: number,
  gapHours: number,
): { first: number; holds: Uint8Array[] } {
  const walkFrom = Math.min(fromIndex, series.values.length);
  const walked = new Uint8Array(rules.length * walkFrom);
  let first = walkFrom;
  let clean = 0;
  while (first > 0 && clean < gapHours) {
    first -= 1;
    let any = false;
    for (let rule = 0; rule < rules.length; rule += 1) {
      const holds = ruleHoldsAt(rules[rule]!, series, first);
      walked[rule * walkFrom + first] = holds ? 1 : 0;
      any ||= holds;
    }
    clean = any ? 0 : clean + 1;
  }
  const holds = rules.map((rule, ruleIndex) => {
    const holds = new Uint8Array(Math.max(0, last - first + 1));
    for (let index = first; index <= last; index += 1)
      holds[index - first] =
        index < walkFrom ? walked[ruleIndex * walkFrom + index]! : ruleHoldsAt(rule, series, index) ? 1 : 0;
    return holds;
  });
  return { first, holds };
}

/** The level at each end: the highest rule holding there (DOMAIN.md). */
export function levelsFrom(rules: readonly GradingRule[], holds: readonly Uint8Array[]): WarningLevel[] {
  const levels: WarningLevel[] = [];
  const length = holds[0]?.length ?? 0;
  // Ranks looked up once per call, not twice per rule and window end.
  const ranks = rules.map((rule) => levelRank(rule.level));
  const noneRank = levelRank('none');
  for (let offset = 0; offset < length; offset += 1) {
    let level: WarningLevel = 'none';
    let rank = noneRank;
    for (let index = 0; index < rules.length; index += 1) {
      if (holds[index]![offset] && ranks[index]! > rank) {
        level = rules[index]!.level;
        rank = ranks[index]!;
      }
    }
    levels.push(level);
  }
  return levels;
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
