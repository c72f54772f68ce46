/**
 * The warning rule engine (issue 5). Pure: the clock is an argument, no I/O. Plans come from
 * `shared/plans` (`plans[jurisdiction]`).
 *
 * Grading a unit
 *   evaluateUnit(plan, series: DailySeries, now, { lookbackHours?, dustPeriods?, pm25Daily? }) → UnitEvaluation
 *     { recommendedLevel, levels: [{ level, holds, firstWindowEnd, lastWindowEnd, explanation }],
 *       episode, horizonEnd, heavyDay (Ili 1.3, when pm25Daily is given), dust, explanation }
 *     Window ends from now (minus lookbackHours, default 0) to the end of the forecast count; the
 *     recommended level is the highest of the first episode reaching that range, episodes under 36 h
 *     apart merged. Explanations are { zh, en, citations } and cite the plan sections.
 *   liftingCondition(plan, series, level, now, inForceFrom?) → { met, toLevel, cleanFrom, explanation }   (36 h rule)
 *   levelAt / ruleHolds / clauseHolds (./grading), DailySeries helpers (./daily-series).
 *
 * Dust (both plans, 适用范围)
 *   dustLikely(sample), dustRuns(start, flags) → Period[]   (PM10 primary, PM2.5/PM10 < 0.3)
 *   excludeDust(series, periods) → { series, excluded }                   (done inside evaluateUnit)
 *
 * Lifecycle: state = fold over events
 *   warningEventSchema (zod; parse every socket/HTTP payload with it), WarningEvent
 *   emptyBook(planId) → WarningBook
 *   applyWarningEvent(book, event) → { ok: true, state } | { ok: false, error }
 *   foldWarningEvents(book, events) → { state, refused: [{ index, error }] }
 *   eventCitation(plan, type, level?) → the plan section an event acts under (a default for clients)
 *   statusAt(warning, now) ('active' once the effective time passes), levelInForce(warning, now),
 *   unitLevel(book, unitId, now), responseFloor(book, unitId, now), dustPeriodsFor(book, unitId)
 *
 * Compliance watch (监督问责)
 *   complianceFlags(plan, book, subjects: [{ target, series, dustPeriods?, suspectedDust?, floor? }], now, previous?)
 *     → [{ kind: 'start-due' | 'dust-unconfirmed' | 'upgrade-due' | 'lift-due' | 'lower-due' | 'without-grounds',
 *          targetKey, warningId, level, toLevel, since, explanation, dustPeriod? }]
 */
export { type ComplianceFlag, type ComplianceSubject, complianceFlags } from './compliance';
export {
  averageDailySeries,
  type DailySeries,
  dailyAqiSeries,
  gradedDailyAqi,
  indexOf,
  type ObservedDailySeries,
  partialCountsAbove,
  valueAt,
  windowEndAt,
} from './daily-series';
export {
  type DustSample,
  dustLikely,
  dustRatioThreshold,
  dustRuns,
  excludeDust,
  type Period,
} from './dust';
export {
  type EvaluateOptions,
  evaluateUnit,
  type LevelEvaluation,
  type UnitEvaluation,
} from './evaluate-unit';
export { formatHour, levelName } from './format';
export { clauseHolds, levelAt, ruleHolds } from './grading';
export type { HeavyDayEvaluation } from './heavy-day';
export {
  type Acting,
  actionRefusal,
  allowedActions,
  overrideRoles,
  type WarningAction,
  warningActions,
} from './lifecycle/actions';
export { type ApplyResult, applyWarningEvent, foldWarningEvents } from './lifecycle/apply';
export { eventCitation } from './lifecycle/citations';
export { type Guard, type GuardEvidence, guardsFor, supportedLevel } from './lifecycle/guards';
export {
  approvedLevel,
  dustPeriodsFor,
  levelInForce,
  openWarnings,
  responseFloor,
  statusAt,
  unitLevel,
  type WarningStatus,
} from './lifecycle/queries';
export { type Refusal, refusal } from './lifecycle/refusal';
export {
  type Actor,
  actorSchema,
  type GuardId,
  type GuardOverride,
  guardIds,
  guardOverrideSchema,
  type WarningEvent,
  type WarningTarget,
  warningEventSchema,
  warningTargetSchema,
} from './lifecycle/schema';
export { emptyBook, targetKey, targetOfKey, type Warning, type WarningBook } from './lifecycle/state';
export { type LiftingCheck, liftingCondition } from './lifting';
