import { useLanguage } from '../i18n/language';
import { dismissFailures, useFailures } from './failures';
import { ApiError } from './http';

/**
 * Every failed request that its view does not show in place, listed on top of the page until it succeeds
 * again or is dismissed: a failure is never silent (issue 15, item 5).
 */
export function RequestFailures() {
  const failures = useFailures();
  const { language, t } = useLanguage();
  if (failures.length === 0) return null;
  return (
    <div className="request-failures" role="alert" data-testid="request-failures">
      <strong>{t('requestFailed')}</strong>
      <ul>
        {failures.map((failure) => (
          <li key={failure.key} data-request={failure.what}>
            {failure.what}:{' '}
            {failure.error instanceof ApiError
              ? failure.error.say(language)
              : failure.error instanceof Error
                ? failure.error.message
                : String(failure.error)}
          </li>
        ))}
      </ul>
      <button type="button" onClick={dismissFailures}>
        {t('dismiss')}
      </button>
    </div>
  );
}
