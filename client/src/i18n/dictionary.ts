import type { Measure } from '../../../geo/layers/measure';
import type { Category } from '../../../shared/aqi/categories';
import type { Language, MessageArgs } from './define';
import { commandMessages } from './messages/command';
import { commonMessages } from './messages/common';
import { pressMessages } from './messages/press';
import { wallMessages } from './messages/wall';

export type { Language } from './define';

/**
 * Every string of the interface, in one typed dictionary. Each area keeps its words in its own file
 * (messages/*.ts); a key means the same thing wherever it is used, so the areas never share a key
 * (checked by dictionary.test.ts).
 */
const entries = { ...commonMessages, ...commandMessages, ...wallMessages, ...pressMessages };

export type Phrase = keyof typeof entries;
export type PhraseArgs<P extends Phrase> = MessageArgs<(typeof entries)[P]>;

export function translate<P extends Phrase>(language: Language, phrase: P, ...args: PhraseArgs<P>): string {
  const text: unknown = entries[phrase][language];
  return typeof text === 'function' ? (text as (...values: unknown[]) => string)(...args) : (text as string);
}

/** The areas' message tables, for the test that no key is defined twice. */
export const messageAreas = { commonMessages, commandMessages, wallMessages, pressMessages };

/** An HJ 633 category's name (shared/aqi `categories`, in both languages: the notices use the same words). */
export function categoryName(language: Language, category: Category): string {
  return language === 'zh' ? category.name : category.nameEn;
}

/** The legend's and the console's word for an enterprise class of the emission-reduction list. */
export function enterpriseClassPhrase(enterpriseClass: string): Phrase {
  return `class${enterpriseClass[0]!.toUpperCase()}${enterpriseClass.slice(1)}` as Phrase;
}

/** What the emission-reduction list asks of an enterprise (一厂一策), in the language shown. */
export function measureText(language: Language, measure: Measure): string {
  if (measure.kind === 'cut') return translate(language, 'measure-cut', measure.percent);
  if (measure.kind === 'staggered') return translate(language, 'measure-staggered', measure.percent);
  return translate(language, `measure-${measure.kind}`);
}
