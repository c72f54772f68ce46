import { type FormEvent, useEffect, useState } from 'react';
import type { UnitListing } from '../../../shared/api/responses';
import type { IssuedLevel, Plan } from '../../../shared/plans';
import { toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { proposeWarning } from '../api/mutations';
import { useLanguage } from '../i18n/language';
import { useSay } from './say';

/** What a proposal is about, prefilled from a recommendation or the what-if selection. */
export type Draft = {
  kind: 'unit' | 'region';
  unitId?: string;
  members?: string[];
  level: IssuedLevel;
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

/** "2019-01-08T12:00" from a datetime-local input, read as Beijing time. */
function beijingInputToIso(value: string): string {
  return `${value}:00+08:00`;
}

/** Propose a warning (unit or region, level, effective time, reason): the office's step (plan proposers). */
export function ProposeForm({ plan, jurisdiction, now, units, draft, csrfToken, onDone, onError }: Props) {
  const say = useSay();
  const { language } = useLanguage();
  const [kind, setKind] = useState<'unit' | 'region'>('unit');
  const [unitId, setUnitId] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [level, setLevel] = useState<IssuedLevel>('yellow');
  const [effective, setEffective] = useState(toBeijingIso(now).slice(0, 16));
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (!draft) return;
    setKind(draft.kind);
    if (draft.unitId) setUnitId(draft.unitId);
    if (draft.members) setMembers(draft.members);
    setLevel(draft.level);
    setReason(draft.reason);
  }, [draft]);
  const regional = plan.regional.kind === 'contiguous-average';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sorted = [...members].sort();
    const target =
      kind === 'unit'
        ? { kind: 'unit', unitId: unitId || [...units.keys()][0] }
        : { kind: 'region', regionId: `region:${sorted.join('+')}`, members: sorted };
    try {
      await proposeWarning(
        jurisdiction,
        { target, level, effectiveAt: beijingInputToIso(effective), reason },
        csrfToken,
      );
      onDone(say('预警建议已提出', 'Proposal sent'));
    } catch (caught) {
      onError(caught instanceof ApiError ? caught.say(language) : (caught as Error).message);
    }
  };
  return (
    <form
      className="propose-form"
      onSubmit={submit}
      aria-labelledby="propose-title"
      data-testid="propose-form"
    >
      <h3 id="propose-title">{say('提出预警建议', 'Propose a warning')}</h3>
      <fieldset>
        <legend>{say('对象', 'Target')}</legend>
        <label>
          <input type="radio" name="target-kind" checked={kind === 'unit'} onChange={() => setKind('unit')} />
          {say('单个单元', 'One unit')}
        </label>
        {regional && (
          <label>
            <input
              type="radio"
              name="target-kind"
              checked={kind === 'region'}
              onChange={() => setKind('region')}
            />
            {say('区域（≥3个相邻单元）', 'Region (≥ 3 contiguous units)')}
          </label>
        )}
      </fieldset>
      {kind === 'unit' ? (
        <label>
          {say('单元', 'Unit')}
          <select name="unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {[...units.values()].map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.nameZh}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p data-testid="propose-members">
          {say('成员：', 'Members: ')}
          {members.length === 0
            ? say('请在“区域推演”中选择单元', 'select units in the what-if')
            : members.map((id) => units.get(id)?.nameZh ?? id).join('、')}
        </p>
      )}
      <label>
        {say('级别', 'Level')}
        <select name="level" value={level} onChange={(e) => setLevel(e.target.value as IssuedLevel)}>
          <option value="yellow">{say('黄色预警', 'Yellow')}</option>
          <option value="orange">{say('橙色预警', 'Orange')}</option>
          <option value="red">{say('红色预警', 'Red')}</option>
        </select>
      </label>
      <label>
        {say('生效时间（北京时间）', 'Effective (Beijing time)')}
        <input
          name="effective"
          type="datetime-local"
          value={effective}
          onChange={(e) => setEffective(e.target.value)}
          required
        />
      </label>
      <label>
        {say('理由', 'Reason')}
        <textarea name="reason" value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <p className="hint">
        {say('审批程序：', 'Approval: ')}
        {plan.approval[level].zh}（{plan.approval[level].section}）
      </p>
      <button type="submit">{say('提出', 'Propose')}</button>
    </form>
  );
}
