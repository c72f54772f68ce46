import { useEffect, useState } from 'react';
import { warningLevels } from '../../../shared/levels';
import { useLanguage } from '../i18n/language';
import type { ConnectionStatus } from '../live/liveFeed';
import type { Summary } from '../live/summary';
import { beijingClock, beijingMinute } from '../time/beijing';
import { LevelBadge } from './LevelBadge';

function BeijingClock() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="clock" data-testid="clock">
      {beijingClock(now)}
    </span>
  );
}

/** The header: place, Beijing time, highest level, units per level, newest data, and the connection. */
export function StatusHeader({
  place,
  summary,
  status,
}: {
  place: string;
  summary: Summary;
  status: ConnectionStatus;
}) {
  const { t, toggle } = useLanguage();
  const lost = status.state === 'disconnected';
  return (
    <header
      className={`status-header${lost ? ' lost' : ''}`}
      data-testid="status-header"
      data-connection={status.state}
    >
      <h1>{place}</h1>
      <span>
        {t('beijingTime')} <BeijingClock />
      </span>
      <span>
        {t('highestLevel')} <LevelBadge level={summary.highest} />
      </span>
      <span className="counts" data-testid="level-counts">
        {warningLevels
          .filter((level) => level !== 'none')
          .map((level) => (
            <span key={level} data-level={level}>
              {t(level)} {summary.counts[level]}
            </span>
          ))}
      </span>
      <span data-testid="newest-data">
        {t('newestData')} {summary.newestData === null ? t('noData') : beijingMinute(summary.newestData)}
      </span>
      <span className="connection" data-testid="connection" data-state={status.state}>
        {t(status.state)}
        {lost && status.lostAt !== null && ` · ${t('lostAt')} ${beijingMinute(status.lostAt)}`}
      </span>
      <button type="button" className="language" onClick={toggle}>
        {t('language')}
      </button>
    </header>
  );
}
