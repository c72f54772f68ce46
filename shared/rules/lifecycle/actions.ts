import { levelRank } from '../../levels';
import type { IssuedLevel, Plan, Role } from '../../plans/schema';
import type { Jurisdiction } from '../../units/schema';
import { withArticle } from '../format';
import { roleNames, stepNames } from './names';
import { approvedLevel } from './queries';
import { type Refusal, refusal } from './refusal';
import type { Warning } from './state';

/** What an account can do to warnings (POST /api/warnings/propose and /api/warnings/:id/:action). */
export const warningActions = [
  'propose',
  'sign',
  'issue',
  'reject',
  'raise',
  'lower',
  'lift',
  'cancel',
  'override',
] as const;
export type WarningAction = (typeof warningActions)[number];

/** Roles that may keep a region member below the region's level (Ili 4.2 特殊情况, a command decision). */
export const overrideRoles: readonly Role[] = [
  'commander',
  'first-deputy-commander',
  'deputy-commander',
  'office-director',
];

export type Acting = {
  role: Role;
  /** The account's prefecture; null for an account of both, undefined when not known (the event fold). */
  jurisdiction?: Jurisdiction | null;
  /** When known: a user who already signed the pending chain may not sign it again. */
  userId?: string;
  /** When the action is asked (the engine's now): a warning already in effect is lifted, not cancelled. */
  at?: number;
};

const levels: readonly IssuedLevel[] = ['yellow', 'orange', 'red'];
const levelZh = { yellow: '黄色预警', orange: '橙色预警', red: '红色预警' } as const;
const levelEn = { yellow: 'yellow warning', orange: 'orange warning', red: 'red warning' } as const;

function roleList(roles: readonly Role[], language: 'zh' | 'en'): string {
  return roles.map((role) => roleNames[role][language]).join(language === 'zh' ? '、' : ', ');
}

function chainText(warning: Warning, language: 'zh' | 'en'): string {
  return (warning.pending?.steps ?? []).map((step) => roleNames[step.role][language]).join(' → ');
}

/**
 * Whether an account may take an action on a warning (null: a new proposal), by plan, level, role and
 * prefecture, and if not, why. The one rule the event fold (apply.ts), the server's endpoints and the
 * console's buttons all read. Checks that need the action's content (units, levels asked, times) stay in
 * apply.ts; a `level` narrows raise, lower and override to that target level.
 */
export function actionRefusal(
  plan: Plan,
  warning: Warning | null,
  acting: Acting,
  action: WarningAction,
  level?: IssuedLevel | 'none',
): Refusal | null {
  const { role } = acting;
  if (acting.jurisdiction != null && acting.jurisdiction !== plan.jurisdiction)
    return refusal(
      'other-prefecture',
      true,
      `本账号只能处理${acting.jurisdiction === 'ili' ? '伊犁州' : '克州'}的预警`,
      `this account acts for ${acting.jurisdiction === 'ili' ? 'Ili' : 'Kizilsu'} only`,
    );
  if (action === 'propose') {
    return plan.proposers.includes(role)
      ? null
      : refusal(
          'not-proposer',
          true,
          `${roleNames[role].zh}不能提出预警，由${roleList(plan.proposers, 'zh')}提出（${plan.approval.yellow.section}）`,
          `the ${roleNames[role].en.toLowerCase()} cannot propose a warning; the office does (${roleList(plan.proposers, 'en')})`,
        );
  }
  if (!warning) return refusal('no-warning', false, '没有该预警', 'no such warning');
  if (warning.status === 'lifted' || warning.status === 'rejected' || warning.status === 'cancelled') {
    const zh = { lifted: '已解除', rejected: '已驳回', cancelled: '已取消' }[warning.status];
    return refusal(
      'closed',
      false,
      `预警${warning.id}${zh}，请提出新的预警`,
      `warning ${warning.id} was ${warning.status}; propose a new one`,
    );
  }
  switch (action) {
    case 'sign':
    case 'issue':
    case 'reject':
      return chainRefusal(warning, acting, action);
    case 'raise':
    case 'lower':
      return changeRefusal(plan, warning, role, action, level);
    case 'lift':
      if (!plan.lifting.issuers.includes(role))
        return refusal(
          'not-lifter',
          true,
          `${roleNames[role].zh}不能解除预警，由${roleList(plan.lifting.issuers, 'zh')}直接发布解除（${plan.lifting.section}）`,
          `the ${roleNames[role].en.toLowerCase()} cannot lift; the office issues lifting directly (${plan.lifting.section})`,
        );
      return warning.status === 'issued'
        ? null
        : refusal(
            'not-issued',
            false,
            `预警${warning.id}尚未发布，请驳回或取消`,
            `warning ${warning.id} is not issued; reject or cancel it instead`,
          );
    case 'cancel':
      if (!plan.proposers.includes(role))
        return refusal(
          'not-proposer',
          true,
          `${roleNames[role].zh}不能取消预警，由办公室取消`,
          `the ${roleNames[role].en.toLowerCase()} cannot cancel a warning; the office does`,
        );
      if (warning.status === 'issued' && acting.at !== undefined && acting.at >= warning.segments[0]!.from)
        return refusal(
          'in-effect',
          false,
          `预警${warning.id}已生效，请解除`,
          `warning ${warning.id} is already in effect; lift it instead`,
        );
      return null;
    case 'override':
      return overrideRefusal(plan, warning, role, level);
  }
}

