import { type FormEvent, useState } from 'react';
import { type Observed, observedKinds } from '../../../geo/layers/enterprise-check';
import type { Measure } from '../../../geo/layers/measure';
import type { Session } from '../../../shared/api/responses';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { recordEnterpriseCheck } from '../api/mutations';
import { enterpriseClassPhrase, measureText } from '../i18n/dictionary';
import { useLanguage } from '../i18n/language';
import { beijingMinute } from '../time/beijing';
import type { CheckedEnterprise } from './enterprises';

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
  const { language, t } = useLanguage();
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
      setMessage({ kind: 'ok', text: t('recorded') });
    } catch (caught) {
      setMessage({ kind: 'error', text: caught instanceof ApiError ? caught.say(language) : String(caught) });
    }
  };
  return (
    <details className="check-form">
      <summary aria-label={t('recordCheckOf', enterprise.name)}>{t('recordCheck')}</summary>
      <form onSubmit={submit} data-testid="check-form">
        <label>
          {t('observed')}
          <select value={observed} onChange={(event) => setObserved(event.target.value as Observed)}>
            {observedKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`observed-${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('loadPercent')}
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
          {t('note')}
          <input
            type="text"
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <button type="submit">{t('record')}</button>
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
  const { language, t } = useLanguage();
  const count = (status: CheckedEnterprise['compliance']['status']) =>
    rows.filter((row) => row.compliance.status === status).length;
  return (
    <details>
      <summary>
        {t('enterprisesSummary', rows.length, count('complying'), count('not-complying'), count('unchecked'))}
      </summary>
      <table className="check-table" data-testid="enterprises">
        <thead>
          <tr>
            <th scope="col">{t('enterprise')}</th>
            <th scope="col">{t('requiredAction')}</th>
            <th scope="col">{t('complianceColumn')}</th>
            <th scope="col">{t('lastCheckBeijing')}</th>
            {form && <th scope="col">{t('record')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-enterprise={row.id} data-compliance={row.compliance.status}>
              <th scope="row">
                {row.name}
                <span className="hint">
                  ({unitName(row.unitId)}, {t(enterpriseClassPhrase(row.class))})
                </span>
              </th>
              <td>
                <MeasureText measure={row.measure} />
              </td>
              <td className={`compliance-${row.compliance.status}`}>
                {complianceGlyph[row.compliance.status]} {t(`compliance-${row.compliance.status}`)}
                {language === 'zh' && <span className="hint"> {row.compliance.reasonZh}</span>}
              </td>
              <td>
                {row.check
                  ? `${beijingMinute(row.check.checkedAt)} ${t(`observed-${row.check.observed}`)}${row.check.loadPercent === null ? '' : ` (${row.check.loadPercent}%)`} ${row.check.checkedBy}`
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

/** What the list asks of an enterprise (一厂一策), in the language shown. */
function MeasureText({ measure }: { measure: Measure }) {
  const { language } = useLanguage();
  return <>{measureText(language, measure)}</>;
}
