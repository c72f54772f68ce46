import { z } from 'zod';
import type { WarningLevel } from '../../shared/levels';
import type { Role } from '../../shared/plans/schema';
import { jurisdictionSchema } from '../../shared/units/schema';
import { recordIdSchema } from './common';
import type { Enterprise } from './enterprise';
import type { Measure } from './measure';

/**
 * What an on-site inspection (现场检查) or an enterprise's self-report found during a response: normal
 * production (正常生产), reduced load (限产), staggered production (错峰生产), stopped (停产), or its heavy
 * trucks restricted (运输管控落实).
 */
export const observedKinds = ['normal', 'reduced', 'staggered', 'stopped', 'trucks-restricted'] as const;
export const observedSchema = z.enum(observedKinds);
export type Observed = z.infer<typeof observedSchema>;

export const observedZh: Record<Observed, string> = {
  normal: '正常生产',
  reduced: '限产',
  staggered: '错峰生产',
  stopped: '停产',
  'trucks-restricted': '运输管控落实',
};

export const observedEn: Record<Observed, string> = {
  normal: 'normal production',
  reduced: 'reduced load',
  staggered: 'staggered production',
  stopped: 'stopped',
  'trucks-restricted': 'heavy trucks restricted',
};

/** Checks reach the command office as daily reports do: its duty officer, director and the commanders record them. */
export const checkRecorders: readonly Role[] = [
  'duty-officer',
  'office-director',
  'deputy-commander',
  'first-deputy-commander',
  'commander',
];

