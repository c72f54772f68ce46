import type { WarningLevel } from '../levels';
import { toBeijingIso } from '../time';

/** Words used in explanations, so every sentence names levels and times the same way. */
export const levelName: Record<WarningLevel, { zh: string; en: string }> = {
  none: { zh: '无预警', en: 'no warning' },
  yellow: { zh: '黄色预警', en: 'yellow warning' },
  orange: { zh: '橙色预警', en: 'orange warning' },
  red: { zh: '红色预警', en: 'red warning' },
};

/** "2019-01-05 13:00" in Beijing time: the end of the hour or window. */
export function formatHour(ms: number): string {
  return toBeijingIso(ms).slice(0, 16).replace('T', ' ');
}

export function formatValue(value: number): string {
  return Number.isNaN(value) ? '—' : String(Math.round(value));
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** English's indefinite article for a phrase: "an orange warning", "a yellow warning". */
export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}
