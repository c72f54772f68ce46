import { z } from 'zod';
import { categoryOf } from '../aqi/categories';
import { editionFor } from '../aqi/editions';
import { categoryHealth, sensitiveGroups } from '../aqi/health';
import { plans } from '../plans';
import { speciesSchema } from '../state/schema';
import { jurisdictionSchema } from '../units/schema';
import { minute } from './format';
import { type CitedItem, dataTimeLine, harmLine, type Notice, noticeArea, situation } from './notice';
import { type DocumentLanguage, word } from './words';

const rangeSchema = z.object({ low: z.number(), high: z.number(), mean: z.number() });

/**
 * What the health advice for sand and dust is written from: the units the engine shows in dust at one data
 * time (confirmed by the office, or still suspected: the press page says which) and their readings.
 */
export const dustAdvisoryContextSchema = z.object({
  jurisdiction: jurisdictionSchema,
  units: z.array(z.object({ id: z.string(), zh: z.string(), en: z.string(), confirmed: z.boolean() })).min(1),
  dataTime: z.number(),
  /** Set when the data time is after the engine's now: the values are the forecast known then. */
  forecastFrom: z.number().nullable(),
  primaryPollutants: z.array(speciesSchema),
  dailyAqi: rangeSchema.nullable(),
  exercise: z.boolean(),
});
export type DustAdvisoryContext = z.infer<typeof dustAdvisoryContextSchema>;

/**
 * Both plans leave dust-driven pollution out (适用范围) and Kizilsu 3.3.1 asks for prompt health advice to
 * the public instead of a warning. The advice is HJ 633's for the highest category shown (the edition in
 * force at the data time), with 2026's sensitive groups for PM10; laid out as a notice (Notice), so the
 * press page, .txt and .docx print it as they print a warning's notice.
 */
export function composeDustAdvisory(context: DustAdvisoryContext, language: DocumentLanguage): Notice {
  const plan = plans[context.jurisdiction];
  const area = noticeArea({ ...context, region: false }, language);
  const time = minute(context.dataTime);
  const edition = editionFor(context.dataTime);
  const standard = edition === '2026' ? 'HJ 633—2026' : 'HJ 633—2012';
  const category = categoryOf(context.dailyAqi?.high ?? null);
  const section = plan.dust.healthAdvice?.section ?? plan.dust.section;
  const table = (number: number) => `${standard} ${language === 'zh' ? `表${number}` : `Table ${number}`}`;
  const advice: CitedItem[] = [];
  if (category) {
    const health = categoryHealth(edition, category.level);
    advice.push({
      text: health.measures[language],
      citation: table(edition === '2026' ? 1 : 2),
    });
    // 2026 Table 2: who the measures are for once a pollutant's IAQI passes 100 (AQI > 100, it is primary).
    if (edition === '2026' && category.level >= 3)
      for (const species of context.primaryPollutants)
        advice.push({
          text: word(language, 'sensitiveGroups', sensitiveGroups[species][language]),
          citation: table(2),
        });
  }
  const authority = word(language, 'commandOffice', context.jurisdiction);
  return {
    language,
    exercise: context.exercise ? word(language, 'exerciseMark') : null,
    authority,
    title: word(language, 'dustTitle', area),
    number: null,
    issuedOn: time,
    dataTime: dataTimeLine(context, language),
    paragraphs: [
      word(language, 'dustLead', time, area),
      ...situation(context, language),
      word(language, 'dustOutsidePlan', language === 'zh' ? plan.titleZh : plan.titleEn, section),
      ...harmLine(context, language),
    ],
    advice: advice.length > 0 ? { heading: word(language, 'healthAdvice'), items: advice } : null,
    measures: null,
    closing: [],
    contact: null,
    sources: [
      word(language, 'planCitation', plan.titleZh, plan.documentNumber, section),
      ...(language === 'en' ? [word(language, 'ourSummary')] : []),
    ],
  };
}
