/** The interface's languages: Chinese is the default, English the toggle. */
export type Language = 'zh' | 'en';

/**
 * One entry of the dictionary: a fixed text per language, or a function of the same parameters in both
 * languages (so that each language can use its own grammar and word order).
 */
export type Message =
  | { zh: string; en: string }
  | { zh: (...args: never[]) => string; en: (...args: never[]) => string };

export type Messages = Record<string, Message>;

/** The parameters a message takes: none for a fixed text. */
export type MessageArgs<M> = M extends { zh: (...args: infer A) => string } ? A : [];
