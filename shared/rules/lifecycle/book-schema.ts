import { z } from 'zod';
import { warningLevelSchema } from '../../levels';
import { approvalStepSchema } from '../../plans/schema';
import { actorSchema, guardOverrideSchema, warningTargetSchema } from './schema';
import type { WarningBook } from './state';

const issuedLevelSchema = warningLevelSchema.exclude(['none']);
const signatureSchema = z.object({
  userId: z.string(),
  role: actorSchema.shape.role,
  at: z.number(),
  reason: z.string(),
});

const historyEntrySchema = z.object({
  type: z.enum(['propose', 'sign', 'reject', 'change', 'lift', 'cancel', 'override', 'confirm-dust']),
  outcome: z.enum([
    'proposed',
    'signed',
    'issued',
    'rejected',
    'change-proposed',
    'raised',
    'lowered',
    'change-rejected',
    'lifted',
    'cancelled',
    'overridden',
    'dust-confirmed',
  ]),
  at: z.number(),
  actor: actorSchema,
  reason: z.string(),
  citation: z.string(),
  level: warningLevelSchema.nullable(),
  overrideGuards: guardOverrideSchema.nullable(),
});

export const warningSchema = z.object({
  id: z.string(),
  episodeId: z.string(),
  mergedFrom: z.string().nullable(),
  target: warningTargetSchema,
  status: z.enum(['proposed', 'under-approval', 'issued', 'rejected', 'cancelled', 'lifted']),
  proposedLevel: issuedLevelSchema,
  proposedAt: z.number(),
  issuedAt: z.number().nullable(),
  liftedAt: z.number().nullable(),
  segments: z.array(z.object({ level: issuedLevelSchema, from: z.number() })),
  pending: z
    .object({
      kind: z.enum(['issue', 'raise', 'lower']),
      level: issuedLevelSchema,
      effectiveAt: z.number(),
      steps: z.array(approvalStepSchema),
      signatures: z.array(signatureSchema),
      requestedAt: z.number(),
    })
    .nullable(),
  leadTime: z
    .object({
      requiredHours: z.number(),
      actualHours: z.number(),
      short: z.boolean(),
      citation: z.string(),
    })
    .nullable(),
  history: z.array(historyEntrySchema),
});

const recordSchema = { at: z.number(), actor: actorSchema, reason: z.string(), citation: z.string() };

/** GET /api/warnings: the fold of a jurisdiction's event log (./state.ts WarningBook), as JSON. */
export const warningBookSchema = z.object({
  planId: z.string(),
  warnings: z.record(z.string(), warningSchema),
  overrides: z.array(
    z.object({ unitId: z.string(), warningId: z.string(), level: warningLevelSchema, ...recordSchema }),
  ),
  dust: z.array(z.object({ unitId: z.string(), from: z.number(), to: z.number(), ...recordSchema })),
  lastEventAt: z.number().nullable(),
}) satisfies z.ZodType<WarningBook>;
