import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { warningLevelSchema } from '../../shared/levels';
import { plans } from '../../shared/plans';
import {
  type Actor,
  eventCitation,
  type Warning,
  type WarningAction,
  type WarningEvent,
  warningTargetSchema,
} from '../../shared/rules';
import { instantSchema } from '../../shared/time-schemas';
import { jurisdictionSchema } from '../../shared/units/schema';

const issuedLevel = warningLevelSchema.exclude(['none']);

/** Every action says why; the plan section defaults to the one the action acts under (eventCitation). */
const why = {
  reason: z.string().trim().min(1).max(2000),
  citation: z.string().trim().min(1).max(200).optional(),
  /**
   * A recorded special case (特殊情况) that lets the action through the plan guards it trips (docs/API.md,
   * 409 `guards`): who gives it is the caller; the reason is stored with the event, history and audit.
   */
  overrideGuards: z
    .object({
      reason: z.string().trim().min(10, 'an override needs a reason of at least 10 characters').max(2000),
    })
    .optional(),
};

export const proposeSchema = z.object({
  ...why,
  jurisdiction: jurisdictionSchema,
  /**
   * An idempotency key, not the warning's id (the server assigns ids): the same key from the same account in
   * the same prefecture answers with the warning it first proposed.
   */
  warningId: z.string().trim().min(1).max(64).optional(),
  target: warningTargetSchema,
  level: issuedLevel,
  /** When the response starts (ISO with offset); defaults to now. */
  effectiveAt: instantSchema.optional(),
});
export type ProposeBody = z.infer<typeof proposeSchema>;
export const signSchema = z.object(why);
export const changeSchema = z.object({ ...why, level: issuedLevel, effectiveAt: instantSchema.optional() });
export const overrideSchema = z.object({ ...why, unitId: z.string().min(1), level: warningLevelSchema });

export const confirmDustSchema = z.object({
  ...why,
  jurisdiction: jurisdictionSchema,
  unitId: z.string().min(1),
  from: instantSchema,
  to: instantSchema,
});

const actionSchemas = {
  sign: signSchema,
  issue: signSchema,
  reject: signSchema,
  lift: signSchema,
  cancel: signSchema,
  raise: changeSchema,
  lower: changeSchema,
  override: overrideSchema,
} as const;
export type ExistingAction = Exclude<WarningAction, 'propose'>;
export type ActionBody = z.infer<(typeof actionSchemas)[ExistingAction]>;

export function actionSchema(action: ExistingAction) {
  return actionSchemas[action];
}

/** The level an action's body names, for the shared check of who may act (raise, lower, override). */
export function levelOf(body: ActionBody): z.infer<typeof warningLevelSchema> | undefined {
  return 'level' in body ? body.level : undefined;
}

/**
 * The lifecycle event an action on an existing warning means. issue = the last signature of the chain (of a
 * proposal or of a level change); raise and lower = a level change (`change`) up or down from the approved
 * level (actions.ts has checked the direction).
 */
export function eventForAction(
  warning: Warning,
  action: ExistingAction,
  body: ActionBody,
  actor: Actor,
  at: number,
  planId: keyof typeof plans,
): WarningEvent {
  const plan = plans[planId];
  const base = { warningId: warning.id, actor, at, reason: body.reason };
  if ((action === 'raise' || action === 'lower') && 'level' in body && !('unitId' in body)) {
    const level = body.level as z.infer<typeof issuedLevel>;
    const citation = body.citation ?? eventCitation(plan, 'change', level);
    const effectiveAt = 'effectiveAt' in body ? body.effectiveAt : undefined;
    return { ...base, type: 'change', level, effectiveAt: effectiveAt ?? at, citation };
  }
  if (action === 'override' && 'unitId' in body) {
    const citation = body.citation ?? eventCitation(plan, 'override');
    return { ...base, type: 'override', unitId: body.unitId, level: body.level, citation };
  }
  const type = action === 'issue' ? 'sign' : (action as 'sign' | 'reject' | 'lift' | 'cancel');
  const citation = body.citation ?? eventCitation(plan, type, warning.pending?.level ?? 'yellow');
  return { ...base, type, citation };
}

export function proposeEvent(body: ProposeBody, actor: Actor, at: number): WarningEvent {
  const plan = plans[body.jurisdiction];
  return {
    type: 'propose',
    warningId: `w-${randomUUID()}`,
    ...(body.warningId ? { idempotencyKey: body.warningId } : {}),
    target: body.target,
    level: body.level,
    effectiveAt: body.effectiveAt ?? at,
    actor,
    at,
    reason: body.reason,
    citation: body.citation ?? eventCitation(plan, 'propose', body.level),
  };
}

export function confirmDustEvent(
  body: z.infer<typeof confirmDustSchema>,
  actor: Actor,
  at: number,
): WarningEvent {
  const { unitId, from, to, reason } = body;
  const citation = body.citation ?? eventCitation(plans[body.jurisdiction], 'confirm-dust');
  return { type: 'confirm-dust', unitId, from, to, actor, at, reason, citation };
}
