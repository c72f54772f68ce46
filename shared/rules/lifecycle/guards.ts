import { higherLevel, levelRank, type WarningLevel } from '../../levels';
import type { IssuedLevel, Plan } from '../../plans/schema';
import type { Explanation } from '../../state/schema';
import { HOUR } from '../../time';
import type { DailySeries } from '../daily-series';
import { formatHour, levelName, withArticle } from '../format';
import { levelAt } from '../grading';
import { liftingCondition } from '../lifting';
import { startOnApproval } from './approval';
import { approvedLevel } from './queries';
import type { GuardId, WarningEvent } from './schema';
import type { WarningBook } from './state';

/** A plan guard an action trips (docs/API.md, 409 `guards`): it goes through only with a recorded override. */
export type Guard = { id: GuardId; explanation: Explanation };

/** What the engine knows about the warning's subject when the action is asked. */
export type GuardEvidence = {
  /** The engine's now (the data time): the newest hour with data. */
  now: number;
  /** The subject's daily AQI series, observed then forecast: the unit's, or the members' average. */
  series: DailySeries | null;
  /** A floor the subject already has grounds for: its regions (Ili) or the autonomous region (Kizilsu). */
  floor: WarningLevel;
};

/** Backdating beyond this is refused without an override (a response cannot start before its decision). */
const backdateToleranceHours = 1;

/** The hour end a response starting at `at` is first graded on. */
function windowEndOf(at: number): number {
  return Math.ceil(at / HOUR) * HOUR;
}

/** The highest level the evidence supports at `at`: the graded series there, or the subject's floor. */
export function supportedLevel(plan: Plan, evidence: GuardEvidence, at: number): WarningLevel {
  const graded = evidence.series ? levelAt(plan.grading, evidence.series, windowEndOf(at)) : 'none';
  return higherLevel(graded, evidence.floor);
}

function levelGuard(
  plan: Plan,
  evidence: GuardEvidence,
  level: IssuedLevel,
  effectiveAt: number,
): Guard | null {
  const at = Math.max(effectiveAt, evidence.now);
  const supported = supportedLevel(plan, evidence, at);
  if (levelRank(supported) >= levelRank(level)) return null;
  const rule = plan.grading.find((candidate) => candidate.level === level)!;
  const asked = levelName[level];
  const found = levelName[supported];
  return {
    id: 'level-unsupported',
    explanation: {
      zh: `${formatHour(windowEndOf(at))}的实测和预报只支持${found.zh}，不支持${asked.zh}（${rule.section}）。`,
      en: `At ${formatHour(windowEndOf(at))} monitoring and forecast support ${supported === 'none' ? 'no warning' : withArticle(found.en)}, not ${withArticle(asked.en)} (${rule.section}).`,
      citations: [rule.section],
    },
  };
}

function backdateGuard(effectiveAt: number, now: number): Guard | null {
  if (effectiveAt >= now - backdateToleranceHours * HOUR) return null;
  return {
    id: 'backdated',
    explanation: {
      zh: `生效时间${formatHour(effectiveAt)}早于数据时刻${formatHour(now)}超过${backdateToleranceHours}小时：应急响应不能追溯开始。`,
      en: `Effective ${formatHour(effectiveAt)}, more than ${backdateToleranceHours} h before the data time ${formatHour(now)}: a response cannot start in the past.`,
      citations: [],
    },
  };
}

/**
 * The latest instant a warning of `level` starting at `start` may be issued and keep the plan's advance
 * notice; null where none applies. A Kizilsu warning that answers the autonomous region's regional warning
 * (`floor`) at no higher level is not a forecast of the prefecture's own: 3.3.2 asks for it when the region
 * starts its warning, which nothing can precede by 48 h. The server's guard and the console's note read it.
 */
export function latestIssueTime(
  plan: Plan,
  level: IssuedLevel,
  start: number,
  regional: boolean,
  floor: WarningLevel,
): number | null {
  if (plan.leadTime.appliesTo === 'regional-warnings' && !regional) return null;
  if (plan.regional.kind === 'external-floor' && levelRank(level) <= levelRank(floor)) return null;
  return start - plan.leadTime.hours * HOUR;
}

