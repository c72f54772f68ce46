import { unitById } from '../../../geo/units';
import type { ApprovalStep, Role } from '../../../shared/plans/schema';
import { roleNames, stepNames } from '../../../shared/rules/lifecycle/names';
import type { Unit } from '../../../shared/units/schema';
import type { Language } from './define';

/** Names that come from the domain's own enumerations: one table in shared/, which refusals use too. */
export function roleName(language: Language, role: Role): string {
  return roleNames[role][language];
}

export function stepName(language: Language, action: ApprovalStep['action']): string {
  return stepNames[action][language];
}

/** A unit by its name in the language shown; its id when the catalogue does not know it. */
export function unitName(
  language: Language,
  unit: Pick<Unit, 'nameZh' | 'nameEn'> | undefined,
  id = '',
): string {
  if (!unit) return id;
  return language === 'zh' ? unit.nameZh : unit.nameEn;
}

/** A unit of the bundled catalogue (geo/units) by its id, as unitName names it. */
export function unitNameById(language: Language, id: string): string {
  return unitName(language, unitById.get(id), id);
}

const speciesNames: Record<string, string> = {
  so2: 'SO₂',
  no2: 'NO₂',
  pm10: 'PM₁₀',
  pm25: 'PM₂.₅',
  co: 'CO',
  o3: 'O₃',
};

/** A pollutant species as chemists write it (the same in both languages). */
export function speciesName(species: string): string {
  return speciesNames[species] ?? species;
}
