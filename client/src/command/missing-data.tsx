import type { UnitListing } from '../../../shared/api/responses';
import type { JurisdictionState } from '../../../shared/state/schema';
import { useLanguage } from '../i18n/language';
import { marks, nameOf } from './words';

/**
 * Incomplete data never reads as clean air (DOMAIN.md "incomplete data", issue 15 item 6): the units whose
 * daily value is missing or partial, what each lacks, and what that does to a region.
 */
export function MissingData({
  state,
  units,
}: {
  state: JurisdictionState;
  units: ReadonlyMap<string, UnitListing>;
}) {
  const { language, t } = useLanguage();
  const lacking = state.units.filter(
    (unit) => unit.dailyAqi === null || (unit.dailyMissing !== undefined && unit.dailyMissing.length > 0),
  );
  if (lacking.length === 0) return null;
  return (
    <details className="missing-data" data-testid="missing-data">
      <summary>
        {t('missingTitle')}
        {marks(language).open}
        {lacking.length}
        {marks(language).close}
      </summary>
      <ul>
        {lacking.map((unit) => (
          <li key={unit.id} data-unit={unit.id}>
            {unit.dailyAqi === null || !unit.dailyMissing?.length
              ? t('missingNoValue', nameOf(language, units, unit.id))
              : t('unitMissingIndicators', nameOf(language, units, unit.id), unit.dailyMissing.join(', '))}
          </li>
        ))}
      </ul>
      <p className="hint">{t('missingEffect')}</p>
    </details>
  );
}
