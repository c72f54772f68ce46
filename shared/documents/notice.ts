import { z } from 'zod';
import { categoryOf } from '../aqi/categories';
import { editionFor } from '../aqi/editions';
import { categoryHealth } from '../aqi/health';
import { responseLevel, warningLevelSchema } from '../levels';
import { plans } from '../plans';
import { roleSchema } from '../plans/schema';
import { speciesSchema } from '../state/schema';
import { jurisdictionSchema } from '../units/schema';
import { minute } from './format';
import { type DocumentLanguage, word } from './words';

const issuedLevelSchema = warningLevelSchema.exclude(['none']);

/**
 * Everything a public notice is written from, gathered by the server for one warning at one data time
 * (GET /api/warnings/:id/notice?format=json gives it to the press page, which composes the same notice).
 */
export const noticeContextSchema = z.object({
  jurisdiction: jurisdictionSchema,
  warningId: z.string(),
  region: z.boolean(),
  units: z.array(z.object({ id: z.string(), zh: z.string(), en: z.string() })).min(1),
  /** The level announced: the last one approved by the data time (facts.ts segmentAt). */
  segment: z.object({
    index: z.number().int().nonnegative(),
    level: issuedLevelSchema,
    from: z.number(),
    approvedAt: z.number(),
    approvedBy: roleSchema,
    kind: z.enum(['issued', 'raised', 'lowered']),
  }),
  /** Set when the warning was lifted by the data time. */
  lifted: z.object({ at: z.number(), reason: z.string() }).nullable(),
  dataTime: z.number(),
  /** Set when the data time is after the engine's now: the values are the forecast known then (GET /api/state `forecastFrom`). */
  forecastFrom: z.number().nullable(),
  primaryPollutants: z.array(speciesSchema),
  dailyAqi: z.object({ low: z.number(), high: z.number(), mean: z.number() }).nullable(),
  /** The last forecast window still above the level's lowest threshold (AQI > 150), from the newest issue. */
  outlook: z.object({ until: z.number(), issuedAt: z.number() }).nullable(),
  exercise: z.boolean(),
});
export type NoticeContext = z.infer<typeof noticeContextSchema>;

/** What the press office may set before release; stored with the warning and audited. */
export const noticeEditsSchema = z.object({
  number: z.string().trim().max(60).optional().describe('the notice number (文号)'),
  contact: z.string().trim().max(60).optional().describe('the contact telephone printed on the notice'),
  extra: z.string().trim().max(2000).optional().describe('an added paragraph, printed before the contact'),
  sms: z.string().trim().max(700).optional().describe('the SMS text, replacing the composed one'),
});
export type NoticeEdits = z.infer<typeof noticeEditsSchema>;

export type CitedItem = { text: string; citation: string };

export type Notice = {
  language: DocumentLanguage;
  exercise: string | null;
  authority: string;
  title: string;
  /** null prints as a blank line to fill in. */
  number: string | null;
  issuedOn: string;
  dataTime: string;
  paragraphs: string[];
  advice: { heading: string; items: CitedItem[] } | null;
  measures: { heading: string; items: CitedItem[] } | null;
  closing: string[];
  contact: string | null;
  sources: string[];
};

function names(context: NoticeContext, language: DocumentLanguage): string[] {
  return context.units.map((unit) => unit[language]);
}

/** The area a warning covers, as the notice and the pictures name it: a few units by name, more as "X等N个县市". */
export function noticeArea(
  context: Pick<NoticeContext, 'jurisdiction' | 'units' | 'region'>,
  language: DocumentLanguage,
): string {
  return word(
    language,
    'area',
    context.units.map((unit) => unit[language]),
    word(language, 'unitTerm', context.jurisdiction),
    context.region,
  );
}

function cited(text: string, section: string, language: DocumentLanguage, english: string): CitedItem {
  return {
    text: language === 'zh' ? text : english,
    citation: language === 'zh' ? `预案${section}` : `plan ${section}`,
  };
}

/**
 * The plans' health advice for the public: the items of the highest level in force only. Each level's
 * list is complete for that level (red "avoid outdoor activity" replaces yellow "reduce"), so stacking the
 * lower levels' items would contradict it (plans 4.3.x.1).
 */
