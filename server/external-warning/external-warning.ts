import { z } from 'zod';
import { units } from '../../geo/units';
import { warningLevelSchema } from '../../shared/levels';
import type { ExternalRegionalWarning } from '../../shared/rules/regions';
import { epochInstantSchema, instantSchema } from '../../shared/time-schemas';
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
  /** When the region issued it (ISO 8601 with offset); stored and answered as epoch ms. */
  issuedAt: instantSchema,
  /** The region's document number or text, kept for the audit trail. */
  reference: z.string().trim().min(1),
});
export type ExternalWarningInput = z.output<typeof externalWarningInputSchema>;

const storedSchema = externalWarningInputSchema.extend({ issuedAt: epochInstantSchema }).nullable();

export function engineWarning(input: ExternalWarningInput): ExternalRegionalWarning {
  return { level: input.level, memberIds: input.members ?? kizilsuUnitIds, issuedAt: input.issuedAt };
}

export type StoredExternalWarning =
  | { ok: true; warning: ExternalWarningInput | null }
  | { ok: false; problem: string };

/** The warning in force, as last stored (null when none was set or it was lifted), or why it cannot be read. */
export function currentExternalWarning(store: Store): StoredExternalWarning {
  const document = store.latestDocument(externalWarningDocumentKind);
  const parsed = storedSchema.safeParse(document?.body ?? null);
  return parsed.success
    ? { ok: true, warning: parsed.data }
    : {
        ok: false,
        problem: `stored version ${document?.version} is unreadable: ${parsed.error.issues[0]?.message}`,
      };
}

/**
 * At server start: the engine holds the warning only in memory, so hand it the stored one. An unreadable
 * stored version is reported, never a reason not to start.
 */
export function restoreExternalWarning(store: Store, engine: Engine): string | null {
  const stored = currentExternalWarning(store);
  if (!stored.ok) return stored.problem;
  if (stored.warning) engine.setExternalRegionalWarning(engineWarning(stored.warning));
  return null;
}
