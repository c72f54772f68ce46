import { type FormEvent, useState } from 'react';
import { measureZh, type Observed, observedKinds, observedZh } from '../../../geo/layers/enterprise-check';
import type { Session } from '../../../shared/api/responses';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { recordEnterpriseCheck } from '../api/mutations';
import { enterpriseClassPhrase } from '../i18n/dictionary';
import { useLanguage } from '../i18n/language';
import { complianceWords } from '../map/complianceRings';
import { beijingMinute } from '../time/beijing';
import type { CheckedEnterprise } from './enterprises';
import { useSay } from './say';

const complianceGlyph = {
  complying: '✓',
  'not-complying': '✗',
  unchecked: '?',
  'not-required': '—',
} as const;

type CheckFormProps = {
  jurisdiction: Jurisdiction;
  enterprise: CheckedEnterprise;
  session: Session;
};

/** Records what an on-site check or a self-report found (issue 8); native controls, so keyboard reachable. */
export function CheckForm({ jurisdiction, enterprise, session }: CheckFormProps) {
  const say = useSay();
  const { language } = useLanguage();
  const [observed, setObserved] = useState<Observed>('stopped');
  const [load, setLoad] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await recordEnterpriseCheck(
        {
          jurisdiction,
          enterpriseId: enterprise.id,
          observed,
          ...(observed === 'reduced' ? { loadPercent: Number(load) } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        session.csrfToken,
      );
      setMessage({ kind: 'ok', text: say('已记录', 'Recorded') });
    } catch (caught) {
      setMessage({ kind: 'error', text: caught instanceof ApiError ? caught.say(language) : String(caught) });
    }
  };
  return (
    <details className="check-form">
      <summary aria-label={say(`记录检查：${enterprise.name}`, `Record a check: ${enterprise.name}`)}>
        {say('记录检查', 'Record check')}
      </summary>
      <form onSubmit={submit} data-testid="check-form">
        <label>
          {say('检查结果', 'Observed')}
          <select value={observed} onChange={(event) => setObserved(event.target.value as Observed)}>
            {observedKinds.map((kind) => (
              <option key={kind} value={kind}>
                {observedZh[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {say('负荷（占正常生产 %）', 'Load (% of normal)')}
          <input
            type="number"
            min={0}
            max={100}
            step="any"
            required={observed === 'reduced'}
            disabled={observed !== 'reduced'}
            value={load}
            onChange={(event) => setLoad(event.target.value)}
          />
        </label>
        <label>
          {say('备注', 'Note')}
          <input
            type="text"
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <button type="submit">{say('提交', 'Record')}</button>
        {message && (
          <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </form>
    </details>
  );
}

type TableProps = {
  rows: CheckedEnterprise[];
  unitName: (id: string) => string;
  form: ((row: CheckedEnterprise) => React.ReactNode) | null;
};

/** The affected enterprises with their required action and whether they carry it out (issue 8). */
export function EnterpriseTable({ rows, unitName, form }: TableProps) {
  const say = useSay();
  const { t } = useLanguage();
  const count = (status: CheckedEnterprise['compliance']['status']) =>
    rows.filter((row) => row.compliance.status === status).length;
  return (
    <details>
      <summary>
        {say(
          `涉及企业（${rows.length}家；已落实${count('complying')}，未落实${count('not-complying')}，待检查${count('unchecked')}）`,
          `Enterprises (${rows.length}; complying ${count('complying')}, not complying ${count('not-complying')}, unchecked ${count('unchecked')})`,
        )}
      </summary>
      <table className="check-table" data-testid="enterprises">
        <thead>
          <tr>
            <th scope="col">{say('企业', 'Enterprise')}</th>
            <th scope="col">{say('要求措施', 'Required action')}</th>
            <th scope="col">{say('落实情况', 'Compliance')}</th>
            <th scope="col">{say('最近检查（北京时间）', 'Last check (Beijing)')}</th>
            {form && <th scope="col">{say('记录', 'Record')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-enterprise={row.id} data-compliance={row.compliance.status}>
              <th scope="row">
                {row.name}
                <span className="hint">
                  （{unitName(row.unitId)}，{t(enterpriseClassPhrase(row.class))}）
                </span>
              </th>
              <td>{measureZh(row.measure)}</td>
              <td className={`compliance-${row.compliance.status}`}>
                {complianceGlyph[row.compliance.status]}{' '}
                {say(complianceWords[row.compliance.status].zh, complianceWords[row.compliance.status].en)}
                <span className="hint"> {row.compliance.reasonZh}</span>
              </td>
              <td>
                {row.check
                  ? `${beijingMinute(row.check.checkedAt)} ${observedZh[row.check.observed]}${row.check.loadPercent === null ? '' : `（${row.check.loadPercent}%）`} ${row.check.checkedBy}`
                  : '—'}
                {row.check?.note && <span className="hint"> {row.check.note}</span>}
              </td>
              {form && <td>{form(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
