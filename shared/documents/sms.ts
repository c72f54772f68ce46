import { responseLevel } from '../levels';
import { minute } from './format';
import { type NoticeContext, type NoticeEdits, noticeArea } from './notice';
import { type DocumentLanguage, word } from './words';

/** One SMS of Chinese text carries 70 characters (UCS-2); a longer text goes out as numbered segments. */
export const smsSegmentLength = 70;

export type Sms = { text: string; segments: string[]; summary: string };

/** The SMS the communications office sends (plans 2.x: unified warning SMS): who, what level, from when, the pollutant, until when, the first advice. */
export function smsText(context: NoticeContext, edits: NoticeEdits, language: DocumentLanguage): string {
  if (edits.sms) return edits.sms;
  const area = noticeArea(context, language);
  const level = word(language, 'level', context.segment.level);
  const prefix = word(language, 'smsPrefix', context.jurisdiction);
  const exercise = context.exercise ? word(language, 'smsExercise') : '';
  if (context.lifted)
    return `${prefix}${exercise}${word(language, 'smsLift', area, level, minute(context.lifted.at))}`;
  const pollutants = context.primaryPollutants.map((id) => word(language, 'species', id));
  const until = context.outlook ? minute(context.outlook.until) : null;
  const response = word(language, 'response', responseLevel[context.segment.level]);
  return `${prefix}${exercise}${word(
    language,
    'smsIssue',
    area,
    level,
    response,
    minute(context.segment.from),
    // HJ 633: a day with AQI ≤ 50 has no primary pollutant; the SMS then names none rather than a dash.
    pollutants.length > 0 ? word(language, 'list', pollutants) : null,
    until,
  )}`;
}

const breakAfter = /[，。；、！？,.;!? ]/u;

/**
 * Splits a text into segments of at most `length` characters (code points), each numbered "(k/n)" when
 * there are several (the number counts toward the length); breaks after punctuation where one is near.
 */
export function smsSegments(text: string, length = smsSegmentLength): string[] {
  const characters = Array.from(text);
  if (characters.length <= length) return [text];
  for (let count = 2; ; count += 1) {
    const marker = (index: number) => `(${index}/${count})`;
    const segments: string[] = [];
    let rest = characters;
    while (rest.length > 0 && segments.length <= count) {
      const room = length - Array.from(marker(segments.length + 1)).length;
      let take = Math.min(room, rest.length);
      if (take < rest.length) {
        const window = rest.slice(0, take);
        const last = window.findLastIndex((character) => breakAfter.test(character));
        if (last >= take - 15 && last > 0) take = last + 1;
      }
      segments.push(rest.slice(0, take).join(''));
      rest = rest.slice(take);
    }
    if (segments.length <= count && rest.length === 0)
      // Fewer segments than assumed only shortens the markers, so every segment still fits.
      return segments.map((segment, index) => `(${index + 1}/${segments.length})${segment}`);
  }
}

export function composeSms(context: NoticeContext, edits: NoticeEdits, language: DocumentLanguage): Sms {
  const text = smsText(context, edits, language);
  const segments = smsSegments(text);
  return { text, segments, summary: word(language, 'smsSegments', segments.length) };
}
