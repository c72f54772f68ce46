import { z } from 'zod';
import {
  calendarDateSchema,
  latitudeSchema,
  longitudeSchema,
  recordIdSchema,
  syntheticSchema,
  unitIdSchema,
} from './common';
import { checkPointInXinjiang } from './point';

/** Plans 4.3.1.3: construction sites, brick works, sand-and-gravel yards, lime yards; plus mines. */
export const dustSourceTypes = ['construction', 'brickworks', 'sand-gravel', 'lime', 'mine'] as const;

export const dustSourceSchema = z
  .object({
    id: recordIdSchema,
    name: z.string().trim().min(1),
    unitId: unitIdSchema,
    type: z.enum(dustSourceTypes),
    lon: longitudeSchema,
    lat: latitudeSchema,
    status: z.enum(['active', 'idle', 'closed']),
    updatedOn: calendarDateSchema,
    synthetic: syntheticSchema,
  })
  .superRefine(checkPointInXinjiang);
export type DustSource = z.infer<typeof dustSourceSchema>;
