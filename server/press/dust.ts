import type { DustAdvisoryContext } from '../../shared/documents/dust-advisory';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Engine } from '../engine';
import { targetData } from './context';
import { unitNames } from './warning';

/** The units in sand and dust at a data time (confirmed or suspected) and their readings; null when none is. */
export function dustAdvisoryContext(
  engine: Engine,
  jurisdiction: Jurisdiction,
  at: number,
  exercise: boolean,
): DustAdvisoryContext | null {
  const state = engine.state(jurisdiction, at);
  const dusty = state.units.filter((unit) => unit.dust !== 'none');
  if (dusty.length === 0) return null;
  const ids = dusty.map((unit) => unit.id);
  const data = targetData(engine, jurisdiction, ids, at, state);
  const confirmed = new Set(dusty.filter((unit) => unit.dust === 'confirmed').map((unit) => unit.id));
  return {
    jurisdiction,
    units: unitNames(ids).map((unit) => ({ ...unit, confirmed: confirmed.has(unit.id) })),
    dataTime: at,
    forecastFrom: data.state.basis === 'forecast' ? (data.state.forecastFrom ?? null) : null,
    primaryPollutants: data.primaryPollutants,
    dailyAqi: data.dailyAqi,
    exercise,
  };
}
