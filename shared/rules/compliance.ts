import { higherLevel, levelRank, type WarningLevel } from '../levels';
import type { IssuedLevel, Plan } from '../plans/schema';
import type { Explanation, JurisdictionState, RecommendationEntry } from '../state/schema';
import { HOUR } from '../time';
import { type DailySeries, indexOf, windowEndAt } from './daily-series';
import { type Period, spanOf } from './dust';
import { evaluateUnit, type UnitEvaluation } from './evaluate-unit';
import { capitalise, formatHour, levelName, withArticle } from './format';
import { ruleHolds } from './grading';
import { approvedLevel, levelInForce, openWarnings, responseFloor, unitLevel } from './lifecycle/queries';
import type { WarningTarget } from './lifecycle/schema';
import { targetKey, type Warning, type WarningBook } from './lifecycle/state';
import { liftingCondition } from './lifting';

/** A unit or region to watch, with its daily-AQI series (observed joined with forecast). */
export type ComplianceSubject = {
  target: WarningTarget;
  series: DailySeries;
  dustPeriods?: readonly Period[];
  /** evaluateUnit of `series` at now with `dustPeriods`, when the caller has it already (any pm25Daily). */
  evaluation?: UnitEvaluation;
  /** Periods the engine takes for dust that the office has not confirmed. */
  suspectedDust?: readonly Period[];
  /** evaluateUnit with `suspectedDust` left out as well, when the caller has it already. */
  withSuspectedDust?: UnitEvaluation;
  /**
   * The regional floor on this subject: Ili, the level of a region it belongs to (grounds for its own
   * warning at up to that level); Kizilsu, the autonomous region's regional warning (3.3.2), which the
   * prefecture must answer with a warning at no lower level.
   */
  floor?: WarningLevel;
  /** Kizilsu: when the autonomous region's warning behind `floor` was issued (its response is due since then). */
  floorSince?: number;
  /**
   * Ili: the level of the recommended region (the cover, DOMAIN.md "Recommendation") that holds this unit.
   * Up to that level the unit's start is the region's: the banner names the region, as the recommendation does.
   */
  regionCover?: WarningLevel;
};

export type ComplianceFlag = {
  /**
   * start-due: a level's conditions are met but no warning is started or under way; upgrade-due: a warning
   * is in force at a lower level (level) and the higher one (toLevel) is due; dust-unconfirmed: start-due
   * only if the windows the engine takes for dust are not dust, which the office confirms or not.
   */
  kind: 'start-due' | 'dust-unconfirmed' | 'upgrade-due' | 'lift-due' | 'lower-due' | 'without-grounds';
  targetKey: string;
  warningId: string | null;
  level: WarningLevel;
  toLevel: WarningLevel | null;
  /** Since when the flag has been true, as far as the data and the previous flags show. */
  since: number;
  explanation: Explanation;
  /** dust-unconfirmed: the likely-dust hours the office is asked to confirm. */
  dustPeriod?: Period;
};

/**
 * The accountability watch (Kizilsu 7 监督问责: 不得出现达到启动条件但未启动、达到解除条件而未解除, nor a
 * warning without grounds; Ili 7 监督问责). Pass the previous result so a flag keeps its `since`.
 */
export function complianceFlags(
  plan: Plan,
  book: WarningBook,
  subjects: readonly ComplianceSubject[],
  now: number,
  previous: readonly ComplianceFlag[] = [],
): ComplianceFlag[] {
  const flags: ComplianceFlag[] = [];
  for (const subject of subjects) {
    const key = targetKey(subject.target);
    const warnings = openWarnings(book).filter((warning) => targetKey(warning.target) === key);
    const issued = warnings.find((warning) => warning.status === 'issued');
    const found = issued ? issuedFlag(plan, subject, issued, now) : null;
    for (const flag of [found, ...startFlags(plan, book, subject, warnings, now)]) {
      if (!flag) continue;
      const before = previous.find(
        (old) => old.kind === flag.kind && old.targetKey === key && old.level === flag.level,
      );
      flags.push({ ...flag, targetKey: key, since: Math.min(before?.since ?? flag.since, flag.since) });
    }
  }
  return flags;
}

