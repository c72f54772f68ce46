import { levelRank } from '../../levels';
import { planById } from '../../plans/index';
import type { Plan, Role } from '../../plans/schema';
import { HOUR } from '../../time';
import { formatHour } from '../format';
import { changeKind, entry, reject, sign } from './approval';
import { approvedLevel, openWarnings } from './queries';
import type { WarningEvent } from './schema';
import { targetKey, type Warning, type WarningBook } from './state';

export type ApplyResult = { ok: true; state: WarningBook } | { ok: false; error: string };

const refuse = (error: string): ApplyResult => ({ ok: false, error });

/** Roles that may keep a region member below the region's level (Ili 4.2 特殊情况, a command decision). */
const overrideRoles: readonly Role[] = [
  'commander',
  'first-deputy-commander',
  'deputy-commander',
  'office-director',
];

/**
 * Folds one event into the book. An invalid transition (wrong role, wrong order, signing twice, acting
 * on a lifted warning, …) returns an error naming the reason and leaves the state as it was.
 */
export function applyWarningEvent(state: WarningBook, event: WarningEvent): ApplyResult {
  const plan = planById(state.planId);
  if (!plan) return refuse(`unknown plan ${state.planId}`);
  if (state.lastEventAt !== null && event.at < state.lastEventAt) {
    return refuse(
      `event time ${formatHour(event.at)} is before the last recorded event (${formatHour(state.lastEventAt)})`,
    );
  }
  const result = transition(plan, state, event);
  if (!result.ok) return result;
  return { ok: true, state: { ...result.state, lastEventAt: event.at } };
}

/** Replays a history: the state after every valid event, and the events refused with their reasons. */
export function foldWarningEvents(
  initial: WarningBook,
  events: readonly WarningEvent[],
): { state: WarningBook; refused: { index: number; error: string }[] } {
  let state = initial;
  const refused: { index: number; error: string }[] = [];
  events.forEach((event, index) => {
    const result = applyWarningEvent(state, event);
    if (result.ok) state = result.state;
    else refused.push({ index, error: result.error });
  });
  return { state, refused };
}

function transition(plan: Plan, state: WarningBook, event: WarningEvent): ApplyResult {
  if (event.type === 'propose') return propose(plan, state, event);
  if (event.type === 'confirm-dust') {
    if (!plan.proposers.includes(event.actor.role))
      return refuse(`role ${event.actor.role} cannot confirm dust; the office does`);
    if (!plan.unitIds.includes(event.unitId))
      return refuse(`unit ${event.unitId} is not covered by ${plan.id}`);
    if (event.to < event.from) return refuse('dust period ends before it starts');
    const { unitId, from, to, at, actor, reason, citation } = event;
    return {
      ok: true,
      state: { ...state, dust: [...state.dust, { unitId, from, to, at, actor, reason, citation }] },
    };
  }
  const warning = state.warnings[event.warningId];
  if (!warning) return refuse(`no warning ${event.warningId}`);
  if (warning.status === 'lifted')
    return refuse(`warning ${warning.id} was lifted at ${formatHour(warning.liftedAt!)}; propose a new one`);
  if (warning.status === 'rejected' || warning.status === 'cancelled')
    return refuse(`warning ${warning.id} was ${warning.status}`);
  const next = (updated: Warning): ApplyResult => ({
    ok: true,
    state: { ...state, warnings: { ...state.warnings, [updated.id]: updated } },
  });
  switch (event.type) {
    case 'sign': {
      const result = sign(plan, warning, event);
      return result.ok ? next(result.warning) : result;
    }
    case 'reject': {
      const result = reject(warning, event);
      return result.ok ? next(result.warning) : result;
    }
    case 'change': {
      if (!plan.proposers.includes(event.actor.role))
        return refuse(
          `role ${event.actor.role} cannot propose a level change; the office does (${plan.proposers.join(', ')})`,
        );
      if (warning.status !== 'issued')
        return refuse(`warning ${warning.id} is not issued yet; only an issued warning changes level`);
      if (warning.pending)
        return refuse(
          `warning ${warning.id} already has a ${warning.pending.kind} to ${warning.pending.level} waiting for approval`,
        );
      const current = approvedLevel(warning);
      if (current === event.level) return refuse(`warning ${warning.id} is already ${event.level}`);
      const kind = changeKind(current as Warning['proposedLevel'], event.level);
      const pending = {
        kind,
        level: event.level,
        effectiveAt: event.effectiveAt,
        steps: plan.approval[event.level].steps,
        signatures: [],
        requestedAt: event.at,
      };
      return next({
        ...warning,
        pending,
        history: [...warning.history, entry(event, 'change-proposed', event.level)],
      });
    }
    case 'lift': {
      if (!plan.lifting.issuers.includes(event.actor.role))
        return refuse(
          `role ${event.actor.role} cannot lift; the office issues lifting directly (${plan.lifting.section})`,
        );
      if (warning.status !== 'issued')
        return refuse(`warning ${warning.id} is not issued; reject or cancel it instead`);
      return next({
        ...warning,
        status: 'lifted',
        liftedAt: event.at,
        pending: null,
        history: [...warning.history, entry(event, 'lifted', 'none')],
      });
    }
    case 'cancel': {
      if (!plan.proposers.includes(event.actor.role))
        return refuse(`role ${event.actor.role} cannot cancel a warning; the office does`);
      if (warning.status === 'issued' && event.at >= warning.segments[0]!.from)
        return refuse(`warning ${warning.id} is already in effect; lift it instead`);
      return next({
        ...warning,
        status: 'cancelled',
        pending: null,
        history: [...warning.history, entry(event, 'cancelled', null)],
      });
    }
    case 'override': {
      if (plan.regional.kind !== 'contiguous-average')
        return refuse(`${plan.id} has no regional warnings to override`);
      if (!overrideRoles.includes(event.actor.role))
        return refuse(
          `role ${event.actor.role} cannot keep a member below its region's level (${overrideRoles.join(', ')})`,
        );
      if (warning.target.kind !== 'region' || warning.status !== 'issued')
        return refuse(`warning ${warning.id} is not an issued regional warning`);
      if (!warning.target.members.includes(event.unitId))
        return refuse(`unit ${event.unitId} is not a member of region ${warning.target.regionId}`);
      if (levelRank(event.level) >= levelRank(approvedLevel(warning)))
        return refuse(
          `an override keeps a member below the region's ${approvedLevel(warning)}; ${event.level} is not lower`,
        );
      const { unitId, level, at, actor, reason, citation } = event;
      return {
        ok: true,
        state: {
          ...state,
          overrides: [
            ...state.overrides,
            { unitId, warningId: warning.id, level, at, actor, reason, citation },
          ],
          warnings: {
            ...state.warnings,
            [warning.id]: { ...warning, history: [...warning.history, entry(event, 'overridden', level)] },
          },
        },
      };
    }
  }
}

