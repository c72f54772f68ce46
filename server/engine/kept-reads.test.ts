import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { JurisdictionState } from '../../shared/state/schema';
import { HOUR } from '../../shared/time';
import { loadEpisodes, realStations } from '../replay/episodes';
import { episodeHours } from '../replay/simulate-hours';
import { simulatedStations } from '../replay/simulated';
import { createStore } from '../store/sqlite';
import type { ForecastRow, ObservationRow } from '../store/types';
import { createEngine } from './engine';

/**
 * The engine keeps what its ticks read (each unit window's reads under the windows' revision, a cover's
 * searches): a tick after a late correction of an old hour, or after a forecast changes, must serve exactly
 * the state an engine started afresh on the same store computes, which has read nothing before.
 */
const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** The state as served, less the compliance flags' `since` (a fresh engine has no earlier flags to keep it). */
function served(state: JurisdictionState) {
  return JSON.stringify({
    ...state,
    compliance: state.compliance.map(({ since: _since, ...flag }) => flag),
  });
}

test('late corrections and forecast changes are served as an engine started afresh serves them', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'tianshan-kept-reads-'));
  directories.push(directory);
  const store = createStore(directory);
  // The replay's Ili stations (3 real, 28 simulated) through the E3 episode.
  const stations = [...realStations(), ...simulatedStations()].filter(
    (station) => !station.unitId?.startsWith('653'),
  );
  const hours = episodeHours(loadEpisodes().get('E3')!);
  const times = [...hours.keys()].sort((a, b) => a - b);
  const rowsAt = (time: number, scale = 1, keepOzone = false): ObservationRow[] =>
    (hours.get(time) ?? []).flatMap(({ station, values }) => {
      if (!stations.some((known) => known.id === station)) return [];
      const scaled = Object.fromEntries(
        Object.entries(values).map(([species, value]) => [
          species,
          value === null || (keepOzone && species === 'o3') ? value : Math.round(value * scale * 10) / 10,
        ]),
      ) as ObservationRow['values'];
      return [{ station, time, values: scaled, flags: {}, receivedAt: time, source: 'test' }];
    });
  store.upsertStations(stations);
  // The episode's 140th hour: units near their thresholds, regions forming.
  const warm = 140;
  store.writeObservations(times.slice(0, warm).flatMap((time) => rowsAt(time)));
  const engine = createEngine({ store, clock: 'data' });
  const afresh = () => {
    const fresh = createEngine({ store, clock: 'data' });
    const state = served(fresh.state('ili'));
    fresh.close();
    return state;
  };
  expect(served(engine.state('ili'))).toBe(afresh());

  const ingest = async (
    step: string,
    batch: { observations?: ObservationRow[]; forecasts?: ForecastRow[] },
  ) => {
    const before = served(engine.state('ili'));
    if (batch.observations) store.writeObservations(batch.observations);
    if (batch.forecasts) store.writeForecasts(batch.forecasts);
    engine.ingested(batch);
    await engine.settled();
    const after = served(engine.state('ili'));
    // Every step changes what is served (else it would prove nothing), and as a fresh computation does.
    expect(after === before ? `${step} changed nothing` : step).toBe(step);
    expect(after).toBe(afresh());
  };
  const forecast = (unit: string, windowEnd: number, aqi: number, issuedAt: number): ForecastRow => ({
    unit,
    windowEnd,
    aqi,
    aqiLow: null,
    aqiHigh: null,
    primary: 'pm25',
    issuedAt,
    source: 'test',
  });
  let next = warm;
  let forecastFrom = 0;
  for (const step of ['hour', 'hour', 'late', 'hour', 'late-ozone', 'forecast', 'hour', 'forecast-again']) {
    const now = times[next - 1]!;
    if (step === 'hour') await ingest(step, { observations: rowsAt(times[next++]!) });
    // Twelve hours a day and more back, resent tripled: the windows holding them (up to the hour before
    // now, D(t − 24 h) of the sustained rules included), and only those, change.
    else if (step === 'late')
      await ingest(step, {
        observations: times.slice(next - 36, next - 24).flatMap((time) => rowsAt(time, 3)),
      });
    // The same with O3 unchanged: the windows move by the difference in place (window-slide rewriteHour).
    else if (step === 'late-ozone')
      await ingest(step, { observations: rowsAt(times[next - 30]!, 2.5, true) });
    else if (step === 'forecast') {
      forecastFrom = now;
      await ingest(step, {
        forecasts: ['654002', '654021', '654022', '654023'].flatMap((unit) =>
          [6, 30, 54].map((lead) => forecast(unit, now + lead * HOUR, 320, now)),
        ),
      });
    }
    // A newer issue for the same windows takes two of those units back down.
    else
      await ingest(step, {
        forecasts: ['654002', '654021'].flatMap((unit) =>
          [6, 30, 54].map((lead) => forecast(unit, forecastFrom + lead * HOUR, 40, now)),
        ),
      });
  }
  engine.close();
  store.close();
});