type Draft = Omit<ComplianceFlag, 'targetKey'>;

function accountability(plan: Plan, explanation: Explanation): Explanation {
  const section = plan.accountability.section;
  return {
    zh: `${explanation.zh}（${section}）`,
    en: `${explanation.en} (${section})`,
    citations: [...explanation.citations, section],
  };
}

/**
 * Conditions met (within the plan's lead time) with no warning at that level proposed, under way or
 * issued for the subject, nor an issued region warning holding its members at that level (Ili 3.3.3). A
 * start due only if the likely-dust hours are not dust is the office's decision, beside the start that is
 * due whatever it decides.
 */
function startFlags(
  plan: Plan,
  book: WarningBook,
  subject: ComplianceSubject,
  warnings: Warning[],
  now: number,
): Draft[] {
  const required = requiredStart(plan, subject, now);
  if (!required) return [];
  const { level, since, explanation } = required;
  const covers = (candidate: WarningLevel) => levelRank(candidate) >= levelRank(level);
  if (subject.target.kind === 'unit' && covers(subject.regionCover ?? 'none')) return [];
  if (warnings.some((warning) => covers(approvedLevel(warning)) || covers(warning.pending?.level ?? 'none')))
    return [];
  if (subject.target.kind === 'unit' && covers(responseFloor(book, subject.target.unitId, now))) return [];
  // A region whose members all respond at the level already (their own warnings or a wider region's).
  if (
    subject.target.kind === 'region' &&
    subject.target.members.every((id) =>
      covers(higherLevel(unitLevel(book, id, now), responseFloor(book, id, now))),
    )
  )
    return [];
  const issued = warnings.find((warning) => warning.status === 'issued');
  if (!issued) {
    const dust = unconfirmedDust(plan, subject, required, now);
    if (dust) {
      const withDust = { ...subject, evaluation: dust.withDust, suspectedDust: [] };
      return [dust.flag, ...startFlags(plan, book, withDust, warnings, now)];
    }
  }
  if (issued && !required.external && !upgradeDue(plan, subject.series, level, now)) return [];
  const name = levelName[level];
  if (issued) {
    const current = approvedLevel(issued);
    const upgrade = plan.adjustment.upgrade;
    return [
      {
        kind: 'upgrade-due',
        warningId: issued.id,
        level: current,
        toLevel: level,
        since,
        explanation: accountability(plan, {
          zh: `已发布${levelName[current].zh}，${name.zh}条件自${formatHour(required.first)}起成立，应升级（${upgrade.section}）：${explanation.zh}`,
          en: `${capitalise(withArticle(levelName[current].en))} is in force and the ${name.en} condition holds from ${formatHour(required.first)}: raise it (${upgrade.section}). ${explanation.en}`,
          citations: [...new Set([upgrade.section, ...explanation.citations])],
        }),
      },
    ];
  }
  return [
    {
      kind: 'start-due',
      warningId: warnings[0]?.id ?? null,
      level,
      toLevel: null,
      since,
      explanation: accountability(plan, {
        zh: `达到${name.zh}启动条件但未启动：${explanation.zh}`,
        en: `Conditions for ${withArticle(name.en)} are met but none is started: ${explanation.en}`,
        citations: explanation.citations,
      }),
    },
  ];
}

/**
 * A start that is due only because windows the engine takes for dust were graded. Dust is outside the plans
 * (适用范围) once the office confirms it; until then the start is due (7). The flag names that decision — the
 * office confirms the dust, or the warning starts — rather than an omission the recommendation does not show.
 */
