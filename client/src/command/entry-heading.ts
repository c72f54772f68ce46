import type { RecommendationEntry } from '../../../shared/state/schema';
import { type Language, translate } from '../i18n/dictionary';

/** Whether the warnings already answer an entry: in force, issued, under approval, or in force lower (raise). */
export type Coverage = 'in-force' | 'issued' | 'pending' | 'raise' | null;

/**
 * A decision card's heading: the action to take; once a warning answers the entry (in force, issued or under
 * approval), the warning it is, never "propose" beside "nothing to propose".
 */
export function entryHeading(
  language: Language,
  coverage: Coverage,
  entry: RecommendationEntry,
  names: string,
): string {
  if (coverage === 'raise') return translate(language, 'raiseTo', entry.level, names);
  const answered = coverage !== null;
  return entry.kind === 'region'
    ? translate(language, answered ? 'regionalWarningOf' : 'proposeRegion', entry.level, entry.members.length)
    : translate(language, answered ? 'warningOf' : 'proposeUnit', entry.level, names);
}
