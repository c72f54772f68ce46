import type { GuardAnswer } from '../../../shared/api/responses';
import { useLanguage } from '../i18n/language';
import { explained, marks } from './words';

/**
 * The plan guards an action trips (docs/API.md 409 `guards`), explained before the click, with the field
 * for the special-case reason that lets it through (recorded with the event, history and audit).
 */
export function GuardNotice({
  guards,
  reason,
  onReason,
}: {
  guards: readonly GuardAnswer[];
  reason: string;
  onReason: (reason: string) => void;
}) {
  const { language, t } = useLanguage();
  if (guards.length === 0) return null;
  return (
    <div className="guards" role="note" data-testid="guards">
      <p>
        <strong>{t('guardsTitle')}</strong>
      </p>
      <ul>
        {guards.map((guard) => (
          <li key={guard.id} data-guard={guard.id}>
            <strong>{t(`guard-${guard.id}` as 'guard-lead-time')}</strong>
            {marks(language).colon}
            {explained(language, guard.explanation)}
          </li>
        ))}
      </ul>
      <label>
        {t('overrideReason')}
        <textarea
          name="override-reason"
          value={reason}
          minLength={10}
          onChange={(event) => onReason(event.target.value)}
          placeholder={t('overrideNeeded')}
        />
      </label>
    </div>
  );
}