function unconfirmedDust(
  plan: Plan,
  subject: ComplianceSubject,
  required: NonNullable<ReturnType<typeof requiredStart>>,
  now: number,
): { flag: Draft; withDust: UnitEvaluation } | null {
  const suspected = subject.suspectedDust ?? [];
  // Every unit of every tick comes here: most have no likely dust, and an external floor is no dust's doing.
  if (required.external || suspected.length === 0) return null;
  // The hours asked about are those of the windows the start's grounds read: from its first window end back
  // by the plan's longest duration (a period's hours reach the windows ending up to 23 h after it).
  const lookBack = Math.max(
    ...plan.grading.flatMap((rule) => rule.anyOf.flatMap((way) => way.allOf.map((clause) => clause.hours))),
  );
  const span = spanOf(
    suspected.filter((period) => period.to + 23 * HOUR >= required.first - lookBack * HOUR),
  );
  if (!span) return null;
  const withDust =
    subject.withSuspectedDust ??
    evaluateUnit(plan, subject.series, now, {
      dustPeriods: subject.dustPeriods ?? [],
      suspectedDust: suspected,
    });
  if (levelRank(dueLevel(plan, withDust, now)) >= levelRank(required.level)) return null;
  const name = levelName[required.level];
  const section = plan.dust.section;
  const hours = `${formatHour(span.from)}—${formatHour(span.to)}`;
  const flag: Draft = {
    kind: 'dust-unconfirmed',
    warningId: null,
    level: required.level,
    toLevel: null,
    since: required.since,
    dustPeriod: span,
    explanation: accountability(plan, {
      zh: `疑似沙尘待办公室确认：${hours}的高值可能由沙尘造成（首要污染物PM10，PM2.5/PM10比值低）。确认为沙尘则不适用本预案，仅发布健康提示（${section}）；若不是沙尘，已达到${name.zh}启动条件：${required.explanation.zh}`,
      en: `Likely sand and dust, awaiting the office's confirmation: the high values of ${hours} may be dust (PM10 primary, low PM2.5/PM10 ratio). Confirmed dust is outside the plan and only health advice applies (${section}); if it is not dust, the conditions for ${withArticle(name.en)} are met: ${required.explanation.en}`,
      citations: [...new Set([section, ...required.explanation.citations])],
    }),
  };
  return { flag, withDust };
}

/** Why a Kizilsu unit must answer the autonomous region's regional warning (3.3.2). */
export function externalFloorExplanation(plan: Plan, floor: IssuedLevel): Explanation {
  const section = plan.regional.section;
  return {
    zh: `自治区已启动${levelName[floor].zh}区域预警，应启动不低于该级别的应急响应（${section}）。`,
    en: `The autonomous region has started a regional ${levelName[floor].en}: respond at no lower level (${section}).`,
    citations: [section],
  };
}

/**
 * The grounds of a recommendation entry, as the console shows them and prefills a proposal's reason with: the
 * region's, or the unit's own; a Kizilsu unit listed above its own level is there for the autonomous
 * region's floor, and its own text ("不建议发布预警") would contradict the entry.
 */
export function recommendationExplanation(
  plan: Plan,
  state: Pick<JurisdictionState, 'regions' | 'units'>,
  entry: RecommendationEntry,
): Explanation | null {
  if (entry.kind === 'region')
    return state.regions.find((region) => region.id === entry.regionId)?.explanation ?? null;
  const unit = state.units.find((candidate) => candidate.id === entry.unitId);
  if (!unit) return null;
  const fromFloor =
    plan.regional.kind === 'external-floor' &&
    levelRank(entry.level) > levelRank(unit.recommendedLevel) &&
    unit.regionFloor === entry.level;
  return fromFloor ? externalFloorExplanation(plan, entry.level) : unit.explanation;
}

/**
 * The level the subject should have started: its own grading, or Kizilsu's external regional floor (3.3.2).
 * "Due" means the episode starts within the plan's lead time (Kizilsu 48 h; Ili's 24 h, which the plan
 * states for regional warnings, is used for unit warnings too: it names no other).
 */
function requiredStart(
  plan: Plan,
  subject: ComplianceSubject,
  now: number,
): { level: IssuedLevel; since: number; first: number; explanation: Explanation; external: boolean } | null {
  const evaluation =
    subject.evaluation ?? evaluateUnit(plan, subject.series, now, { dustPeriods: subject.dustPeriods ?? [] });
  const own = dueLevel(plan, evaluation, now);
  const episode = evaluation.episode;
  const ownDue = own !== 'none';
  const floor = plan.regional.kind === 'external-floor' ? (subject.floor ?? 'none') : 'none';
  if (floor !== 'none' && (!ownDue || levelRank(floor) > levelRank(own))) {
    return {
      level: floor,
      since: Math.min(now, subject.floorSince ?? now),
      first: now,
      external: true,
      explanation: externalFloorExplanation(plan, floor),
    };
  }
  if (!ownDue || !episode) return null;
  return {
    level: own as IssuedLevel,
    since: Math.min(now, episode.firstWindowEnd),
    first: episode.firstWindowEnd,
    explanation: evaluation.explanation,
    external: false,
  };
}

