import { levelRank } from '../../levels';
import type { Plan } from '../../plans/schema';
import { HOUR } from '../../time';
import type { WarningEvent } from './schema';
import type { HistoryEntry, Warning } from './state';

type Result = { ok: true; warning: Warning } | { ok: false; error: string };
type SignEvent = Extract<WarningEvent, { type: 'sign' }>;
type RejectEvent = Extract<WarningEvent, { type: 'reject' }>;

export function entry(
  event: WarningEvent,
  outcome: HistoryEntry['outcome'],
  level: HistoryEntry['level'],
): HistoryEntry {
  const { type, at, actor, reason, citation } = event;
  return { type, outcome, at, actor, reason, citation, level };
}

/**
 * The next role of the pending chain signs (预警发布: 审核 → 同意 → 批准, in the plan's order). The last
 * signature issues the warning or applies the level change (调整按照预警发布程序执行).
 */
export function sign(plan: Plan, warning: Warning, event: SignEvent): Result {
  const pending = warning.pending;
  if (!pending) return { ok: false, error: `warning ${warning.id} has nothing waiting for a signature` };
  const { actor } = event;
  if (pending.signatures.some((signature) => signature.userId === actor.userId)) {
    return { ok: false, error: `${actor.userId} has already signed warning ${warning.id}` };
  }
  const step = pending.steps[pending.signatures.length]!;
  if (actor.role !== step.role) {
    const chain = pending.steps.map((candidate) => candidate.role).join(' → ');
    const later = pending.steps
      .slice(pending.signatures.length + 1)
      .some((candidate) => candidate.role === actor.role);
    return {
      ok: false,
      error: later
        ? `wrong order: ${step.role} must ${step.action} before ${actor.role} signs (chain ${chain})`
        : `role ${actor.role} does not sign a ${pending.level} warning; the chain is ${chain}`,
    };
  }
  const signatures = [
    ...pending.signatures,
    { userId: actor.userId, role: actor.role, at: event.at, reason: event.reason },
  ];
  if (signatures.length < pending.steps.length) {
    return {
      ok: true,
      warning: {
        ...warning,
        status: pending.kind === 'issue' ? 'under-approval' : warning.status,
        pending: { ...pending, signatures },
        history: [...warning.history, entry(event, 'signed', pending.level)],
      },
    };
  }
  const segments = [...warning.segments, { level: pending.level, from: pending.effectiveAt }];
  if (pending.kind !== 'issue') {
    const outcome = pending.kind === 'raise' ? 'raised' : 'lowered';
    return {
      ok: true,
      warning: {
        ...warning,
        segments,
        pending: null,
        history: [...warning.history, entry(event, outcome, pending.level)],
      },
    };
  }
  return {
    ok: true,
    warning: {
      ...warning,
      status: 'issued',
      issuedAt: event.at,
      segments,
      pending: null,
      leadTime: leadTime(plan, warning, event.at, pending.effectiveAt),
      history: [...warning.history, entry(event, 'issued', pending.level)],
    },
  };
}

/** Lead time against the plan (Kizilsu 3.3.3: ≥ 48 h before, from the issue; Ili 3.2: regional, 24 h from the proposal). */
function leadTime(plan: Plan, warning: Warning, issuedAt: number, effectiveAt: number): Warning['leadTime'] {
  const rule = plan.leadTime;
  if (rule.appliesTo === 'regional-warnings' && warning.target.kind !== 'region') return null;
  const from = rule.measuredFrom === 'issue' ? issuedAt : warning.proposedAt;
  const actualHours = (effectiveAt - from) / HOUR;
  return { requiredHours: rule.hours, actualHours, short: actualHours < rule.hours, citation: rule.section };
}

/** Any role of the pending chain may reject, with its reason: a proposal ends, a level change is dropped. */
export function reject(warning: Warning, event: RejectEvent): Result {
  const pending = warning.pending;
  if (!pending)
    return { ok: false, error: `warning ${warning.id} has nothing waiting for approval to reject` };
  if (!pending.steps.some((step) => step.role === event.actor.role)) {
    const chain = pending.steps.map((step) => step.role).join(' → ');
    return {
      ok: false,
      error: `role ${event.actor.role} is not in the ${pending.level} chain (${chain}) and cannot reject`,
    };
  }
  if (pending.kind === 'issue') {
    return {
      ok: true,
      warning: {
        ...warning,
        status: 'rejected',
        pending: null,
        history: [...warning.history, entry(event, 'rejected', pending.level)],
      },
    };
  }
  return {
    ok: true,
    warning: {
      ...warning,
      pending: null,
      history: [...warning.history, entry(event, 'change-rejected', pending.level)],
    },
  };
}

export function changeKind(
  current: Warning['proposedLevel'],
  target: Warning['proposedLevel'],
): 'raise' | 'lower' {
  return levelRank(target) > levelRank(current) ? 'raise' : 'lower';
}
