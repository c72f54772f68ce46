import { z } from 'zod';
import { warningLevelSchema } from '../levels';
import { jurisdictionStateSchema } from '../state/schema';
import { jurisdictionSchema } from '../units/schema';

/**
 * What the server hands the snapshot page (client /snapshot, window.__snapshot.render) for one picture: the
 * state at the data time and the words around the map, composed on the server from shared/documents.
 */
export const snapshotInputSchema = z.object({
  jurisdiction: jurisdictionSchema,
  language: z.enum(['zh', 'en']),
  state: jurisdictionStateSchema,
  title: z.string(),
  dataTime: z.string(),
  warningsHeading: z.string(),
  warnings: z.array(z.object({ level: warningLevelSchema.exclude(['none']), text: z.string() })),
  noWarnings: z.string(),
  /** The exercise mark for replayed data, or null. */
  exercise: z.string().nullable(),
  footer: z.array(z.string()),
  /** Playback frames: the clock shown large over the map. */
  clock: z.string().nullable(),
});
export type SnapshotInput = z.infer<typeof snapshotInputSchema>;
