import { z } from 'zod';

export const jurisdictionSchema = z.enum(['ili', 'kizilsu']);
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

/** county: a county-level city or county; division: the 4th Division's urban core; regiment: a regiment farm (团场). */
export const unitKindSchema = z.enum(['county', 'division', 'regiment']);
export type UnitKind = z.infer<typeof unitKindSchema>;

/** approximate: a public, non-survey boundary; pending: no boundary yet; official: imported by an office. */
export const boundaryStatusSchema = z.enum(['approximate', 'pending', 'official']);
export type BoundaryStatus = z.infer<typeof boundaryStatusSchema>;

export const unitSchema = z.object({
  id: z.string().min(1),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  jurisdiction: jurisdictionSchema,
  kind: unitKindSchema,
  /** For regiments: the county the regiment sits in (administrative code). */
  hostCounty: z.string().nullable(),
});
export type Unit = z.infer<typeof unitSchema>;
