import { type FormEvent, useState } from 'react';
import type { Plan } from '../../../shared/plans';
import type { ComplianceFlagState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { ApiError } from '../api/http';
import { confirmDust } from '../api/warning-actions';
import { useLanguage } from '../i18n/language';
import { when } from './words';

type Props = {
  plan: Plan;
  jurisdiction: Jurisdiction;
  unitId: string;
  period: NonNullable<ComplianceFlagState['dustPeriod']>;
  csrfToken: string;
};

/**
 * The office's answer to a likely-dust flag: confirm the hours as sand and dust (the plan then does not
 * apply to them, only health advice does), with its reason. Not confirming leaves the start due.
 */
export function DustConfirmation({ plan, jurisdiction, unitId, period, csrfToken }: Props) {
  const { language, t } = useLanguage();
  const [reason, setReason] = useState(() => t('dustReasonDefault'));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await confirmDust({ jurisdiction, unitId, from: period.from, to: period.to, reason }, csrfToken);
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.say(language) : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="dust-confirmation" data-testid="dust-confirmation">
      <summary>{t('dustConfirm')}…</summary>
      <form onSubmit={submit}>
        <p>{t('dustConfirmHours', when(period.from), when(period.to), plan.dust.section)}</p>
        <label>
          {t('reason')}
          <textarea required value={reason} onChange={(event) => setReason(event.target.value)} rows={2} />
        </label>
        <button type="submit" disabled={busy || reason.trim() === ''}>
          {t('dustConfirm')}
        </button>
        {failure && <p role="alert">{failure}</p>}
      </form>
    </details>
  );
}
