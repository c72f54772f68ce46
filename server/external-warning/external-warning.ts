import { z } from 'zod';
import { units } from '../../geo/units';
import { warningLevelSchema } from '../../shared/levels';
import type { ExternalRegionalWarning } from '../../shared/rules/regions';
import type { Engine } from '../engine';
import type { Store } from '../store/types';

/** One versioned document; a null body means the warning was lifted. */
export const externalWarningDocumentKind = 'external-regional-warning:kizilsu';

const kizilsuUnitIds = units.filter((unit) => unit.jurisdiction === 'kizilsu').map((unit) => unit.id);

/** The autonomous region's regional warning as the office enters it (Kizilsu plan 3.3.2 预警启动). */
export const externalWarningInputSchema = z.object({
  jurisdiction: z.literal('kizilsu'),
  level: warningLevelSchema.exclude(['none']),
  /** The Kizilsu units the region's document names; default: every Kizilsu unit. */
  members: z
    .array(z.string().refine((id) => kizilsuUnitIds.includes(id), 'not a Kizilsu unit id'))
    .min(1)
    .optional(),
  issuedAt: z.number().int(),
  /** The region's document number or text, kept for the audit trail. */
  reference: z.string().trim().min(1),
});
export type ExternalWarningInput = z.infer<typeof externalWarningInputSchema>;

const storedSchema = externalWarningInputSchema.nullable();

export function engineWarning(input: ExternalWarningInput): ExternalRegionalWarning {
  return { level: input.level, memberIds: input.members ?? kizilsuUnitIds, issuedAt: input.issuedAt };
}

/** The warning in force, as last stored; null when none was set or it was lifted. */
export function currentExternalWarning(store: Store): ExternalWarningInput | null {
  const document = store.latestDocument(externalWarningDocumentKind);
  return document ? storedSchema.parse(document.body) : null;
}

/** At server start: the engine holds the warning only in memory, so hand it the stored one. */
export function restoreExternalWarning(store: Store, engine: Engine): void {
  const warning = currentExternalWarning(store);
  if (warning) engine.setExternalRegionalWarning(engineWarning(warning));
}
