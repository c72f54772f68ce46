import type { StationState } from '../../../shared/state/schema';
import { type Language, translate } from '../i18n/dictionary';
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