/** A check as recorded: the load is a percent of normal production and is given with `reduced` only. */
export const enterpriseCheckInputSchema = z
  .object({
    jurisdiction: jurisdictionSchema,
    enterpriseId: recordIdSchema.describe("an enterprise id of the jurisdiction's current enterprise layer"),
    observed: observedSchema,
    loadPercent: z
      .number()
      .finite()
      .min(0)
      .max(100)
      .optional()
      .describe('with observed = reduced only: the load seen, as a percent of normal production'),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((check, context) => {
    if (check.observed === 'reduced' && check.loadPercent === undefined)
      context.addIssue({
        code: 'custom',
        path: ['loadPercent'],
        message: 'a reduced load (限产) needs the load seen, as a percent of normal',
      });
    if (check.observed !== 'reduced' && check.loadPercent !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['loadPercent'],
        message: `the load is recorded with observed = reduced only, not ${check.observed}`,
      });
  });
export type EnterpriseCheckInput = z.infer<typeof enterpriseCheckInputSchema>;

/** A stored check: checkedAt is the engine's now when it was recorded, checkedBy the account's username. */
export type EnterpriseCheck = {
  enterpriseId: string;
  jurisdiction: EnterpriseCheckInput['jurisdiction'];
  observed: Observed;
  loadPercent: number | null;
  note: string | null;
  checkedAt: number;
  checkedBy: string;
};

export type ComplianceStatus = 'complying' | 'not-complying' | 'unchecked' | 'not-required';
/** The status and why, in the list's Chinese words and in English (the same branches write both). */
export type Compliance = { status: ComplianceStatus; reasonZh: string; reasonEn: string };

/** What the measure asks, in the list's words (一厂一策). */
export function measureZh(measure: Measure): string {
  switch (measure.kind) {
    case 'none':
      return '无减排要求';
    case 'stop':
      return '停产';
    case 'cut':
      return `限产${measure.percent}%`;
    case 'staggered':
      return `错峰生产（减${measure.percent}%）`;
    case 'transport':
      return '限制重型车辆运输';
  }
}

/** What the measure asks, in English. */
export function measureEn(measure: Measure): string {
  switch (measure.kind) {
    case 'none':
      return 'no reduction';
    case 'stop':
      return 'stop production';
    case 'cut':
      return `cut output by ${measure.percent}%`;
    case 'staggered':
      return `stagger production (−${measure.percent}%)`;
    case 'transport':
      return 'restrict heavy-truck transport';
  }
}

/** The highest load a cut of `percent` leaves, to the hundredth so 100 − 33.3 is 66.7 whatever the float says. */
function loadLimit(percent: number): number {
  return Math.round((100 - percent) * 100) / 100;
}

function observedText(check: EnterpriseCheck): string {
  return check.observed === 'reduced' ? `限产（负荷${check.loadPercent}%）` : observedZh[check.observed];
}

function observedTextEn(check: EnterpriseCheck): string {
  return check.observed === 'reduced' ? `reduced load (${check.loadPercent}%)` : observedEn[check.observed];
}

/** Which observations carry out a measure; stopping carries out every measure. */
function carriesOut(measure: Measure, check: EnterpriseCheck): boolean {
  if (check.observed === 'stopped') return true;
  switch (measure.kind) {
    case 'cut':
      return check.observed === 'reduced' && (check.loadPercent ?? 100) <= loadLimit(measure.percent);
    case 'staggered':
      return check.observed === 'staggered';
    case 'transport':
      return check.observed === 'trucks-restricted';
    case 'stop':
    case 'none':
      return false;
  }
}

/**
 * Whether an enterprise does what its list asks at the level in force (issue 7): the measure is the one for
 * that level, levelSince when that level came into force; a check from before then says nothing of it.
 */
export function compliance(
  measure: Measure,
  check: EnterpriseCheck | null,
  levelInForce: WarningLevel,
  levelSince: number,
): Compliance {
  if (levelInForce === 'none')
    return {
      status: 'not-required',
      reasonZh: '无生效预警，无需落实减排措施',
      reasonEn: 'no warning in force, no measure to carry out',
    };
  if (measure.kind === 'none')
    return {
      status: 'not-required',
      reasonZh: '清单在当前级别无减排要求',
      reasonEn: 'the list asks no reduction at this level',
    };
  const required = measureZh(measure);
  const requiredEn = measureEn(measure);
  if (!check)
    return {
      status: 'unchecked',
      reasonZh: `应${required}，尚无检查记录`,
      reasonEn: `must ${requiredEn}; no check recorded yet`,
    };
  if (check.checkedAt < levelSince)
    return {
      status: 'unchecked',
      reasonZh: `应${required}，最近检查早于当前级别生效，不计入`,
      reasonEn: `must ${requiredEn}; the last check was before this level came into force and does not count`,
    };
  if (carriesOut(measure, check))
    return {
      status: 'complying',
      reasonZh: `应${required}，检查为${observedText(check)}，已落实`,
      reasonEn: `must ${requiredEn}; checked: ${observedTextEn(check)}, carried out`,
    };
  const cut = measure.kind === 'cut';
  return {
    status: 'not-complying',
    reasonZh: `应${required}${cut ? `（负荷应不高于${loadLimit(measure.percent)}%）` : ''}，检查为${observedText(check)}，未落实`,
    reasonEn: `must ${requiredEn}${cut ? ` (load at most ${loadLimit(measure.percent)}%)` : ''}; checked: ${observedTextEn(check)}, not carried out`,
  };
}

/** Whether the enterprise's 一厂一策 list asks anything of it at a level (plans 4.3.1.1). */
export function measureDue(enterprise: Pick<Enterprise, 'measures'>, level: WarningLevel): boolean {
  return level !== 'none' && enterprise.measures[level].kind !== 'none';
}

/**
 * An enterprise's compliance at its unit's level in force: the list's measure for that level, checked from
 * `levelSince` (null when the level's start is not known, e.g. a past hour: then no check counts).
 */
export function enterpriseCompliance(
  enterprise: Pick<Enterprise, 'measures'>,
  level: WarningLevel,
  levelSince: number | null,
  check: EnterpriseCheck | null,
): Compliance {
  const measure = level === 'none' ? ({ kind: 'none' } as const) : enterprise.measures[level];
  return compliance(measure, check, level, levelSince ?? Number.POSITIVE_INFINITY);
}