function propose(
  plan: Plan,
  state: WarningBook,
  event: Extract<WarningEvent, { type: 'propose' }>,
): ApplyResult {
  if (!plan.proposers.includes(event.actor.role))
    return refuse(
      `role ${event.actor.role} cannot propose a warning; the office does (${plan.proposers.join(', ')})`,
    );
  if (state.warnings[event.warningId]) return refuse(`warning ${event.warningId} already exists`);
  const target = event.target;
  const units = target.kind === 'unit' ? [target.unitId] : target.members;
  const foreign = units.find((unitId) => !plan.unitIds.includes(unitId));
  if (foreign) return refuse(`unit ${foreign} is not covered by ${plan.id}`);
  if (target.kind === 'region') {
    if (plan.regional.kind !== 'contiguous-average')
      return refuse(`${plan.id} has no own regional warnings (${plan.regional.section})`);
    if (target.members.length < plan.regional.minUnits)
      return refuse(`a region needs at least ${plan.regional.minUnits} units (${plan.regional.section})`);
  }
  const key = targetKey(target);
  const open = openWarnings(state).find((warning) => targetKey(warning.target) === key);
  if (open) return refuse(`${key} already has warning ${open.id} (${open.status}); change its level instead`);
  const previous = Object.values(state.warnings)
    .filter((warning) => warning.status === 'lifted' && targetKey(warning.target) === key)
    .sort((a, b) => a.liftedAt! - b.liftedAt!)
    .at(-1);
  const merge = plan.adjustment.merge;
  const merged = previous && event.effectiveAt - previous.liftedAt! < merge.gapHours * HOUR ? previous : null;
  if (merged && levelRank(event.level) < levelRank(approvedLevel(merged))) {
    return refuse(
      `less than ${merge.gapHours} h after warning ${merged.id} (${approvedLevel(merged)}) was lifted: one episode, started at the higher level, so at least ${approvedLevel(merged)} (${merge.section})`,
    );
  }
  const warning: Warning = {
    id: event.warningId,
    episodeId: merged ? merged.episodeId : event.warningId,
    mergedFrom: merged ? merged.id : null,
    target,
    status: 'proposed',
    proposedLevel: event.level,
    proposedAt: event.at,
    issuedAt: null,
    liftedAt: null,
    segments: [],
    pending: {
      kind: 'issue',
      level: event.level,
      effectiveAt: event.effectiveAt,
      steps: plan.approval[event.level].steps,
      signatures: [],
      requestedAt: event.at,
    },
    leadTime: null,
    history: [entry(event, 'proposed', event.level)],
  };
  return { ok: true, state: { ...state, warnings: { ...state.warnings, [warning.id]: warning } } };
}
