import { z } from 'zod';
import { responseLevel, warningLevelSchema } from '../levels';
import { plans } from '../plans';
import { roleSchema } from '../plans/schema';
import { speciesSchema } from '../state/schema';
import { jurisdictionSchema } from '../units/schema';
import { responseDay } from './facts';
import { beijingDate, dateOfHourEnd, formDate, formMinute, minute } from './format';
import type { Block, Cell, DocumentModel } from './model';
import { type DocumentLanguage, word } from './words';

export const formIds = ['3-1', '3-2', '3-3'] as const;
export type FormId = (typeof formIds)[number];

const text = (max: number) => z.string().trim().max(max).optional();
const dateSchema = z.string().regex(/^\d{4}-\d\d-\d\d$/, 'expected a date YYYY-MM-DD');

/**
 * The fields of the three forms only people can fill (Kizilsu annex 3): signatures, the weather narrative,
 * the outlook, next steps per follow-up date, the lifting opinion and the evaluation. Stored with the
 * warning (PUT /api/warnings/:id/forms/fields); an absent field prints as a blank line.
 */
export const formFieldsSchema = z.object({
  signatory: text(40).describe('签发人'),
  filler: text(40).describe('填表人'),
  phone: text(40).describe('联系电话'),
  reviewer: text(40).describe('审查人'),
  weather: text(2000).describe('表3-1: adverse weather conditions'),
  outlook: text(2000).describe('表3-1: qualitative outlook'),
  nextSteps: z
    .record(dateSchema, z.string().trim().max(4000))
    .optional()
    .describe('表3-2: next steps, by report date'),
  liftOpinion: text(2000).describe('表3-3: opinion on lifting (default: the lifting reason recorded)'),
  evaluation: text(4000).describe('表3-3: evaluation of the measures'),
});
export type FormFields = z.infer<typeof formFieldsSchema>;

const issuedLevelSchema = warningLevelSchema.exclude(['none']);
const rangeSchema = z.object({ low: z.number(), high: z.number(), mean: z.number() });

/** What the server reads from the warning book and the state for the forms (server/press/forms-context.ts). */
export const formContextSchema = z.object({
  jurisdiction: jurisdictionSchema,
  warningId: z.string(),
  region: z.boolean(),
  units: z.array(z.object({ id: z.string(), zh: z.string(), en: z.string() })).min(1),
  exercise: z.boolean(),
  segments: z.array(
    z.object({
      level: issuedLevelSchema,
      from: z.number(),
      approvedAt: z.number(),
      approvedBy: roleSchema,
      kind: z.enum(['issued', 'raised', 'lowered']),
    }),
  ),
  lifted: z.object({ at: z.number(), reason: z.string() }).nullable(),
  /** The state at the form's data time. */
  data: z.object({
    dataTime: z.number(),
    firstHeavyAt: z.number().nullable(),
    primaryPollutants: z.array(speciesSchema),
    dailyAqi: rangeSchema.nullable(),
    concentration: rangeSchema.extend({ species: speciesSchema }).nullable(),
    outlook: z.object({ until: z.number(), issuedAt: z.number() }).nullable(),
  }),
  /** 表3-2: the date reported on and the departments' daily reports of the day before (plans 5.1). */
  followUp: z
    .object({
      date: dateSchema,
      reports: z.array(
        z.object({ zh: z.string(), en: z.string(), reported: z.boolean(), summary: z.string().nullable() }),
      ),
    })
    .nullable(),
  /** 表3-3: the emission-reduction account at the highest level and the on-site checks. */
  effect: z
    .object({
      reduction: z
        .object({
          targetPercent: z.number(),
          met: z.boolean(),
          groups: z.array(z.object({ group: z.string(), share: z.number().nullable() })),
        })
        .nullable(),
      checks: z.object({ total: z.number(), checked: z.number(), complying: z.number() }),
    })
    .nullable(),
  /** 表3-1: the public advice of the start level (the notice's health advice). */
  advice: z.array(z.object({ zh: z.string(), en: z.string() })),
});
export type FormContext = z.infer<typeof formContextSchema>;

type Language = DocumentLanguage;

const label = (value: string, span = 1): Cell => ({ text: value, label: true, span });
const value = (content: string | null | undefined, span = 3, minLines = 1): Cell =>
  content ? { text: content, span, minLines } : { text: '', blank: true, span, minLines };

function unitsCell(context: FormContext, language: Language): Cell {
  return value(
    word(
      language,
      'list',
      context.units.map((unit) => unit[language]),
    ),
  );
}

