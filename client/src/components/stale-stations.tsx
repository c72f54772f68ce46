import type { JurisdictionState } from '../../../shared/state/schema';
import { useLanguage } from '../i18n/language';
import { beijingMinute } from '../time/beijing';

/** The stations that stopped reporting (2+ hours), by name with their last hour: not only a legend entry. */
export function StaleStations({ states }: { states: readonly JurisdictionState[] }) {
  const { t } = useLanguage();
  const stale = states.flatMap((state) => state.stations.filter((station) => station.stale));
  return (
    <section className="stale-stations" data-testid="stale-stations">
      <h2>{t('staleStations')}</h2>
      {stale.length === 0 ? (
        <p>{t('noStaleStations')}</p>
      ) : (
        <ul>
          {stale.map((station) => (
            <li key={station.id}>
              {station.name}{' '}
              <small>
                {station.newestHour === null ? t('noData') : t('lastHour', beijingMinute(station.newestHour))}
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