/** The chain of the pending issue or level change: only the role whose turn it is signs or rejects. */
function chainRefusal(warning: Warning, acting: Acting, action: 'sign' | 'issue' | 'reject'): Refusal | null {
  const pending = warning.pending;
  if (!pending)
    return refusal(
      'nothing-pending',
      false,
      `预警${warning.id}没有待审批事项`,
      `warning ${warning.id} has nothing waiting for approval`,
    );
  const { role } = acting;
  const position = pending.signatures.length;
  const step = pending.steps[position]!;
  const level = pending.level;
  if (
    action !== 'reject' &&
    acting.userId !== undefined &&
    pending.signatures.some((signature) => signature.userId === acting.userId)
  )
    return refusal(
      'signed-twice',
      true,
      `${acting.userId}已签署过预警${warning.id}`,
      `${acting.userId} has already signed warning ${warning.id}`,
    );
  if (role !== step.role) {
    const later = pending.steps.slice(position + 1).some((candidate) => candidate.role === role);
    if (later)
      return refusal(
        'wrong-order',
        true,
        `顺序不符：须先由${roleNames[step.role].zh}${stepNames[step.action].zh}（审批链：${chainText(warning, 'zh')}）`,
        `wrong order: ${step.role} must ${step.action} first (chain ${chainText(warning, 'en')})`,
      );
    return refusal(
      'not-in-chain',
      true,
      `${roleNames[role].zh}不在${levelZh[level]}的审批链中（${chainText(warning, 'zh')}）`,
      `${role} does not sign ${withArticle(level)} warning: not in the ${level} chain (${chainText(warning, 'en')})`,
    );
  }
  if (action === 'issue' && position !== pending.steps.length - 1)
    return refusal(
      'not-last-signature',
      false,
      `“批准”是审批链的最后一步；本步为${stepNames[step.action].zh}，请用“签署”`,
      `issue is the last signature of the chain; this step is to ${step.action}, so sign it`,
    );
  return null;
}

function changeRefusal(
  plan: Plan,
  warning: Warning,
  role: Role,
  action: 'raise' | 'lower',
  level: IssuedLevel | 'none' | undefined,
): Refusal | null {
  if (!plan.proposers.includes(role))
    return refusal(
      'not-proposer',
      true,
      `${roleNames[role].zh}不能提出级别调整，由办公室提出（${roleList(plan.proposers, 'zh')}）`,
      `the ${roleNames[role].en.toLowerCase()} cannot propose a level change; the office does (${roleList(plan.proposers, 'en')})`,
    );
  if (warning.status !== 'issued')
    return refusal(
      'not-issued',
      false,
      `预警${warning.id}尚未发布，只有已发布的预警可以调整级别`,
      `warning ${warning.id} is not issued yet; only an issued warning changes level`,
    );
  if (warning.pending)
    return refusal(
      'change-pending',
      false,
      `预警${warning.id}已有待审批的${warning.pending.kind === 'raise' ? '升级' : '降级'}`,
      `warning ${warning.id} already has ${withArticle(warning.pending.kind)} to ${warning.pending.level} waiting for approval`,
    );
  const current = approvedLevel(warning);
  const up = action === 'raise';
  const possible = levels.filter((candidate) =>
    up ? levelRank(candidate) > levelRank(current) : levelRank(candidate) < levelRank(current),
  );
  const fits = level === undefined ? possible.length > 0 : (possible as readonly string[]).includes(level);
  if (!fits)
    return refusal(
      up ? 'not-higher' : 'not-lower',
      false,
      up
        ? `升级须高于已批准的${levelZh[current as IssuedLevel]}`
        : `降级须低于已批准的${levelZh[current as IssuedLevel]}（降到无预警请解除）`,
      up
        ? `a raise must go above the approved ${levelEn[current as IssuedLevel]}`
        : `a lowering must go below the approved ${levelEn[current as IssuedLevel]} (to none, lift it)`,
    );
  return null;
}

function overrideRefusal(
  plan: Plan,
  warning: Warning,
  role: Role,
  level: IssuedLevel | 'none' | undefined,
): Refusal | null {
  if (plan.regional.kind !== 'contiguous-average')
    return refusal(
      'no-regional',
      false,
      `${plan.titleZh}没有本级区域预警，无需特殊情况调整`,
      `${plan.titleEn} has no regional warnings of its own to override`,
    );
  if (!overrideRoles.includes(role))
    return refusal(
      'not-overrider',
      true,
      `${roleNames[role].zh}不能决定成员特殊情况（${roleList(overrideRoles, 'zh')}可以）`,
      `the ${roleNames[role].en.toLowerCase()} cannot keep a member below its region's level (${roleList(overrideRoles, 'en')} can)`,
    );
  if (warning.target.kind !== 'region' || warning.status !== 'issued')
    return refusal(
      'not-issued-region',
      false,
      `预警${warning.id}不是已发布的区域预警`,
      `warning ${warning.id} is not an issued regional warning`,
    );
  const current = approvedLevel(warning);
  if (level !== undefined && levelRank(level) >= levelRank(current))
    return refusal(
      'not-lower',
      false,
      `特殊情况只能使成员低于区域的${levelZh[current as IssuedLevel]}`,
      `an override keeps a member below the region's ${levelEn[current as IssuedLevel]}; ${level} is not lower`,
    );
  return null;
}

/** The actions an account may take on a warning now: exactly the buttons the server accepts. */
export function allowedActions(plan: Plan, warning: Warning | null, acting: Acting): WarningAction[] {
  return warningActions.filter(
    (action) =>
      (action === 'propose') === (warning === null) && !actionRefusal(plan, warning, acting, action),
  );
}

/** The office confirms sand and dust (the plan's proposers): the server's rule and the console's button. */
export function mayConfirmDust(plan: Plan, role: Role): boolean {
  return plan.proposers.includes(role);
}
