import { z } from 'zod';
import { warningLevelSchema } from '../../levels';

/** The unit adjacency graph geo/ builds from boundaries: neighbours share a border of positive length. */
export const adjacencyGraphSchema = z.object({
  nodes: z.array(z.string().min(1)),
  neighbours: z.map(z.string(), z.array(z.object({ id: z.string(), sharedKm: z.number().positive() }))),
});
export type AdjacencyGraph = z.infer<typeof adjacencyGraphSchema>;

/** The autonomous region's regional warning as Kizilsu receives it (Kizilsu plan 3.3.2 预警启动). */
export const externalRegionalWarningSchema = z.object({
  level: warningLevelSchema.exclude(['none']),
  memberIds: z.array(z.string().min(1)).min(1),
  issuedAt: z.number().int(),
});
export type ExternalRegionalWarning = z.infer<typeof externalRegionalWarningSchema>;
