import type { Warning } from '../../../shared/rules';
import { LevelBadge } from '../components/level-badge';
import { useLanguage } from '../i18n/language';
import { roleName } from '../i18n/names';
import { cited, when } from './words';

/** Every step of a warning, in data time, with the special cases overridden and who gave them. */
export function WarningHistory({ warning }: { warning: Warning }) {
  const { language, t } = useLanguage();
  return (
    <details className="history" open={warning.history.some((entry) => entry.overrideGuards)}>
      <summary>
        {t('historyTitle')} ({warning.history.length})<span className="hint"> {t('eventsClock')}</span>
      </summary>
      <ol data-testid="warning-history">
        {warning.history.map((entry) => (
          <li key={`${entry.at}-${entry.outcome}-${entry.actor.userId}`} data-outcome={entry.outcome}>
            {when(entry.at)} {roleName(language, entry.actor.role)} ({entry.actor.userId}){' '}
            {t(`outcome-${entry.outcome}`)}
            {entry.level && (
              <>
                {' '}
                <LevelBadge level={entry.level} />
              </>
            )}
            : <span data-user-text>{entry.reason}</span> [{cited(language, entry.citation)}]
            {entry.overrideGuards && (
              <p className="override" data-testid="override">
                {t('overrideGiven', `${roleName(language, entry.actor.role)} ${entry.actor.userId}`)}
                <span data-user-text>{entry.overrideGuards.reason}</span> [
                {entry.overrideGuards.guards.map((guard) => t(`guard-${guard}`)).join(', ')}]
              </p>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
