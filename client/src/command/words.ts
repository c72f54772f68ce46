import type { UnitListing } from '../../../shared/api/responses';
import { citationsInEnglish } from '../../../shared/plans/section-titles';
import type { Explanation } from '../../../shared/state/schema';
import type { Language } from '../i18n/define';
import { unitName } from '../i18n/names';

/** A unit by its name in the language shown (the catalogue's English form in English). */
export function nameOf(language: Language, units: ReadonlyMap<string, UnitListing>, id: string): string {
  return unitName(language, units.get(id), id);
}

/** Names joined as each language joins a list. */
export function namesOf(
  language: Language,
  units: ReadonlyMap<string, UnitListing>,
  ids: readonly string[],
): string {
  return ids.map((id) => nameOf(language, units, id)).join(language === 'zh' ? '、' : ', ');
}

/** The server's explanation in the language shown; in English its citations carry their English titles. */
export function explained(language: Language, explanation: Explanation): string {
  return language === 'zh' ? explanation.zh : citationsInEnglish(explanation.en);
}

/** A plan citation ("3.3.2 预警分级标准") in the language shown. */
export function cited(language: Language, section: string): string {
  return language === 'zh' ? section : citationsInEnglish(section);
}

/** "2019-12-11 08:00": data times are Beijing time, written the same way in both languages. */
export { beijingMinute as when } from '../time/beijing';

/** Punctuation as each language writes it: full-width in Chinese, ASCII in English. */
export function marks(language: Language) {
  return language === 'zh'
    ? { colon: '：', open: '（', close: '）', list: '；', comma: '，' }
    : { colon: ': ', open: ' (', close: ')', list: '; ', comma: ', ' };
}
