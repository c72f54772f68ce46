import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { levelRank, warningLevelSchema } from '../../shared/levels';
import { plans } from '../../shared/plans';
import {
  type Actor,
  approvedLevel,
  eventCitation,
  type WarningEvent,
  warningTargetSchema,
} from '../../shared/rules';
import { instantSchema } from '../../shared/time-schemas';
import type { Jurisdiction } from '../../shared/units/schema';
import { jurisdictionSchema } from '../../shared/units/schema';
import { HttpError } from '../http/errors';
import type { Store } from '../store/types';
import { bookOf } from './book';

const issuedLevel = warningLevelSchema.exclude(['none']);
/** Every action says why; the plan section defaults to the one the action acts under (eventCitation). */
const why = {
  reason: z.string().trim().min(1).max(2000),
  citation: z.string().trim().min(1).max(200).optional(),
};

export const proposeSchema = z.object({
  ...why,
  jurisdiction: jurisdictionSchema,
  warningId: z.string().trim().min(1).max(64).optional(),
  target: warningTargetSchema,
  level: issuedLevel,
  /** When the response starts (ISO with offset); defaults to now. */
  effectiveAt: instantSchema.optional(),
});
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

export const warningActions = [
  'sign',
  'issue',
  'reject',
  'raise',
  'lower',
  'lift',
  'cancel',
  'override',
] as const;
export type WarningAction = (typeof warningActions)[number];

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

export function actionSchema(action: WarningAction) {
  return actionSchemas[action];
}

/**
 * The lifecycle event an action on an existing warning means. issue = the last signature of the chain;
 * raise and lower = a level change (`change`) that must go up or down from the approved level.
 */
export function eventForAction(
  store: Store,
  jurisdiction: Jurisdiction,
  warningId: string,
  action: WarningAction,
  body: Record<string, unknown>,
  actor: Actor,
  at: number,
): WarningEvent {
  const plan = plans[jurisdiction];
  const warning = bookOf(store, jurisdiction).warnings[warningId]!;
  const reason = String(body.reason);
  const base = { warningId, actor, at, reason };
  if (action === 'issue') {
    const pending = warning.pending;
    if (pending?.kind !== 'issue' || pending.signatures.length !== pending.steps.length - 1) {
      const next = pending?.steps[pending.signatures.length];
      throw new HttpError(409, {
        error: next
          ? `issue is the last signature of the chain; ${next.role} must ${next.action} first`
          : `warning ${warningId} has no proposal waiting to be issued`,
      });
    }
  }
  if (action === 'raise' || action === 'lower') {
    const level = body.level as z.infer<typeof issuedLevel>;
    const current = approvedLevel(warning);
    const up = levelRank(level) > levelRank(current);
    if (up !== (action === 'raise') || level === current) {
      throw new HttpError(400, {
        error: `${action} must go ${action === 'raise' ? 'above' : 'below'} the approved level ${current}`,
        issues: [
          {
            field: 'level',
            message: `${level} is not ${action === 'raise' ? 'higher' : 'lower'} than ${current}`,
          },
        ],
      });
    }
    const citation = (body.citation as string | undefined) ?? eventCitation(plan, 'change', level);
    return {
      ...base,
      type: 'change',
      level,
      effectiveAt: (body.effectiveAt as number | undefined) ?? at,
      citation,
    };
  }
  if (action === 'override') {
    const level = body.level as z.infer<typeof warningLevelSchema>;
    const citation = (body.citation as string | undefined) ?? eventCitation(plan, 'override');
    return { ...base, type: 'override', unitId: String(body.unitId), level, citation };
  }
  const type = action === 'issue' ? 'sign' : action;
  const level = warning.pending?.level ?? 'yellow';
  const citation = (body.citation as string | undefined) ?? eventCitation(plan, type, level);
  return { ...base, type, citation };
}

export function proposeEvent(body: z.infer<typeof proposeSchema>, actor: Actor, at: number): WarningEvent {
  const plan = plans[body.jurisdiction];
  return {
    type: 'propose',
    warningId: body.warningId ?? `w-${randomUUID()}`,
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
