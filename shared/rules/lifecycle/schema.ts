import { z } from 'zod';
import { warningLevelSchema } from '../../levels';
import { roleSchema } from '../../plans/schema';

/**
 * Warning lifecycle events (both plans, 预警发布 / 级别调整和解除). The server parses every socket or
 * HTTP payload with `warningEventSchema`; the state is a fold over accepted events (./apply.ts).
 */
export const actorSchema = z.object({ userId: z.string().min(1), role: roleSchema });
export type Actor = z.infer<typeof actorSchema>;

export const warningTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), unitId: z.string().min(1) }),
  z.object({
    kind: z.literal('region'),
    regionId: z.string().min(1),
    members: z.array(z.string().min(1)).min(2),
  }),
]);
export type WarningTarget = z.infer<typeof warningTargetSchema>;

const issuedLevelSchema = warningLevelSchema.exclude(['none']);
/**
 * An instant an event may carry: from 2000 to 2100. A proposal effective in 1960 or in the year 275760 is
 * refused at the door (400 naming the field) instead of being stored and dropped by the fold.
 */
export const eventInstantSchema = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1), 'before 2000')
  .max(Date.UTC(2100, 0, 1), 'after 2100');
const instantSchema = eventInstantSchema;

/** The plan guards an action can trip (docs/API.md, 409 `guards`); an override names those it overrode. */
export const guardIds = [
  'level-unsupported',
  'lift-conditions',
  'lower-conditions',
  'backdated',
  'lead-time',
] as const;
export const guardIdSchema = z.enum(guardIds);
export type GuardId = z.infer<typeof guardIdSchema>;

/** A recorded special case (特殊情况): the guards the actor overrode, and why (at least 10 characters). */
export const guardOverrideSchema = z.object({
  reason: z.string().trim().min(10, 'an override needs a reason of at least 10 characters').max(2000),
  guards: z.array(guardIdSchema).min(1),
});
export type GuardOverride = z.infer<typeof guardOverrideSchema>;

/** Every event: who (user and role), when, why, and the plan section it acts under. */
const base = {
  at: instantSchema,
  actor: actorSchema,
  reason: z.string().trim().min(1),
  citation: z.string().trim().min(1),
};
const onWarning = { ...base, warningId: z.string().min(1) };
/** Actions a guard may stop carry the override that let them through, if any. */
const overridable = { overrideGuards: guardOverrideSchema.optional() };

export const warningEventSchema = z.discriminatedUnion('type', [
  /** The office proposes a warning; it then goes through the chain of its level. */
  z.object({
    ...onWarning,
    ...overridable,
    type: z.literal('propose'),
    target: warningTargetSchema,
    level: issuedLevelSchema,
    effectiveAt: instantSchema,
    /** The key a client sent so that a repeated request does not propose twice (per account). */
    idempotencyKey: z.string().min(1).max(64).optional(),
  }),
  /** The next role of the pending chain signs (review, agree or approve). */
  z.object({ ...onWarning, ...overridable, type: z.literal('sign') }),
  /** Any role of the pending chain rejects the proposal or the level change. */
  z.object({ ...onWarning, type: z.literal('reject') }),
  /** The office proposes raising or lowering an issued warning; it follows the target level's chain. */
  z.object({
    ...onWarning,
    ...overridable,
    type: z.literal('change'),
    level: issuedLevelSchema,
    effectiveAt: instantSchema,
  }),
  /** The office lifts an issued warning directly, with no approval. */
  z.object({ ...onWarning, ...overridable, type: z.literal('lift') }),
  /** The office withdraws a warning before its response starts (Kizilsu 3.3.5 取消预警). */
  z.object({ ...onWarning, type: z.literal('cancel') }),
  /** A region member kept below the region's level, a special case with its reason (Ili 4.2). */
  z.object({
    ...onWarning,
    type: z.literal('override'),
    unitId: z.string().min(1),
    level: warningLevelSchema,
  }),
  /** The office confirms sand and dust for a unit and a period of hour ends [from, to]. */
  z.object({
    ...base,
    type: z.literal('confirm-dust'),
    unitId: z.string().min(1),
    from: instantSchema,
    to: instantSchema,
  }),
]);
export type WarningEvent = z.infer<typeof warningEventSchema>;
export type WarningEventType = WarningEvent['type'];
