import type { Enterprise } from '../../../geo/layers/enterprise';
import { unitById } from '../../../geo/units';
import type { StationState } from '../../../shared/state/schema';
import { enterpriseClassPhrase, type Language, measureText, translate } from '../i18n/dictionary';
import { beijingMinute } from '../time/beijing';
import { checkKey, complianceOf } from './enterprise-checks';
import type { MapModel } from './layers';

/** Hover text for a station: name and its current hourly AQI, with simulated and stale marks. */
export function stationTooltip(station: StationState, model: MapModel | null, language: Language): string {
  const value = model?.stationValues.get(station.id) ?? station;
  const lines = [
    `${value.name} (${value.id})`,
    `${translate(language, 'hourlyAqi')}: ${value.hourlyAqi ?? '—'}`,
  ];
  if (value.simulated) lines.push(translate(language, 'simulated'));
  if (value.stale) lines.push(translate(language, 'stale'));
  return lines.join('\n');
}

/** Hover text for an enterprise (issue 7): what its list asks at the level in force, its last check, compliance. */
export function enterpriseTooltip(
  enterprise: Enterprise,
  model: MapModel | null,
  language: Language,
): string {
  const level = model?.inForce.get(enterprise.unitId)?.response ?? 'none';
  const checks = model?.checks ?? null;
  const lines = [
    translate(
      language,
      'enterpriseHeading',
      enterprise.name,
      translate(language, enterpriseClassPhrase(enterprise.class)),
    ),
  ];
  lines.push(
    level === 'none'
      ? translate(language, 'noLevelInForce')
      : translate(
          language,
          'enterpriseDuty',
          translate(language, level),
          measureText(language, enterprise.measures[level]),
        ),
  );
  const jurisdiction = unitById.get(enterprise.unitId)?.jurisdiction;
  const check = jurisdiction ? checks?.checks.get(checkKey(jurisdiction, enterprise.id)) : undefined;
  if (!checks) lines.push(translate(language, 'checksNotLoaded'));
  else if (!check) lines.push(translate(language, 'lastCheckNone'));
  else {
    const observed = translate(language, `observed-${check.observed}`);
    const line = translate(
      language,
      'lastCheck',
      beijingMinute(check.checkedAt),
      observed,
      check.loadPercent,
      check.checkedBy,
    );
    lines.push(check.note ? `${line} ${check.note}` : line);
  }
  const { status, reasonZh, reasonEn } = complianceOf(enterprise, level, checks);
  lines.push(
    `${translate(language, `ring-${status}`)}${translate(language, 'colon')}${language === 'zh' ? reasonZh : reasonEn}`,
  );
  return lines.join('\n');
}
