import type { Indicator } from '../../../shared/aqi';
import { levelRank } from '../../../shared/levels';
import type { IssuedLevel } from '../../../shared/plans/schema';
import type { UnitInForce } from '../../../shared/state/in-force';
import type { UnitState } from '../../../shared/state/schema';
import type { Language } from '../i18n/dictionary';
import { translate } from '../i18n/dictionary';
import { speciesName } from '../i18n/names';
import { beijingDayHour } from '../time/beijing';

export type Metric = 'hourly' | 'daily';

export function unitAqi(unit: UnitState | undefined, metric: Metric): number | null {
  if (!unit) return null;
  return metric === 'hourly' ? unit.hourlyAqi : unit.dailyAqi;
}

/** The indicators the drawn report lacks: a non-empty list makes its value partial. */
export function missingIndicators(unit: UnitState | undefined, metric: Metric): Indicator[] {
  return (metric === 'hourly' ? unit?.hourlyMissing : unit?.dailyMissing) ?? [];
}

/**
 * The value a screen may show (DOMAIN.md "incomplete data"): a partial AQI of 100 or less says nothing
 * (the missing indicator may be the polluted one), so it is not shown; above 100 it is a lower bound.
 */
export function shownAqi(
  unit: UnitState | undefined,
  metric: Metric,
): { value: number | null; partial: boolean } {
  const aqi = unitAqi(unit, metric);
  const partial = missingIndicators(unit, metric).length > 0;
  if (aqi === null || (partial && aqi <= 100)) return { value: null, partial };
  return { value: aqi, partial };
}

/** The missing indicators by species, for people: "PM₂.₅、O₃". */
export function missingSpecies(indicators: readonly Indicator[], language: Language): string {
  const species = [...new Set(indicators.map((indicator) => indicator.split('_')[0]!))];
  return species.map(speciesName).join(translate(language, 'listSeparator'));
}

/**
 * The lines on a unit: name and AQI first (the compact form), then in words what is partial or stale,
 * dust, the warnings in force (the prefecture's own and the autonomous region's) and a region found
 * above them.
 */
export type LabelLine = { text: string; warning: boolean };

export function unitLabelLines(
  name: string,
  unit: UnitState | undefined,
  inForce: UnitInForce | undefined,
  metric: Metric,
  language: Language,
  /** When the unit's region found starts after now (regionFoundAhead): said as a forecast. */
  regionAhead?: number,
): LabelLine[] {
  const { value, partial } = shownAqi(unit, metric);
  const note = (text: string) => ({ text, warning: false });
  const warning = (text: string) => ({ text, warning: true });
  const lines = [note(`${name} ${value === null ? '—' : `${partial ? '≥' : ''}${Math.round(value)}`}`)];
  if (partial)
    lines.push(
      note(translate(language, 'partialShort', missingSpecies(missingIndicators(unit, metric), language))),
    );
  if (unit?.stale && unit.newestHour !== null) lines.push(note(translate(language, 'staleShort')));
  // A dust-high AQI without a warning must not look like an omission on the wall (plans: dust is outside them).
  if (unit && unit.dust !== 'none')
    lines.push(
      note(translate(language, unit.dust === 'confirmed' ? 'dustConfirmedShort' : 'dustSuspectedShort')),
    );
  if (inForce && inForce.response !== 'none') lines.push(warning(translate(language, inForce.response)));
  if (inForce && inForce.external !== 'none')
    lines.push(
      warning(
        translate(
          language,
          inForce.responseDue ? 'externalUnanswered' : 'externalAnswered',
          inForce.external,
        ),
      ),
    );
  const externalShown = inForce !== undefined && inForce.external !== 'none';
  // In Ili a region the engine finds is a recommendation, not a floor in force: say what it meets.
  if (unit && !externalShown && levelRank(unit.regionFloor) > levelRank(unit.issuedLevel)) {
    const level = unit.regionFloor as IssuedLevel;
    lines.push(
      note(
        regionAhead === undefined
          ? translate(language, 'regionFoundShort', level)
          : translate(language, 'regionFoundAheadShort', level, beijingDayHour(language, regionAhead)),
      ),
    );
  }
  return lines;
}
