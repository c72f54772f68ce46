import { levelRank } from '../../levels';
import { planById } from '../../plans/index';
import type { Plan } from '../../plans/schema';
import { HOUR } from '../../time';
import { formatHour } from '../format';
import { actionRefusal, mayConfirmDust, type WarningAction } from './actions';
import { changeKind, entry, reject, sign } from './approval';
import { approvedLevel, openWarnings } from './queries';
import { type Refusal, refusal } from './refusal';
import type { WarningEvent } from './schema';
import { targetKey, type Warning, type WarningBook } from './state';

export type ApplyResult =
  | { ok: true; state: WarningBook }
  /** `error` is the refusal's English sentence (logs and older clients). */
  | { ok: false; error: string; refusal: Refusal };

const refuse = (reason: Refusal): ApplyResult => ({ ok: false, error: reason.en, refusal: reason });

const levelZh = { none: '无预警', yellow: '黄色预警', orange: '橙色预警', red: '红色预警' } as const;

/**
 * Folds one event into the book. An invalid transition (wrong role, wrong order, signing twice, acting on a
 * lifted warning, …) returns the refusal (code, both languages) and leaves the state as it was. Who may act
 * is actions.ts's `actionRefusal`, the same function the server's endpoints and the console read.
 */
export function applyWarningEvent(state: WarningBook, event: WarningEvent): ApplyResult {
  const plan = planById(state.planId);
  if (!plan)
    return refuse(refusal('unknown-plan', false, `未知预案${state.planId}`, `unknown plan ${state.planId}`));
  if (state.lastEventAt !== null && event.at < state.lastEventAt) {
    return refuse(
      refusal(
        'out-of-order',
        false,
        `事件时间${formatHour(event.at)}早于上一条记录（${formatHour(state.lastEventAt)}）`,
        `event time ${formatHour(event.at)} is before the last recorded event (${formatHour(state.lastEventAt)})`,
      ),
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

/** The action an event on an existing warning is (a change is a raise or a lowering of the approved level). */
function actionOf(
  event: Exclude<WarningEvent, { type: 'propose' | 'confirm-dust' }>,
  warning: Warning,
): WarningAction {
  if (event.type === 'change')
    return levelRank(event.level) > levelRank(approvedLevel(warning)) ? 'raise' : 'lower';
  return event.type;
}

function transition(plan: Plan, state: WarningBook, event: WarningEvent): ApplyResult {
  if (event.type === 'propose') return propose(plan, state, event);
  if (event.type === 'confirm-dust') {
    if (!mayConfirmDust(plan, event.actor.role))
      return refuse(
        refusal(
          'not-proposer',
          true,
          '沙尘由办公室确认',
          `role ${event.actor.role} cannot confirm dust; the office does`,
        ),
      );
    if (!plan.unitIds.includes(event.unitId)) return refuse(foreignUnit(plan, event.unitId));
    if (event.to < event.from)
      return refuse(
        refusal('period-reversed', false, '沙尘时段的结束早于开始', 'dust period ends before it starts'),
      );
    const { unitId, from, to, at, actor, reason, citation } = event;
    return {
      ok: true,
      state: { ...state, dust: [...state.dust, { unitId, from, to, at, actor, reason, citation }] },
    };
  }
  const warning = state.warnings[event.warningId] ?? null;
  if (!warning)
    return refuse(
      refusal('no-warning', false, `没有预警${event.warningId}`, `no warning ${event.warningId}`),
    );
  const level = event.type === 'change' || event.type === 'override' ? event.level : undefined;
  const refused = actionRefusal(
    plan,
    warning,
    { ...event.actor, at: event.at },
    actionOf(event, warning),
    level,
  );
  if (refused) return refuse(refused);
  const next = (updated: Warning): ApplyResult => ({
    ok: true,
    state: { ...state, warnings: { ...state.warnings, [updated.id]: updated } },
  });
  switch (event.type) {
    case 'sign':
      return next(sign(plan, warning, event));
    case 'reject':
      return next(reject(warning, event));
    case 'change': {
      const current = approvedLevel(warning) as Warning['proposedLevel'];
      const pending = {
        kind: changeKind(current, event.level),
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
    case 'lift':
      return next({
        ...warning,
        status: 'lifted',
        liftedAt: event.at,
        pending: null,
        history: [...warning.history, entry(event, 'lifted', 'none')],
      });
    case 'cancel':
      return next({
        ...warning,
        status: 'cancelled',
        pending: null,
        history: [...warning.history, entry(event, 'cancelled', null)],
      });
    case 'override': {
      if (warning.target.kind !== 'region' || !warning.target.members.includes(event.unitId))
        return refuse(
          refusal(
            'not-member',
            false,
            `单元${event.unitId}不是该区域预警的成员`,
            `unit ${event.unitId} is not a member of region ${warning.target.kind === 'region' ? warning.target.regionId : warning.id}`,
          ),
        );
      const { unitId, level: kept, at, actor, reason, citation } = event;
      return {
        ok: true,
        state: {
          ...state,
          overrides: [
            ...state.overrides,
            { unitId, warningId: warning.id, level: kept, at, actor, reason, citation },
          ],
          warnings: {
            ...state.warnings,
            [warning.id]: { ...warning, history: [...warning.history, entry(event, 'overridden', kept)] },
          },
        },
      };
    }
  }
}

function foreignUnit(plan: Plan, unitId: string): Refusal {
  return refusal(
    'unit-not-in-plan',
    false,
    `单元${unitId}不在${plan.titleZh}范围内`,
    `unit ${unitId} is not covered by ${plan.id}`,
  );
}

function propose(
  plan: Plan,
  state: WarningBook,
  event: Extract<WarningEvent, { type: 'propose' }>,
): ApplyResult {
  const refused = actionRefusal(plan, null, event.actor, 'propose');
  if (refused) return refuse(refused);
  if (state.warnings[event.warningId])
    return refuse(
      refusal(
        'duplicate-id',
        false,
        `预警${event.warningId}已存在`,
        `warning ${event.warningId} already exists`,
      ),
    );
  const target = event.target;
  const units = target.kind === 'unit' ? [target.unitId] : target.members;
  const foreign = units.find((unitId) => !plan.unitIds.includes(unitId));
  if (foreign) return refuse(foreignUnit(plan, foreign));
  if (target.kind === 'region') {
    if (plan.regional.kind !== 'contiguous-average')
      return refuse(
        refusal(
          'no-regional',
          false,
          `${plan.titleZh}没有本级区域预警（${plan.regional.section}）`,
          `${plan.id} has no own regional warnings (${plan.regional.section})`,
        ),
      );
    if (target.members.length < plan.regional.minUnits)
      return refuse(
        refusal(
          'region-too-small',
          false,
          `区域预警至少需要${plan.regional.minUnits}个单元（${plan.regional.section}）`,
          `a region needs at least ${plan.regional.minUnits} units (${plan.regional.section})`,
        ),
      );
  }
  const key = targetKey(target);
  const open = openWarnings(state).find((warning) => targetKey(warning.target) === key);
  if (open)
    return refuse(
      refusal(
        'target-has-warning',
        false,
        `该对象已有预警${open.id}，请调整其级别`,
        `${key} already has warning ${open.id} (${open.status}); change its level instead`,
      ),
    );
  const previous = Object.values(state.warnings)
    .filter((warning) => warning.status === 'lifted' && targetKey(warning.target) === key)
    .sort((a, b) => a.liftedAt! - b.liftedAt!)
    .at(-1);
  const merge = plan.adjustment.merge;
  const merged = previous && event.effectiveAt - previous.liftedAt! < merge.gapHours * HOUR ? previous : null;
  if (merged && levelRank(event.level) < levelRank(approvedLevel(merged))) {
    const higher = approvedLevel(merged);
    return refuse(
      refusal(
        'episode-merge',
        false,
        `距预警${merged.id}（${levelZh[higher]}）解除不足${merge.gapHours}小时，视为同一过程，按较高级别启动，至少为${levelZh[higher]}（${merge.section}）`,
        `less than ${merge.gapHours} h after warning ${merged.id} (${higher}) was lifted: one episode, started at the higher level, so at least ${higher} (${merge.section})`,
      ),
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
