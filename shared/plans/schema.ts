import { z } from 'zod';
import { warningLevelSchema } from '../levels';
import { jurisdictionSchema } from '../units/schema';
import { gradingRuleSchema } from './grading-schema';

/** Who acts in the command (2.1 组织机构 of both plans); 'press' and 'viewer' never sign. */
export const roleSchema = z.enum([
  'commander',
  'first-deputy-commander',
  'deputy-commander',
  'office-director',
  'duty-officer',
  'press',
  'viewer',
]);
export type Role = z.infer<typeof roleSchema>;

const issuedLevelSchema = warningLevelSchema.exclude(['none']);
export type IssuedLevel = z.infer<typeof issuedLevelSchema>;

/** A plan clause: its section number and its words (zh from the plan, en our summary). */
export const clauseSchema = z.object({
  section: z.string().min(1),
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type Clause = z.infer<typeof clauseSchema>;

/** One signature in an approval chain: review (审核), agree (同意) or approve (批准), in this order. */
export const approvalStepSchema = z.object({
  role: roleSchema,
  action: z.enum(['review', 'agree', 'approve']),
});
export type ApprovalStep = z.infer<typeof approvalStepSchema>;
const approvalChainSchema = clauseSchema.extend({ steps: z.array(approvalStepSchema).min(1) });
export type ApprovalChain = z.infer<typeof approvalChainSchema>;

export const measureGroupSchema = z.enum(['health', 'advocacy', 'mandatory']);
export const measureCategorySchema = z.enum(['industrial', 'mobile', 'dust', 'other']);
/** One response measure, added at `level` and kept at every higher level (4.3: each level adds to the one below). */
export const measureSchema = clauseSchema.extend({
  level: issuedLevelSchema,
  group: measureGroupSchema,
  /** Only for mandatory measures. */
  category: measureCategorySchema.nullable(),
  /** Member units (annex 1 names) who carry it out or supervise it. */
  responsibleUnits: z.array(z.string().min(1)),
});
export type Measure = z.infer<typeof measureSchema>;

/** One measure of a plan's chapter 4, in the order the plan files list them (both plans use it). */
export function measure(
  level: Measure['level'],
  group: Measure['group'],
  category: Measure['category'],
  section: string,
  zh: string,
  en: string,
  responsibleUnits: string[],
): Measure {
  return { level, group, category, section, zh, en, responsibleUnits };
}

export const memberUnitSchema = z.object({
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  dutyZh: z.string().min(1),
  dutyEn: z.string().min(1),
  section: z.string().min(1),
});
export type MemberUnit = z.infer<typeof memberUnitSchema>;

const regionalRuleSchema = z.discriminatedUnion('kind', [
  /** Ili 3.3.3: ≥ minUnits contiguous units whose average daily AQI meets the grading standard. */
  clauseSchema.extend({
    kind: z.literal('contiguous-average'),
    minUnits: z.number().int().min(2),
    /** Members respond at no lower level, except a recorded special case (4.2 特殊情况). */
    override: clauseSchema,
  }),
  /** Kizilsu 3.3.2: the autonomous region's regional warning is a floor for the prefecture. */
  clauseSchema.extend({ kind: z.literal('external-floor') }),
]);

const upgradeRuleSchema = z.discriminatedUnion('kind', [
  /** Ili: monitoring already at a higher level and no clear improvement forecast within `hours`. */
  clauseSchema.extend({
    kind: z.literal('monitoring-without-improvement'),
    hours: z.number().int().positive(),
  }),
  /** Kizilsu: forecast or monitoring reaches a higher level. */
  clauseSchema.extend({ kind: z.literal('forecast-or-monitoring') }),
]);

export const planSchema = z.object({
  id: z.string().min(1),
  jurisdiction: jurisdictionSchema,
  titleZh: z.string().min(1),
  titleEn: z.string().min(1),
  documentNumber: z.string().min(1),
  issuedOn: z.string().regex(/^\d{4}-\d\d-\d\d$/),
  /** 'reconstructed' when the source text lost its heading numbers and we renumbered from heading order. */
  sectionNumbering: z.enum(['printed', 'reconstructed']),
  numberingNote: z.string(),
  /** Warning units (ids as in geo/units.ts; listed here because shared may not import geo). */
  unitIds: z.array(z.string().min(1)).min(1),
  indicator: clauseSchema,
  grading: z.array(gradingRuleSchema).length(3),
  /** Ili 1.3: a heavy-pollution day is also PM2.5 24 h mean > 115 µg/m³; null when the plan has no such line. */
  heavyDay: clauseSchema.extend({ aqiAbove: z.number(), pm25Above: z.number() }).nullable(),
  leadTime: clauseSchema.extend({
    hours: z.number().int().nonnegative(),
    appliesTo: z.enum(['all-warnings', 'regional-warnings']),
    /** Kizilsu counts from the issue (提前48小时以上发布), Ili from the proposal (提前24小时上报发布预警建议). */
    measuredFrom: z.enum(['proposal', 'issue']),
  }),
  approval: z.object({ yellow: approvalChainSchema, orange: approvalChainSchema, red: approvalChainSchema }),
  /** Roles that may propose a warning or a level change (the office, 附件1 办公室职责). */
  proposers: z.array(roleSchema).min(1),
  /** Lifting is issued by the office directly, with no approval. */
  lifting: clauseSchema.extend({ issuers: z.array(roleSchema).min(1) }),
  adjustment: z.object({
    improvement: clauseSchema.extend({ hours: z.number().int().positive() }),
    upgrade: upgradeRuleSchema,
    merge: clauseSchema.extend({ gapHours: z.number().int().positive() }),
    followsIssuing: clauseSchema,
  }),
  response: clauseSchema.extend({
    levels: z.object({ yellow: z.literal('III'), orange: z.literal('II'), red: z.literal('I') }),
  }),
  measures: z.array(measureSchema).min(1),
  reductionTargets: clauseSchema.extend({
    percent: z.object({ yellow: z.number(), orange: z.number(), red: z.number() }),
    pollutants: z.array(z.enum(['so2', 'nox', 'particulate', 'vocs'])),
    so2NoxTradeOff: z.boolean(),
    exemptFromToppingUp: z.array(z.enum(['grade-a', 'guarantee'])),
  }),
  enterpriseClasses: clauseSchema,
  memberUnits: z.array(memberUnitSchema).min(1),
  reporting: z.object({
    daily: clauseSchema,
    summary: clauseSchema.extend({ withinDays: z.number().int().positive() }),
  }),
  regional: regionalRuleSchema,
  /** Kizilsu 3.3.1 adds a health-advice clause for dust; Ili has none (null). */
  dust: clauseSchema.extend({ healthAdvice: clauseSchema.nullable() }),
  accountability: clauseSchema,
});
export type Plan = z.infer<typeof planSchema>;
