import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { UnitListing } from '../../../shared/api/responses';
import type { IssuedLevel, Plan } from '../../../shared/plans';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { warningAction } from '../api/warning-actions';
import { useLanguage } from '../i18n/language';
import { roleName } from '../i18n/names';
import { beijingInputIso, beijingInputValue } from '../time/beijing';
import { GuardNotice } from './guard-notice';
import { useGuardPreview } from './use-guard-preview';
import { cited, marks, nameOf, namesOf } from './words';

/** What a proposal is about, prefilled from a recommendation or the what-if selection. */
export type Draft = {
  kind: 'unit' | 'region';
  unitId?: string;
  members?: string[];
  level: IssuedLevel;
  /** When the level first holds (never before the data time). */
  effectiveAt?: number;
  reason: string;
};

type Props = {
  plan: Plan;
  jurisdiction: Jurisdiction;
  now: number;
  units: ReadonlyMap<string, UnitListing>;
  draft: Draft | null;
  csrfToken: string;
  onDone: (message: string) => void;
  onError: (message: string) => void;
};

/**
 * Propose a warning (the office's step, plan proposers): target, level, effective time (the data time by
 * default, never behind it), reason prefilled from the recommendation; what the plan's guards say is shown
 * before the click, with the special-case reason they need.
 */
export function ProposeForm({ plan, jurisdiction, now, units, draft, csrfToken, onDone, onError }: Props) {
  const { language, t } = useLanguage();
  const form = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<'unit' | 'region'>('unit');
  const [unitId, setUnitId] = useState(plan.unitIds[0] ?? '');
  const [members, setMembers] = useState<string[]>([]);
  const [level, setLevel] = useState<IssuedLevel>('yellow');
  // The effective time follows the data time (and a draft's later start) until the officer edits it: a
  // field left at the hour the form opened falls behind the live feed and trips the backdate guard.
  const [draftEffectiveAt, setDraftEffectiveAt] = useState<number | null>(null);
  const [editedEffective, setEditedEffective] = useState<string | null>(null);
  const effective = editedEffective ?? beijingInputValue(Math.max(draftEffectiveAt ?? now, now));
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState('');
  // A draft fills the form once, when it is chosen: the data hour moving on (every tick of the live feed)
  // must not throw away what the officer has typed or picked since.
  useEffect(() => {
    if (!draft) return;
    setKind(draft.kind);
    if (draft.unitId) setUnitId(draft.unitId);
    if (draft.members) setMembers(draft.members);
    setLevel(draft.level);
    setDraftEffectiveAt(draft.effectiveAt ?? null);
    setEditedEffective(null);
    setReason(draft.reason);
    setOverride('');
    form.current?.scrollIntoView({ block: 'center' });
  }, [draft]);
  const regional = plan.regional.kind === 'contiguous-average';
  const sorted = [...members].sort();
  const target =
    kind === 'unit'
      ? { kind: 'unit', unitId }
      : { kind: 'region', regionId: `region:${sorted.join('+')}`, members: sorted };
  const body = {
    target,
    level,
    effectiveAt: beijingInputIso(effective),
    reason: reason.trim() || '—',
  };
  const ready = kind === 'unit' ? unitId !== '' : members.length >= 3;
  const preview = useGuardPreview(jurisdiction, { action: 'propose' }, ready ? body : null, csrfToken, now);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await warningAction(
        jurisdiction,
        { action: 'propose' },
        { ...body, reason, ...(override.trim() ? { overrideGuards: { reason: override.trim() } } : {}) },
        { csrfToken },
      );
      setOverride('');
      onDone(t('proposed'));
    } catch (caught) {
      onError(caught instanceof ApiError ? caught.say(language) : String(caught));
    }
  };
  return (
    <form
      ref={form}
      className="propose-form"
      onSubmit={submit}
      aria-labelledby="propose-title"
      data-testid="propose-form"
    >
      <h3 id="propose-title">{t('proposeTitle')}</h3>
      <fieldset>
        <legend>{t('target')}</legend>
        <label>
          <input type="radio" name="target-kind" checked={kind === 'unit'} onChange={() => setKind('unit')} />
          {t('oneUnit')}
        </label>
        {regional && (
          <label>
            <input
              type="radio"
              name="target-kind"
              checked={kind === 'region'}
              onChange={() => setKind('region')}
            />
            {t('regionTarget')}
          </label>
        )}
      </fieldset>
      {kind === 'unit' ? (
        <label>
          {t('unit')}
          <select name="unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {plan.unitIds.map((id) => (
              <option key={id} value={id}>
                {nameOf(language, units, id)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p data-testid="propose-members">
          {t('memberList')}
          {marks(language).colon}
          {members.length === 0 ? t('membersPick') : namesOf(language, units, members)}
        </p>
      )}
      <label>
        {t('level')}
        <select name="level" value={level} onChange={(e) => setLevel(e.target.value as IssuedLevel)}>
          <option value="yellow">{t('yellow')}</option>
          <option value="orange">{t('orange')}</option>
          <option value="red">{t('red')}</option>
        </select>
      </label>
      <label>
        {t('effective')}
        <input
          name="effective"
          type="datetime-local"
          value={effective}
          min={beijingInputValue(now)}
          onChange={(e) => setEditedEffective(e.target.value)}
          required
        />
      </label>
      <label>
        {t('reason')}
        <textarea name="reason" value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <p className="hint">
        {t('approvalChain')}
        {plan.approval[level].steps.map((step) => roleName(language, step.role)).join(' → ')}
        {marks(language).open}
        {cited(language, plan.approval[level].section)}
        {marks(language).close}
      </p>
      {preview.checking && <p className="hint">{t('checking')}</p>}
      {preview.refusal && (
        <p className="notice error" role="alert">
          {preview.refusal.say(language)}
        </p>
      )}
      <GuardNotice guards={preview.guards} reason={override} onReason={setOverride} />
      <button
        type="submit"
        disabled={!ready || (preview.guards.length > 0 && override.trim().length < 10)}
        data-testid="propose-submit"
      >
        {preview.guards.length > 0 ? t('proceedSpecial') : t('propose')}
      </button>
    </form>
  );
}