function healthAdvice(context: NoticeContext, language: DocumentLanguage): CitedItem[] {
  return plans[context.jurisdiction].measures
    .filter((measure) => measure.group === 'health' && measure.level === context.segment.level)
    .map((measure) => cited(measure.zh, measure.section, language, measure.en));
}

/**
 * The level's measures for the public: the advocacy (倡议) items of that level, then the mandatory
 * reductions of that level and every level below (plans 4.3: each level adds to the one below).
 */
function responseMeasures(context: NoticeContext, language: DocumentLanguage): CitedItem[] {
  const plan = plans[context.jurisdiction];
  const rank = ['yellow', 'orange', 'red'].indexOf(context.segment.level);
  const advocacy = plan.measures.filter(
    (measure) => measure.group === 'advocacy' && measure.level === context.segment.level,
  );
  const mandatory = plan.measures.filter(
    (measure) => measure.group === 'mandatory' && ['yellow', 'orange', 'red'].indexOf(measure.level) <= rank,
  );
  return [...advocacy, ...mandatory].map((measure) =>
    cited(measure.zh, measure.section, language, measure.en),
  );
}

/** The units' daily AQI at the data time: measured, or as forecast at `forecastFrom`. */
function aqiLine(
  language: DocumentLanguage,
  forecastFrom: number | null,
  values: [time: string, low: number, high: number, mean: number, category: string],
): string {
  return forecastFrom === null
    ? word(language, 'aqiNow', ...values)
    : word(language, 'aqiForecast', ...values, minute(forecastFrom));
}

/** What a document reports of the units at its data time. */
type Readings = Pick<NoticeContext, 'dataTime' | 'forecastFrom' | 'primaryPollutants' | 'dailyAqi'>;

/** The primary pollutants and the daily AQI range, as measured or as forecast (the warning notice and the dust advice). */
export function situation(context: Readings, language: DocumentLanguage): string[] {
  const time = minute(context.dataTime);
  const pollutants = context.primaryPollutants.map((id) => word(language, 'species', id));
  const aqi = context.dailyAqi;
  const category = categoryOf(aqi?.high ?? null);
  return [
    ...(pollutants.length > 0
      ? [word(language, 'primaryPollutant', word(language, 'list', pollutants))]
      : []),
    aqi && category
      ? aqiLine(language, context.forecastFrom, [
          time,
          aqi.low,
          aqi.high,
          aqi.mean,
          word(language, 'category', category.level),
        ])
      : word(language, 'aqiUnknown', time),
  ];
}

function issueParagraphs(context: NoticeContext, language: DocumentLanguage): string[] {
  const { segment } = context;
  const level = word(language, 'level', segment.level);
  const response = word(language, 'response', responseLevel[segment.level]);
  return [
    word(
      language,
      'noticeLead',
      word(language, 'commandOffice', context.jurisdiction),
      minute(segment.approvedAt),
      noticeArea(context, language),
      level,
      minute(segment.from),
      response,
    ),
    ...situation(context, language),
    word(
      language,
      'extent',
      word(language, 'list', names(context, language)),
      context.units.length,
      word(language, 'unitTerm', context.jurisdiction),
    ),
    context.outlook
      ? word(language, 'duration', minute(context.outlook.until), minute(context.outlook.issuedAt))
      : word(language, 'durationUnknown'),
    ...harmLine(context, language),
  ];
}

/** HJ 633's health effects of the highest category shown (the edition in force at the data time), from 轻度污染 on. */
export function harmLine(context: Readings, language: DocumentLanguage): string[] {
  const category = categoryOf(context.dailyAqi?.high ?? null);
  if (!category || category.level < 3) return [];
  return [
    word(language, 'harm', categoryHealth(editionFor(context.dataTime), category.level).effects[language]),
  ];
}

/** The data time, and the forecast the values come from when it is after the engine's now. */
export function dataTimeLine(
  context: Pick<Readings, 'dataTime' | 'forecastFrom'>,
  language: DocumentLanguage,
): string {
  const time = word(language, 'dataTime', minute(context.dataTime));
  return context.forecastFrom === null
    ? time
    : `${time} · ${word(language, 'forecastBasis', minute(context.forecastFrom))}`;
}

