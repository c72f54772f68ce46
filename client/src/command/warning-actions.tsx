import { useState } from 'react';
import type { Session } from '../../../shared/api/responses';
import { levelRank } from '../../../shared/levels';
import type { IssuedLevel, Plan } from '../../../shared/plans';
import { allowedActions, approvedLevel, type Warning } from '../../../shared/rules';
import { toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { warningAction } from '../api/warning-actions';
import { useLanguage } from '../i18n/language';
import { roleName, stepName } from '../i18n/names';
import { GuardNotice } from './guard-notice';
import { useGuardPreview } from './use-guard-preview';
import { nameOf } from './words';

const levels: IssuedLevel[] = ['yellow', 'orange', 'red'];

type Props = {
  plan: Plan;
  jurisdiction: Jurisdiction;
  warning: Warning;
  now: number;
  session: Session;
  units: ReadonlyMap<string, import('../../../shared/api/responses').UnitListing>;
  onDone: (message: string) => void;
  onError: (message: string) => void;
};

/**
 * The buttons of a warning card: exactly the actions the server accepts for this account (shared
 * allowedActions, the rule apply.ts and the endpoints read), each guarded action previewed by a dry run so
 * the plan's guards are explained before the click, with the special-case reason they need.
 */
export function WarningActions({ plan, jurisdiction, warning, now, session, units, onDone, onError }: Props) {
  const { language, t } = useLanguage();
  const { role, username, jurisdiction: accountJurisdiction } = session.account;
  const allowed = new Set(
    allowedActions(plan, warning, { role, userId: username, jurisdiction: accountJurisdiction, at: now }),
  );
  const [comment, setComment] = useState('');
  const [override, setOverride] = useState('');
  const approved = approvedLevel(warning);
  const changeLevels = levels.filter(
    (level) =>
      level !== approved &&
      (levelRank(level) > levelRank(approved) ? allowed.has('raise') : allowed.has('lower')),
  );
  const [changeLevel, setChangeLevel] = useState<IssuedLevel | ''>('');
  const [overrideUnit, setOverrideUnit] = useState('');
  const pending = warning.pending;
  const step = pending ? pending.steps[pending.signatures.length] : undefined;
  const change = changeLevel && changeLevels.includes(changeLevel) ? changeLevel : (changeLevels[0] ?? null);
  const changeAction = change ? (levelRank(change) > levelRank(approved) ? 'raise' : 'lower') : null;
  const reason = comment.trim() || '—';
  const csrfToken = session.csrfToken;
  const issuePreview = useGuardPreview(
    jurisdiction,
    { action: 'issue', warningId: warning.id },
    allowed.has('issue') ? { reason } : null,
    csrfToken,
    now,
  );
  const liftPreview = useGuardPreview(
    jurisdiction,
    { action: 'lift', warningId: warning.id },
    allowed.has('lift') ? { reason } : null,
    csrfToken,
    now,
  );
  const changePreview = useGuardPreview(
    jurisdiction,
    { action: changeAction ?? 'raise', warningId: warning.id },
    changeAction ? { reason, level: change, effectiveAt: toBeijingIso(now) } : null,
    csrfToken,
    now,
  );
  const guards = [...issuePreview.guards, ...liftPreview.guards, ...changePreview.guards].filter(
    (guard, index, all) => all.findIndex((other) => other.id === guard.id) === index,
  );
  const act = async (action: string, extra: Record<string, unknown> = {}, guarded = false) => {
    if (!comment.trim()) {
      onError(t('giveReason'));
      return;
    }
    try {
      await warningAction(
        jurisdiction,
        { action, warningId: warning.id },
        {
          reason: comment.trim(),
          ...extra,
          ...(guarded && override.trim() ? { overrideGuards: { reason: override.trim() } } : {}),
        },
        { csrfToken },
      );
      setComment('');
      setOverride('');
      onDone(t('done'));
    } catch (caught) {
      onError(caught instanceof ApiError ? caught.say(language) : String(caught));
    }
  };
  const blocked = (preview: { guards: unknown[] }) =>
    preview.guards.length > 0 && override.trim().length < 10;
  const visible = [...allowed].filter((action) => action !== 'propose');
  if (visible.length === 0)
    return (
      <p className="hint" data-testid="no-actions">
        {t('whyNoButtons', roleName(language, role))}
      </p>
    );
  return (
    <div className="actions" data-testid="warning-actions" data-allowed={visible.join(',')}>
      <label>
        {t('comment')}
        <input name="comment" value={comment} onChange={(event) => setComment(event.target.value)} />
      </label>
      {allowed.has('issue') && pending ? (
        <button type="button" disabled={blocked(issuePreview)} onClick={() => act('issue', {}, true)}>
          {t(`action-issue-${pending.kind}`)}
        </button>
      ) : (
        allowed.has('sign') &&
        step && (
          <button type="button" onClick={() => act('sign')}>
            {t('action-sign', stepName(language, step.action))}
          </button>
        )
      )}
      {allowed.has('reject') && (
        <button type="button" onClick={() => act('reject')}>
          {t('action-reject')}
        </button>
      )}
      {changeLevels.length > 0 && change && changeAction && (
        <>
          <select
            aria-label={t('changeTo')}
            value={change}
            onChange={(event) => setChangeLevel(event.target.value as IssuedLevel)}
          >
            {changeLevels.map((level) => (
              <option key={level} value={level}>
                {t(level)}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={blocked(changePreview)}
            onClick={() => act(changeAction, { level: change, effectiveAt: toBeijingIso(now) }, true)}
          >
            {t('action-change')}
          </button>
        </>
      )}
      {allowed.has('lift') && (
        <button type="button" disabled={blocked(liftPreview)} onClick={() => act('lift', {}, true)}>
          {t('action-lift')}
        </button>
      )}
      {allowed.has('cancel') && (
        <button type="button" onClick={() => act('cancel')}>
          {t('action-cancel')}
        </button>
      )}
      {allowed.has('override') && warning.target.kind === 'region' && approved !== 'none' && (
        <>
          <select
            aria-label={t('memberToKeep')}
            value={overrideUnit}
            onChange={(event) => setOverrideUnit(event.target.value)}
          >
            <option value="">{t('pickMember')}</option>
            {warning.target.members.map((id) => (
              <option key={id} value={id}>
                {nameOf(language, units, id)}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!overrideUnit}
            onClick={() => {
              const lower = levels.filter((level) => levelRank(level) < levelRank(approved)).at(-1) ?? 'none';
              void act('override', { unitId: overrideUnit, level: lower });
            }}
          >
            {t('action-override')}
          </button>
        </>
      )}
      <GuardNotice guards={guards} reason={override} onReason={setOverride} />
    </div>
  );
}
