import type { Enterprise } from '../../../geo/layers/enterprise';
import { measureZh, observedZh } from '../../../geo/layers/enterprise-check';
import { unitById } from '../../../geo/units';
import type { StationState } from '../../../shared/state/schema';
import { type Language, type Phrase, translate } from '../i18n/dictionary';
import { beijingMinute } from '../time/beijing';
import { complianceWords } from './compliance-rings';
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

function classPhrase(enterprise: Enterprise): Phrase {
  return `class${enterprise.class[0]!.toUpperCase()}${enterprise.class.slice(1)}` as Phrase;
}

/** Hover text for an enterprise (issue 7): what its list asks at the level in force, its last check, compliance. */
export function enterpriseTooltip(
  enterprise: Enterprise,
  model: MapModel | null,
  language: Language,
): string {
  const level = model?.inForce.get(enterprise.unitId)?.response ?? 'none';
  const checks = model?.checks ?? null;
  const lines = [`${enterprise.name}（${translate(language, classPhrase(enterprise))}）`];
  lines.push(
    level === 'none'
      ? translate(language, 'noLevelInForce')
      : `${translate(language, level)}${translate(language, 'colon')}${measureZh(enterprise.measures[level])}`,
  );
  const jurisdiction = unitById.get(enterprise.unitId)?.jurisdiction;
  const check = jurisdiction ? checks?.checks.get(checkKey(jurisdiction, enterprise.id)) : undefined;
  if (!checks) lines.push(translate(language, 'checksNotLoaded'));
  else if (!check) lines.push(translate(language, 'lastCheckNone'));
  else {
    const load = check.loadPercent === null ? '' : `（负荷${check.loadPercent}%）`;
    const note = check.note ? ` ${check.note}` : '';
    lines.push(
      `${translate(language, 'lastCheck')}${beijingMinute(check.checkedAt)} ${observedZh[check.observed]}${load}（${check.checkedBy}）${note}`,
    );
  }
  const { status, reasonZh } = complianceOf(enterprise, level, checks);
  lines.push(`${complianceWords[status][language]}${translate(language, 'colon')}${reasonZh}`);
  return lines.join('\n');
}