function title(context: NoticeContext, language: DocumentLanguage): string {
  const area = noticeArea(context, language);
  const level = word(language, 'level', context.segment.level);
  if (context.lifted) return word(language, 'noticeTitleLift', area, level);
  const key = {
    issued: 'noticeTitleIssue',
    raised: 'noticeTitleRaise',
    lowered: 'noticeTitleLower',
  } as const;
  return word(language, key[context.segment.kind], area, level);
}

/**
 * The public notice the plans require (Kizilsu 3.3.4, Ili 信息公开): primary pollutant, extent, expected
 * duration, potential harm, affected areas and the advice and measures of the level announced; or, once
 * lifted, the lifting. The press page preview and the server's .docx/.txt/SMS all come from this function.
 */
export function composeNotice(
  context: NoticeContext,
  edits: NoticeEdits,
  language: DocumentLanguage,
): Notice {
  const plan = plans[context.jurisdiction];
  const authority = word(language, 'commandOffice', context.jurisdiction);
  const level = word(language, 'level', context.segment.level);
  const response = word(language, 'response', responseLevel[context.segment.level]);
  const lifted = context.lifted;
  const paragraphs = lifted
    ? [
        word(
          language,
          'noticeLift',
          authority,
          minute(lifted.at),
          noticeArea(context, language),
          level,
          response,
        ),
        word(language, 'liftReason', lifted.reason),
        ...situation(context, language),
      ]
    : issueParagraphs(context, language);
  const advice = lifted ? [] : healthAdvice(context, language);
  const measures = lifted ? [] : responseMeasures(context, language);
  return {
    language,
    exercise: context.exercise ? word(language, 'exerciseMark') : null,
    authority,
    title: title(context, language),
    number: edits.number || null,
    issuedOn: minute(lifted ? lifted.at : context.segment.approvedAt),
    dataTime: dataTimeLine(context, language),
    paragraphs,
    advice: advice.length > 0 ? { heading: word(language, 'healthAdvice'), items: advice } : null,
    measures: measures.length > 0 ? { heading: word(language, 'measures'), items: measures } : null,
    closing: [...(edits.extra ? [edits.extra] : []), ...(lifted ? [] : [word(language, 'rollingBroadcast')])],
    contact: edits.contact || null,
    sources: [
      word(
        language,
        'planCitation',
        plan.titleZh,
        plan.documentNumber,
        lifted ? plan.lifting.section : '4.3',
      ),
      ...(language === 'en' ? [word(language, 'ourSummary')] : []),
    ],
  };
}

/** An advice or measure line as printed: the words and where they stand in the plan. */
export function citedLine(entry: CitedItem, language: DocumentLanguage): string {
  return language === 'zh' ? `${entry.text}（${entry.citation}）` : `${entry.text} (${entry.citation})`;
}

/** The notice as plain text (the .txt download and the SMS source), blank fields as lines to fill in. */
export function noticeText(notice: Notice): string {
  const blank = word(notice.language, 'blank');
  const colon = word(notice.language, 'colon');
  const item = (entry: CitedItem, index: number) => `${index + 1}. ${citedLine(entry, notice.language)}`;
  return [
    ...(notice.exercise ? [`【${notice.exercise}】`] : []),
    notice.authority,
    notice.title,
    `${word(notice.language, 'number')}${colon}${notice.number ?? blank}    ${word(notice.language, 'issuedOn')}${colon}${notice.issuedOn}`,
    notice.dataTime,
    '',
    ...notice.paragraphs,
    ...(notice.advice
      ? ['', `${notice.advice.heading}${colon}`.trimEnd(), ...notice.advice.items.map(item)]
      : []),
    ...(notice.measures
      ? ['', `${notice.measures.heading}${colon}`.trimEnd(), ...notice.measures.items.map(item)]
      : []),
    '',
    ...notice.closing,
    `${word(notice.language, 'contact')}${colon}${notice.contact ?? blank}`,
    '',
    notice.authority,
    notice.issuedOn,
    '',
    ...notice.sources,
  ].join('\n');
}
