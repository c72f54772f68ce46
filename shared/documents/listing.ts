import { z } from 'zod';
import { warningLevelSchema } from '../levels';

/** GET /api/press/warnings: the warnings a press page can pull documents for at a data time. */
export const pressWarningSchema = z.object({
  id: z.string(),
  area: z.object({ zh: z.string(), en: z.string() }),
  level: warningLevelSchema.exclude(['none']),
  approvedAt: z.number(),
  from: z.number(),
  liftedAt: z.number().nullable(),
  /** The Beijing dates of the response so far (表3-2 is filed for one of them). */
  responseDates: z.array(z.string()),
});
export type PressWarning = z.infer<typeof pressWarningSchema>;

export const pressWarningsSchema = z.object({
  jurisdiction: z.enum(['ili', 'kizilsu']),
  at: z.number(),
  now: z.number(),
  exercise: z.boolean(),
  warnings: z.array(pressWarningSchema),
});
export type PressWarnings = z.infer<typeof pressWarningsSchema>;
