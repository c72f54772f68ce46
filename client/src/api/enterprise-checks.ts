import { z } from 'zod';
import { observedSchema } from '../../../geo/layers/enterprise-check';
import { warningLevelSchema } from '../../../shared/levels';
import { jurisdictionSchema } from '../../../shared/units/schema';

/** GET /api/enterprise-checks: the latest check per enterprise and when each unit's level in force began. */
export const enterpriseChecksResponseSchema = z.object({
  checks: z.array(
    z.object({
      enterpriseId: z.string(),
      jurisdiction: jurisdictionSchema,
      observed: observedSchema,
      loadPercent: z.number().nullable(),
      note: z.string().nullable(),
      checkedAt: z.number(),
      checkedBy: z.string(),
    }),
  ),
  levels: z.array(z.object({ unitId: z.string(), level: warningLevelSchema, since: z.number() })),
});
export type EnterpriseChecksResponse = z.infer<typeof enterpriseChecksResponseSchema>;
