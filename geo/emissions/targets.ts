import { z } from 'zod';

/**
 * The plan's reduction targets (plans 4.3.1(1)); the same shape as `reductionTargets` in shared/plans, so
 * a plan's clause can be passed as it is.
 */
export const reductionTargetsSchema = z.object({
  /** Percent of total emissions to cut at each warning level: 10 / 20 / 30 in both plans. */
  percent: z.object({
    yellow: z.number().min(0).max(100),
    orange: z.number().min(0).max(100),
    red: z.number().min(0).max(100),
  }),
  /** Whether SO2 and NOx may be traded against each other (both plans: yes). */
  so2NoxTradeOff: z.boolean(),
  /** Classes that need not top up a shortfall: A-grade and guarantee-class in both plans. */
  exemptFromToppingUp: z.array(z.enum(['grade-a', 'guarantee'])),
});
export type ReductionTargets = z.infer<typeof reductionTargetsSchema>;
