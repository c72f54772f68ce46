import type { UnitState } from './schema';

/**
 * A unit's row of the live state for tests: measured by one fresh station, nothing missing, PM2.5 primary,
 * no level of any kind, no AQI until `change` gives one; `change` over it.
 */
export function unitStateOf(id: string, change: Partial<UnitState> = {}): UnitState {
  return {
    id,
    hourlyAqi: null,
    dailyAqi: null,
    hourlyMissing: [],
    dailyMissing: [],
    primaryPollutants: ['pm25'],
    recommendedLevel: 'none',
    issuedLevel: 'none',
    regionFloor: 'none',
    explanation: { zh: '', en: '', citations: [] },
    newestHour: 0,
    stationCount: 1,
    stale: false,
    simulated: false,
    dust: 'none',
    ...change,
  };
}
