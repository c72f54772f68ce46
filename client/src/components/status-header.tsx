import { useEffect, useState } from 'react';
import { warningLevels } from '../../../shared/levels';
import { useLanguage } from '../i18n/language';
import type { ConnectionStatus } from '../live/live-feed';
import type { Summary } from '../live/summary';
import { beijingClock, beijingMinute } from '../time/beijing';
import { LevelBadge } from './level-badge';

/** Hourly data: a feed quiet for longer than an hour and a little is late, and the wall says so. */
const quietAfterMs = 65 * 60_000;

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The header: what the map shows, the data's time and the wall clock (labelled as such), the highest
 * level and units per level, and in words a lost connection or a feed gone quiet.
 */
export function StatusHeader({
  place,
  summary,
  status,
  dataArrivedAt = null,
}: {
  place: string;
  summary: Summary;
  status: ConnectionStatus;
  /** When the view's newest data hour last moved (Date.now(); live/data-arrival), to say the feed is quiet. */
  dataArrivedAt?: number | null;
}) {
  const { t, toggle } = useLanguage();
  const now = useNow();
  const lost = status.state === 'disconnected';
  const quietMinutes =
    !lost && dataArrivedAt !== null && now - dataArrivedAt > quietAfterMs
      ? Math.floor((now - dataArrivedAt) / 60_000)
      : null;
  return (
    <header
      className={`status-header${lost ? ' lost' : ''}${quietMinutes !== null ? ' quiet' : ''}`}
      data-testid="status-header"
      data-connection={status.state}
    >
      <h1 data-testid="view-title">{place}</h1>
      <span className="time-pair">
        <span data-testid="newest-data">
          {t('dataTime')}{' '}
          <b>{summary.newestData === null ? t('noData') : beijingMinute(summary.newestData)}</b>
        </span>
        <span>
          {t('wallClock')}{' '}
          <b className="clock" data-testid="clock">
            {beijingClock(now)}
          </b>
        </span>
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
      <span className="connection" data-testid="connection" data-state={status.state}>
        {t(status.state)}
        {lost && status.lostAt !== null && ` · ${t('lostAt')} ${beijingMinute(status.lostAt)}`}
        {quietMinutes !== null && <span data-testid="feed-quiet"> · {t('feedQuiet', quietMinutes)}</span>}
      </span>
      <button type="button" className="language" onClick={toggle}>
        {t('language')}
      </button>
    </header>
  );
}