/** The evaluation's level when its episode starts within the plan's lead time, else none. */
function dueLevel(plan: Plan, evaluation: UnitEvaluation, now: number): WarningLevel {
  const episode = evaluation.episode;
  return episode !== null && episode.firstWindowEnd <= now + plan.leadTime.hours * HOUR
    ? evaluation.recommendedLevel
    : 'none';
}

/** Ili: monitoring already at the higher level and no clear improvement forecast in 24 h; Kizilsu: forecast or monitoring. */
function upgradeDue(plan: Plan, series: DailySeries, level: IssuedLevel, now: number): boolean {
  const upgrade = plan.adjustment.upgrade;
  if (upgrade.kind === 'forecast-or-monitoring') return true;
  const rule = plan.grading.find((candidate) => candidate.level === level)!;
  if (!ruleHolds(rule, series, now)) return false;
  for (let hour = 1; hour <= upgrade.hours; hour += 1)
    if (ruleHolds(rule, series, now + hour * HOUR)) return true;
  return false;
}

/**
 * When the warning's approved level was asked for: the raise that took it there, else the proposal (a
 * warning raised to red at 10:00 answers for red since 10:00, not since its yellow proposal; a level
 * lowered back to keeps its earlier grounds, and its lifting is the lifting check's to say).
 */
function levelProposedAt(warning: Warning, level: IssuedLevel): number {
  let approved: WarningLevel = 'none';
  let askedAt = warning.proposedAt;
  for (const entry of warning.history) {
    if (
      entry.outcome === 'change-proposed' &&
      entry.level === level &&
      levelRank(level) > levelRank(approved)
    )
      askedAt = entry.at;
    const applied = entry.outcome === 'issued' || entry.outcome === 'raised' || entry.outcome === 'lowered';
    if (applied && entry.level) approved = entry.level;
  }
  return askedAt;
}

/** For an issued warning: no grounds at all, or lifting / lowering conditions met but not acted on. */
function issuedFlag(plan: Plan, subject: ComplianceSubject, warning: Warning, now: number): Draft | null {
  const level = approvedLevel(warning) as IssuedLevel;
  const rule = plan.grading.find((candidate) => candidate.level === level)!;
  const series = subject.series;
  const floorCovers = levelRank(subject.floor ?? 'none') >= levelRank(level);
  const proposedAt = levelProposedAt(warning, level);
  let lastHeld = -1;
  for (let index = Math.max(0, indexOf(series, proposedAt)); index < series.values.length; index += 1) {
    if (ruleHolds(rule, series, windowEndAt(series, index))) lastHeld = index;
  }
  const name = levelName[level];
  if (lastHeld < 0 && !floorCovers) {
    return {
      kind: 'without-grounds',
      warningId: warning.id,
      level,
      toLevel: null,
      since: proposedAt,
      explanation: accountability(plan, {
        zh: `${name.zh}无依据：自${formatHour(proposedAt)}提出以来，实测和预测均未达到${name.zh}条件（${rule.section}）。`,
        en: `The ${name.en} has no grounds: since it was proposed at ${formatHour(proposedAt)} neither monitoring nor forecast meets its condition (${rule.section}).`,
        citations: [rule.section],
      }),
    };
  }
  if (warning.pending || floorCovers || levelInForce(warning, now) === 'none') return null;
  const lifting = liftingCondition(plan, series, level, now, warning.segments.at(-1)!.from);
  if (!lifting.met) return null;
  return {
    kind: lifting.toLevel === 'none' ? 'lift-due' : 'lower-due',
    warningId: warning.id,
    level,
    toLevel: lifting.toLevel,
    since: lifting.cleanFrom!,
    explanation: accountability(plan, lifting.explanation),
  };
}
