import { z } from 'zod';
import { warningLevelSchema } from '../levels';

/**
 * One condition on the daily-AQI series D (the AQI of the 24-hour window ending at each hour).
 * sustained:  D > threshold in each of the hours/24 consecutive non-overlapping windows ending at
 *             t, t−24 h, …, t−(hours−24) h (DOMAIN.md, "Decision — durations").
 * someWithin: D > threshold in some window ending in [t−hours, t] (the red rule's "D > 300 for 24 h").
 */
export const gradingClauseSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sustained'),
    threshold: z.number(),
    hours: z.number().int().positive().multipleOf(24),
  }),
  z.object({ kind: z.literal('someWithin'), threshold: z.number(), hours: z.number().int().nonnegative() }),
]);
export type GradingClause = z.infer<typeof gradingClauseSchema>;

/** A level holds at t when any alternative holds, and an alternative holds when all its clauses do. */
export const gradingRuleSchema = z.object({
  level: warningLevelSchema.exclude(['none']),
  anyOf: z.array(z.object({ allOf: z.array(gradingClauseSchema).min(1), text: z.string() })).min(1),
  section: z.string(),
});
export type GradingRule = z.infer<typeof gradingRuleSchema>;