function range(
  language: Language,
  values: { low: number; high: number; mean: number },
  decimals = 0,
): string {
  const format = (number: number) => number.toFixed(decimals);
  return word(language, 'range', format(values.low), format(values.high), format(values.mean));
}

function signatureRow(context: FormContext, fields: FormFields, language: Language): Block {
  return {
    kind: 'fields',
    items: [
      { label: word(language, 'commandBody'), value: word(language, 'commandOffice', context.jurisdiction) },
      { label: word(language, 'filler'), value: fields.filler || null },
      { label: word(language, 'phone'), value: fields.phone || null },
      { label: word(language, 'reviewer'), value: fields.reviewer || null },
    ],
  };
}

function header(
  context: FormContext,
  form: FormId,
  language: Language,
  signed: boolean,
  fields: FormFields,
): Block[] {
  const blocks: Block[] = [];
  if (context.exercise) blocks.push({ kind: 'mark', text: word(language, 'exerciseMark') });
  blocks.push(
    { kind: 'paragraph', text: word(language, 'formNumber', context.jurisdiction, form), small: true },
    { kind: 'title', text: word(language, 'formTitle', form) },
  );
  if (signed)
    blocks.push({
      kind: 'fields',
      align: 'right',
      items: [{ label: word(language, 'signatory'), value: fields.signatory || null }],
    });
  return blocks;
}

function startForm(context: FormContext, fields: FormFields, language: Language): Block[] {
  const start = context.segments[0]!;
  const { data } = context;
  const term = word(language, 'unitTerm', context.jurisdiction);
  const names = word(
    language,
    'list',
    context.units.map((unit) => unit[language]),
  );
  const when = data.firstHeavyAt
    ? word(language, 'firstHeavy', minute(data.firstHeavyAt))
    : word(language, 'forecastHeavy', minute(start.from));
  const pollutants = data.primaryPollutants.map((id) => word(language, 'species', id));
  const concentration = data.concentration;
  const unit = concentration?.species === 'co' ? 'mg/m³' : 'µg/m³';
  return [
    {
      kind: 'table',
      columns: [3, 3, 2, 3],
      rows: [
        [label(word(language, 'unitsInvolved', term)), unitsCell(context, language)],
        [
          label(word(language, 'timePlaceExtent')),
          value(
            `${when}；${word(language, 'placeExtent', names, context.units.length, term, context.region)}`,
          ),
        ],
        [
          label(word(language, 'warningLevel')),
          value(word(language, 'level', start.level), 1),
          label(word(language, 'startTime')),
          value(formMinute(start.from, language), 1),
        ],
        [label(word(language, 'adverseWeather')), value(fields.weather, 3, 2)],
        [label(word(language, 'mainIndicators')), value(word(language, 'list', pollutants))],
        [label(word(language, 'aqiRange')), value(data.dailyAqi ? range(language, data.dailyAqi) : null)],
        [
          label(word(language, 'concentrationRange')),
          value(
            concentration
              ? word(
                  language,
                  'concentration',
                  word(language, 'species', concentration.species),
                  range(language, concentration, concentration.species === 'co' ? 1 : 0),
                  unit,
                )
              : null,
          ),
        ],
        [label(word(language, 'outlook')), value(fields.outlook, 3, 2)],
        [
          label(word(language, 'travelAdvice')),
          {
            text: '',
            lines: context.advice.map((item) => item[language]),
            span: 3,
            blank: context.advice.length === 0,
          },
        ],
      ],
    },
  ];
}

function levelChanges(context: FormContext, until: number, language: Language): string[] {
  return context.segments
    .filter((segment) => segment.approvedAt <= until)
    .map((segment) =>
      word(
        language,
        'levelChange',
        minute(segment.approvedAt),
        segment.kind,
        word(language, 'level', segment.level),
        word(language, 'response', responseLevel[segment.level]),
      ),
    );
}

