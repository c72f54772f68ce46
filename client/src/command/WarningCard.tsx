import { useState } from 'react';
import type { UnitListing } from '../../../shared/api/responses';
import { levelRank } from '../../../shared/levels';
import type { IssuedLevel, Plan, Role } from '../../../shared/plans';
import {
  approvedLevel,
  type DailySeries,
  levelInForce,
  liftingCondition,
  statusAt,
  type Warning,
} from '../../../shared/rules';
import { HOUR, toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { actOnWarning } from '../api/mutations';
import { LevelBadge } from '../components/LevelBadge';
import { useLanguage } from '../i18n/language';
import { roleName, stepName } from '../i18n/names';
import { beijingMinute } from '../time/beijing';
import { useSay } from './say';

type Props = {
  plan: Plan;
  jurisdiction: Jurisdiction;
  warning: Warning;
  now: number;
  role: Role;
  units: ReadonlyMap<string, UnitListing>;
  /** The warning's subject series: the unit's, or the members' average for a region. */
  series: DailySeries | null;
  csrfToken: string;
  onDone: (message: string) => void;
  onError: (message: string) => void;
};

const levels: IssuedLevel[] = ['yellow', 'orange', 'red'];
const outcomeZh: Record<string, string> = {
  proposed: '提出',
  signed: '签署',
  issued: '批准发布',
  rejected: '驳回',
  'change-proposed': '提出调整',
  raised: '批准升级',
  lowered: '批准降级',
  'change-rejected': '驳回调整',
  lifted: '解除',
  cancelled: '取消',
  overridden: '特殊情况调整',
  'dust-confirmed': '确认沙尘',
};
const commanders: Role[] = ['commander', 'first-deputy-commander', 'deputy-commander'];

/** Whose turn it is on a warning's pending chain, or null. */
export function nextStep(warning: Warning) {
  const pending = warning.pending;
  return pending ? (pending.steps[pending.signatures.length] ?? null) : null;
}

/** One warning: target, status, chain with signatures, history, and the actions the plan lets this role take. */
export function WarningCard({
  plan,
  jurisdiction,
  warning,
  now,
  role,
  units,
  series,
  csrfToken,
  onDone,
  onError,
}: Props) {
  const say = useSay();
  const { language } = useLanguage();
  const [reason, setReason] = useState('');
  const approved = approvedLevel(warning);
  const [changeLevel, setChangeLevel] = useState<IssuedLevel>('yellow');
  const [overrideUnit, setOverrideUnit] = useState('');
  const name = (id: string) => units.get(id)?.nameZh ?? id;
  const act = async (action: string, extra: Record<string, unknown> = {}) => {
    if (!reason.trim()) {
      onError(say('请填写意见或理由', 'Give a reason'));
      return;
    }
    try {
      await actOnWarning(jurisdiction, warning.id, action, { reason, ...extra }, csrfToken);
      setReason('');
      onDone(say('已提交', 'Done'));
    } catch (caught) {
      onError(caught instanceof ApiError ? caught.say(language) : (caught as Error).message);
    }
  };
  const pending = warning.pending;
  const step = nextStep(warning);
  const myTurn = step?.role === role;
  const last = pending !== null && pending.signatures.length === pending.steps.length - 1;
  const inChain = pending?.steps.some((candidate) => candidate.role === role) ?? false;
  const office = plan.proposers.includes(role);
  const issued = warning.status === 'issued';
  const status = statusAt(warning, now);
  const statusZh: Record<string, string> = {
    proposed: '已提出',
    'under-approval': '审批中',
    issued: '已发布（未生效）',
    active: '生效中',
    rejected: '已驳回',
    cancelled: '已取消',
    lifted: '已解除',
  };
  const target =
    warning.target.kind === 'unit'
      ? name(warning.target.unitId)
      : `${say('区域', 'Region')}：${warning.target.members.map(name).join('、')}`;
  return (
    <article
      className="warning-card"
      data-testid="warning-card"
      data-warning={warning.id}
      data-status={status}
    >
      <header>
        <LevelBadge level={issued ? levelInForce(warning, now) : warning.proposedLevel} />{' '}
        <strong>{target}</strong>{' '}
        <span data-testid="warning-status">{say(statusZh[status] ?? status, status)}</span>
        {issued && approved !== levelInForce(warning, now) && (
          <span>
            {' '}
            {say('批准级别', 'approved')} <LevelBadge level={approved} />
          </span>
        )}
      </header>
      {warning.leadTime?.short && (
        <p className="late" role="note">
          {say(
            `提前量不足：要求${warning.leadTime.requiredHours}小时，实际${warning.leadTime.actualHours}小时（${warning.leadTime.citation}）`,
            `Short lead time: ${warning.leadTime.actualHours} h of ${warning.leadTime.requiredHours} h (${warning.leadTime.citation})`,
          )}
        </p>
      )}
      {issued && series && approved !== 'none' && (
        <LiftingLine check={liftingCondition(plan, series, approved, now)} now={now} />
      )}
      {pending && (
        <div className="chain" data-testid="pending-chain">
          {say(
            pending.kind === 'issue' ? '发布审批' : pending.kind === 'raise' ? '升级审批' : '降级审批',
            pending.kind,
          )}{' '}
          <LevelBadge level={pending.level} /> {say('生效', 'effective')} {beijingMinute(pending.effectiveAt)}
          ：
          <ol>
            {pending.steps.map((candidate, index) => {
              const signature = pending.signatures[index];
              return (
                <li key={`${candidate.role}-${candidate.action}`}>
                  {roleName(language, candidate.role)}
                  {stepName(language, candidate.action)}
                  {signature
                    ? ` ✔ ${signature.userId} ${beijingMinute(signature.at)}：${signature.reason}`
                    : say(' 待办', ' waiting')}
                </li>
              );
            })}
          </ol>
        </div>
      )}
      <ol className="history" data-testid="warning-history">
        {warning.history.map((entry) => (
          <li key={`${entry.at}-${entry.outcome}-${entry.actor.userId}`}>
            {beijingMinute(entry.at)} {roleName(language, entry.actor.role)}（{entry.actor.userId}）
            {say(outcomeZh[entry.outcome] ?? entry.outcome, entry.outcome)}
            {entry.level && ` ${entry.level}`}：{entry.reason} 〔{entry.citation}〕
          </li>
        ))}
      </ol>
      <div className="actions">
        <label>
          {say('意见/理由', 'Reason')}
          <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        {myTurn &&
          (pending?.kind === 'issue' && last ? (
            <button type="button" onClick={() => act('issue')}>
              {say('批准发布', 'Approve and issue')}
            </button>
          ) : (
            <button type="button" onClick={() => act('sign')}>
              {say(
                `签署（${stepName(language, step!.action)}）`,
                `Sign (${stepName(language, step!.action)})`,
              )}
            </button>
          ))}
        {inChain && pending && (
          <button type="button" onClick={() => act('reject')}>
            {say('驳回', 'Reject')}
          </button>
        )}
        {issued && office && !pending && (
          <>
            <select
              aria-label={say('调整到', 'Change to')}
              value={changeLevel}
              onChange={(e) => setChangeLevel(e.target.value as IssuedLevel)}
            >
              {levels
                .filter((level) => level !== approved)
                .map((level) => (
                  <option key={level} value={level}>
                    {say({ yellow: '黄色', orange: '橙色', red: '红色' }[level], level)}
                  </option>
                ))}
            </select>
            <button
              type="button"
              onClick={() =>
                act(levelRank(changeLevel) > levelRank(approved) ? 'raise' : 'lower', {
                  level: changeLevel,
                  effectiveAt: toBeijingIso(now),
                })
              }
            >
              {say('调整级别', 'Change level')}
            </button>
          </>
        )}
        {issued && plan.lifting.issuers.includes(role) && (
          <button type="button" onClick={() => act('lift')}>
            {say('解除预警', 'Lift')}
          </button>
        )}
        {office &&
          (warning.status === 'proposed' || warning.status === 'under-approval' || status === 'issued') && (
            <button type="button" onClick={() => act('cancel')}>
              {say('取消预警', 'Cancel')}
            </button>
          )}
        {issued &&
          commanders.includes(role) &&
          warning.target.kind === 'region' &&
          plan.regional.kind === 'contiguous-average' && (
            <>
              <select
                aria-label={say('特殊情况成员', 'Member to keep lower')}
                value={overrideUnit}
                onChange={(e) => setOverrideUnit(e.target.value)}
              >
                <option value="">{say('选择成员', 'Member')}</option>
                {warning.target.members.map((id) => (
                  <option key={id} value={id}>
                    {name(id)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                disabled={!overrideUnit}
                onClick={() => {
                  const lower =
                    levels.filter((level) => levelRank(level) < levelRank(approved)).at(-1) ?? 'none';
                  void act('override', { unitId: overrideUnit, level: lower });
                }}
              >
                {say('特殊情况降一级响应', 'Keep one level lower (special case)')}
              </button>
            </>
          )}
      </div>
    </article>
  );
}

/**
 * Lowering or lifting (3.3.6 级别调整和解除, 36 h), computed here for every issued warning: the server's
 * compliance flags cover unit warnings only, so a regional warning's lifting condition is shown on its card.
 */
function LiftingLine({ check, now }: { check: ReturnType<typeof liftingCondition>; now: number }) {
  const say = useSay();
  return (
    <p
      className={check.met ? 'lifting met' : 'lifting'}
      data-testid="lifting-check"
      data-met={String(check.met)}
      data-to-level={check.toLevel}
      role={check.met ? 'alert' : undefined}
    >
      {check.met && (
        <strong>
          {say(
            check.toLevel === 'none' ? '已达到解除条件' : '已达到降级条件',
            check.toLevel === 'none' ? 'Lifting conditions met' : 'Lowering conditions met',
          )}
          {check.cleanFrom !== null &&
            say(
              `，已持续${Math.round((now - check.cleanFrom) / HOUR)}小时`,
              ` for ${Math.round((now - check.cleanFrom) / HOUR)} h`,
            )}
          ：
        </strong>
      )}
      {check.explanation.zh}
    </p>
  );
}
