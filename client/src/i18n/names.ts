import type { ApprovalStep, Role } from '../../../shared/plans/schema';
import type { Unit } from '../../../shared/units/schema';
import type { Language } from './define';

/** Names that come from the domain's own enumerations, in both languages, in one place. */
const roleNames: Record<Role, Record<Language, string>> = {
  commander: { zh: '指挥长', en: 'Commander' },
  'first-deputy-commander': { zh: '第一副指挥长', en: 'First deputy commander' },
  'deputy-commander': { zh: '副指挥长', en: 'Deputy commander' },
  'office-director': { zh: '办公室主任', en: 'Office director' },
  'duty-officer': { zh: '值班员', en: 'Duty officer' },
  press: { zh: '宣传', en: 'Press' },
  viewer: { zh: '大屏', en: 'Wall display' },
};

const stepNames: Record<ApprovalStep['action'], Record<Language, string>> = {
  review: { zh: '审核', en: 'review' },
  agree: { zh: '同意', en: 'agree' },
  approve: { zh: '批准', en: 'approve' },
};

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