function followUpForm(context: FormContext, fields: FormFields, language: Language): Block[] {
  const followUp = context.followUp!;
  const start = context.segments[0]!;
  const end = Date.parse(`${followUp.date}T24:00:00+08:00`);
  const changes = levelChanges(context, end, language);
  const reported = followUp.reports.filter((report) => report.reported);
  const missing = followUp.reports.filter((report) => !report.reported).map((report) => report[language]);
  const reportLines = [
    ...reported.map((report) =>
      word(
        language,
        'reportedBy',
        report[language],
        report.summary ?? word(language, 'reportedWithoutSummary'),
      ),
    ),
    ...(missing.length > 0 ? [word(language, 'notReported', word(language, 'list', missing))] : []),
  ];
  const next = fields.nextSteps?.[followUp.date];
  const outlook = context.data.outlook;
  return [
    {
      kind: 'table',
      columns: [3, 3, 2, 3],
      rows: [
        [
          label(word(language, 'unitsInvolved', word(language, 'unitTerm', context.jurisdiction))),
          value(
            word(
              language,
              'list',
              context.units.map((unit) => unit[language]),
            ),
            1,
          ),
          label(word(language, 'reportTime')),
          value(formDate(followUp.date, language), 1),
        ],
        [
          label(word(language, 'responseDay')),
          value(word(language, 'responseDayValue', responseDay(start.from, dateOfHourEnd(end)))),
        ],
        [
          label(word(language, 'levelChanges')),
          value(
            changes.length > 1
              ? changes.join('；')
              : `${changes[0] ?? ''}；${word(language, 'noLevelChange')}`,
          ),
        ],
        [
          label(word(language, 'expectedDuration')),
          value(
            outlook ? word(language, 'expectedUntil', minute(outlook.until), minute(outlook.issuedAt)) : null,
          ),
        ],
        [
          label(word(language, 'measuresAndPlans')),
          {
            text: word(language, 'attachedReport'),
            lines: [...reportLines, `${word(language, 'nextSteps')}${next ?? ''}`],
            span: 3,
            minLines: next ? 1 : 2,
          },
        ],
      ],
    },
  ];
}

function effectLines(context: FormContext, fields: FormFields, language: Language): string[] {
  const effect = context.effect;
  const reduction = effect?.reduction;
  const share = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
  return [
    ...(reduction
      ? [
          word(
            language,
            'reductionLine',
            reduction.targetPercent,
            word(
              language,
              'list',
              reduction.groups.map((group) =>
                word(language, 'reductionGroup', group.group.toUpperCase(), share(group.share)),
              ),
            ),
            reduction.met,
          ),
        ]
      : []),
    ...(effect
      ? [word(language, 'checksLine', effect.checks.checked, effect.checks.complying, effect.checks.total)]
      : []),
    `${word(language, 'evaluationByPeople')}${fields.evaluation ?? ''}`,
  ];
}

function liftForm(context: FormContext, fields: FormFields, language: Language): Block[] {
  const start = context.segments[0]!;
  const lifted = context.lifted;
  const plan = plans[context.jurisdiction];
  const last = context.segments.at(-1)!;
  return [
    {
      kind: 'table',
      columns: [3, 3, 2, 3],
      rows: [
        [
          label(word(language, 'unitsInvolved', word(language, 'unitTerm', context.jurisdiction))),
          unitsCell(context, language),
        ],
        [
          label(word(language, 'responseDay')),
          value(
            lifted
              ? word(language, 'responseDayValue', responseDay(start.from, beijingDate(lifted.at)))
              : null,
          ),
        ],
        [
          label(word(language, 'liftOpinion')),
          value(fields.liftOpinion || lifted?.reason || null, 1, 2),
          label(word(language, 'liftTime')),
          value(lifted ? formMinute(lifted.at, language) : null, 1),
        ],
        [
          label(word(language, 'termination')),
          value(
            lifted
              ? word(
                  language,
                  'terminated',
                  minute(lifted.at),
                  word(language, 'response', responseLevel[last.level]),
                  plan.lifting.section,
                )
              : null,
          ),
        ],
        [
          label(word(language, 'effect')),
          { text: '', lines: effectLines(context, fields, language), span: 3, minLines: 3 },
        ],
      ],
    },
  ];
}

/**
 * One of the three annex-3 forms for a warning, laid out like Kizilsu annex 3 (a label column and value
 * cells; the signature line under the table), in the jurisdiction's words; data time printed under the title.
 */
export function composeForm(
  form: FormId,
  context: FormContext,
  fields: FormFields,
  language: Language,
): DocumentModel {
  const body =
    form === '3-1'
      ? startForm(context, fields, language)
      : form === '3-2'
        ? followUpForm(context, fields, language)
        : liftForm(context, fields, language);
  return {
    title: word(language, 'formTitle', form),
    language,
    blocks: [
      ...header(context, form, language, form !== '3-2', fields),
      { kind: 'paragraph', text: word(language, 'dataTime', minute(context.data.dataTime)), small: true },
      ...body,
      signatureRow(context, fields, language),
      ...(form === '3-2'
        ? [{ kind: 'paragraph', text: word(language, 'followUpNote'), small: true } as const]
        : []),
    ],
  };
}