function leadGuard(
  plan: Plan,
  evidence: GuardEvidence,
  level: IssuedLevel,
  regional: boolean,
  effectiveAt: number,
): Guard | null {
  const rule = plan.leadTime;
  const latest = latestIssueTime(plan, level, effectiveAt, regional, evidence.floor);
  if (latest === null || evidence.now <= latest) return null;
  const from = evidence.now;
  const hours = (effectiveAt - from) / HOUR;
  return {
    id: 'lead-time',
    explanation: {
      zh: `提前量${Math.max(0, Math.round(hours))}小时，少于预案要求的${rule.hours}小时（${rule.section}）：${rule.zh}`,
      en: `${Math.max(0, Math.round(hours))} h of advance notice, less than the ${rule.hours} h the plan asks (${rule.section}): ${rule.en}`,
      citations: [rule.section],
    },
  };
}

/** Lowering or lifting before the air has improved for the plan's 36 h (级别调整和解除). */
function improvementGuard(
  plan: Plan,
  evidence: GuardEvidence,
  current: IssuedLevel,
  to: WarningLevel,
): Guard | null {
  const id = to === 'none' ? 'lift-conditions' : 'lower-conditions';
  if (!evidence.series) {
    return {
      id,
      explanation: {
        zh: `没有该对象的日AQI序列，无法确认已满足${to === 'none' ? '解除' : '降级'}条件（${plan.adjustment.improvement.section}）。`,
        en: `No daily AQI series for the subject: the conditions to ${to === 'none' ? 'lift' : 'lower'} cannot be shown (${plan.adjustment.improvement.section}).`,
        citations: [plan.adjustment.improvement.section],
      },
    };
  }
  const check = liftingCondition(plan, evidence.series, current, evidence.now);
  if (check.met && levelRank(to) >= levelRank(check.toLevel)) return null;
  if (check.met)
    return {
      id,
      explanation: {
        zh: `${levelName[check.toLevel].zh}条件仍成立，只能降为${levelName[check.toLevel].zh}（${plan.adjustment.improvement.section}）。`,
        en: `The ${levelName[check.toLevel].en} condition still holds: lower to ${levelName[check.toLevel].en} at most (${plan.adjustment.improvement.section}).`,
        citations: check.explanation.citations,
      },
    };
  return { id, explanation: check.explanation };
}

/**
 * The plan guards an event trips, given the evidence at the time it is asked (issue 15: guards that follow
 * the plans). Proposing, raising and the signature that issues check the level against the evidence at the
 * effective time, backdating and the plan's lead time; lowering and lifting check the 36 h improvement.
 */
export function guardsFor(
  plan: Plan,
  book: WarningBook,
  event: WarningEvent,
  evidence: GuardEvidence,
): Guard[] {
  const guards: (Guard | null)[] = [];
  if (event.type === 'propose') {
    guards.push(levelGuard(plan, evidence, event.level, event.effectiveAt));
    guards.push(backdateGuard(event.effectiveAt, evidence.now));
    guards.push(leadGuard(plan, evidence, event.level, event.target.kind === 'region', event.effectiveAt));
  }
  const warning = 'warningId' in event ? book.warnings[event.warningId] : undefined;
  if (warning && event.type === 'change') {
    const current = approvedLevel(warning) as IssuedLevel;
    if (levelRank(event.level) > levelRank(current))
      guards.push(levelGuard(plan, evidence, event.level, event.effectiveAt));
    else guards.push(improvementGuard(plan, evidence, current, event.level));
    guards.push(backdateGuard(event.effectiveAt, evidence.now));
  }
  if (warning && event.type === 'lift')
    guards.push(improvementGuard(plan, evidence, approvedLevel(warning) as IssuedLevel, 'none'));
  const pending = warning?.pending;
  if (event.type === 'sign' && pending && pending.signatures.length === pending.steps.length - 1) {
    // The last signature puts the level in force: the approver answers for the evidence too.
    // Approved after its proposed effective time, the level starts at the approval (approval.ts).
    const start = startOnApproval(pending.effectiveAt, evidence.now);
    if (pending.kind !== 'lower') guards.push(levelGuard(plan, evidence, pending.level, start));
    if (pending.kind === 'issue' && plan.leadTime.measuredFrom === 'issue')
      guards.push(leadGuard(plan, evidence, pending.level, warning.target.kind === 'region', start));
  }
  return guards.filter((guard): guard is Guard => guard !== null);
}
