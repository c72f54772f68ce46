import { levelRank } from '../../levels';
import type { Plan } from '../../plans/schema';
import { HOUR } from '../../time';
import type { WarningEvent } from './schema';
import type { HistoryEntry, Warning } from './state';

type SignEvent = Extract<WarningEvent, { type: 'sign' }>;
type RejectEvent = Extract<WarningEvent, { type: 'reject' }>;

export function entry(
  event: WarningEvent,
  outcome: HistoryEntry['outcome'],
  level: HistoryEntry['level'],
): HistoryEntry {
  const { type, at, actor, reason, citation } = event;
  const overrideGuards = 'overrideGuards' in event ? (event.overrideGuards ?? null) : null;
  return { type, outcome, at, actor, reason, citation, level, overrideGuards };
}

/**
 * The next role of the pending chain signs (预警发布: 审核 → 同意 → 批准, in the plan's order; who may is
 * actions.ts). The last signature issues the warning or applies the level change (调整按照预警发布程序执行).
 */
export function sign(plan: Plan, warning: Warning, event: SignEvent): Warning {
  const pending = warning.pending!;
  const { actor } = event;
  const signatures = [
    ...pending.signatures,
    { userId: actor.userId, role: actor.role, at: event.at, reason: event.reason },
  ];
  if (signatures.length < pending.steps.length) {
    return {
      ...warning,
      status: pending.kind === 'issue' ? 'under-approval' : warning.status,
      pending: { ...pending, signatures },
      history: [...warning.history, entry(event, 'signed', pending.level)],
    };
  }
  // A level takes effect when it was proposed to, or at its approval if that time has passed: a response
  // cannot start before anyone approved it (nor the notice's "自…起启动" name an hour before its issue).
  const from = startOnApproval(pending.effectiveAt, event.at);
  const segments = [...warning.segments, { level: pending.level, from }];
  if (pending.kind !== 'issue') {
    const outcome = pending.kind === 'raise' ? 'raised' : 'lowered';
    return {
      ...warning,
      segments,
      pending: null,
      history: [...warning.history, entry(event, outcome, pending.level)],
    };
  }
  return {
    ...warning,
    status: 'issued',
    issuedAt: event.at,
    segments,
    pending: null,
    leadTime: leadTime(plan, warning, event.at, from),
    history: [...warning.history, entry(event, 'issued', pending.level)],
  };
}

/** When an approved level starts: its proposed effective time, or the approval if that time has passed. */
export function startOnApproval(effectiveAt: number, approvedAt: number): number {
  return Math.max(effectiveAt, approvedAt);
}

/** Lead time against the plan (Kizilsu 3.3.3: ≥ 48 h before, from the issue; Ili 3.2: regional, 24 h from the proposal). */
function leadTime(plan: Plan, warning: Warning, issuedAt: number, effectiveAt: number): Warning['leadTime'] {
  const rule = plan.leadTime;
  if (rule.appliesTo === 'regional-warnings' && warning.target.kind !== 'region') return null;
  const from = rule.measuredFrom === 'issue' ? issuedAt : warning.proposedAt;
  const actualHours = (effectiveAt - from) / HOUR;
  return { requiredHours: rule.hours, actualHours, short: actualHours < rule.hours, citation: rule.section };
}

/** The role whose turn it is rejects, with its reason: a proposal ends, a level change is dropped. */
export function reject(warning: Warning, event: RejectEvent): Warning {
  const pending = warning.pending!;
  if (pending.kind === 'issue') {
    return {
      ...warning,
      status: 'rejected',
      pending: null,
      history: [...warning.history, entry(event, 'rejected', pending.level)],
    };
  }
  return {
    ...warning,
    pending: null,
    history: [...warning.history, entry(event, 'change-rejected', pending.level)],
  };
}

export function changeKind(
  current: Warning['proposedLevel'],
  target: Warning['proposedLevel'],
): 'raise' | 'lower' {
  return levelRank(target) > levelRank(current) ? 'raise' : 'lower';
}
