import { levelRank } from '../../../shared/levels';
import type { UnitState } from '../../../shared/state/schema';
import type { Language } from '../i18n/dictionary';
import { translate } from '../i18n/dictionary';

export type Metric = 'hourly' | 'daily';

export function unitAqi(unit: UnitState | undefined, metric: Metric): number | null {
  if (!unit) return null;
  return metric === 'hourly' ? unit.hourlyAqi : unit.dailyAqi;
}

/** The text on a unit: name and AQI, then the issued level and a region floor above it, in words. */
export function unitLabel(
  name: string,
  unit: UnitState | undefined,
  metric: Metric,
  language: Language,
): string {
  const aqi = unitAqi(unit, metric);
  const lines = [`${name} ${aqi === null ? '—' : Math.round(aqi)}`];
  if (unit?.stale && unit.newestHour !== null) lines.push(translate(language, 'staleShort'));
  // A dust-high AQI without a warning must not look like an omission on the wall (plans: dust is outside them).
  if (unit && unit.dust !== 'none')
    lines.push(translate(language, unit.dust === 'confirmed' ? 'dustConfirmedShort' : 'dustSuspectedShort'));
  if (unit && unit.issuedLevel !== 'none') lines.push(translate(language, unit.issuedLevel));
  if (unit && levelRank(unit.regionFloor) > levelRank(unit.issuedLevel))
    lines.push(
      `${translate(language, 'regionFloor')}·${translate(language, `${unit.regionFloor as 'yellow' | 'orange' | 'red'}Short`)}`,
    );
  return lines.join('\n');
}
