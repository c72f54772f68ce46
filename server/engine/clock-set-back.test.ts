import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { JurisdictionState } from '../../shared/state/schema';
import { loadEpisodes, realStations } from '../replay/episodes';
import { episodeHours } from '../replay/simulate-hours';
import { simulatedStations } from '../replay/simulated';
import { createStore } from '../store/sqlite';
import type { ObservationRow } from '../store/types';
import { createEngine } from './engine';

/**
 * The bundled replay loops: after the December 2019 episode it plays January's, then December's again, each
 * time setting the data clock back. The state at the new now must be what the hours up to now say, as an
 * engine that has never seen the later hours computes it; the wall showed every unit without a value instead,
 * and a decision due in November was said to be due since January, when the same flag stood at that pass's end.
 */
const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

const ili = [...realStations(), ...simulatedStations()].filter(
  (station) => !station.unitId?.startsWith('653'),
);

function rowsOf(episode: string, hours: number): ObservationRow[] {
  const byTime = episodeHours(loadEpisodes().get(episode)!);
  const times = [...byTime.keys()].sort((a, b) => a - b).slice(0, hours);
  return times.flatMap((time) =>
    (byTime.get(time) ?? [])
      .filter(({ station }) => ili.some((known) => known.id === station))
      .map(({ station, values }) => ({ station, time, values, flags: {}, receivedAt: time, source: 'test' })),
  );
}

function storeWith(rows: readonly ObservationRow[]) {
  const directory = mkdtempSync(join(tmpdir(), 'tianshan-clock-back-'));
  directories.push(directory);
  const store = createStore(directory);
  store.upsertStations(ili);
  store.writeObservations(rows);
  return store;
}

/** The state as served, less the compliance flags' `since` (a fresh engine has no earlier flags to keep it). */
function served(state: JurisdictionState) {
  return JSON.stringify({ ...state, compliance: state.compliance.map(({ since: _since, ...flag }) => flag) });
}

/** The state of an engine that was only ever given `rows`. */
function knowingOnly(rows: readonly ObservationRow[]): string {
  const store = storeWith(rows);
  const engine = createEngine({ store, clock: 'data' });
  const state = served(engine.state('ili'));
  engine.close();
  store.close();
  return state;
}

test('a replay loop that sets the data clock back is served what the hours up to the new now say', async () => {
  const december = rowsOf('E3', 240);
  const store = storeWith(december);
  const engine = createEngine({ store, clock: 'data' });
  const unitsWithValues = (state: JurisdictionState) =>
    state.units.filter((unit) => unit.hourlyAqi !== null).length;
  expect(unitsWithValues(engine.state('ili'))).toBeGreaterThan(20);

  // January 2019, eleven months before everything the live windows hold: new hours, stored and ingested.
  // Then November, after January: each pass a new exercise, whose decisions due are due since that pass.
  for (const [episode, hours] of [
    ['E1', 216],
    ['E2', 150],
  ] as const) {
    const rows = rowsOf(episode, hours);
    engine.restartDataClock('ili');
    store.writeObservations(rows);
    engine.ingested({ observations: rows });
    engine.received(rows);
    await engine.settled();
    const state = engine.state('ili');
    expect(unitsWithValues(state)).toBeGreaterThan(20);
    expect(served(state)).toBe(knowingOnly(rows));
    expect(state.compliance.length).toBeGreaterThan(0);
    for (const flag of state.compliance)
      expect([episode, flag.since >= rows[0]!.time]).toEqual([episode, true]);
  }

  // December again from its start: hours already stored, received unchanged; the live windows are 8 days ahead.
  const decemberAgain = rowsOf('E3', 48);
  engine.restartDataClock('ili');
  engine.received(decemberAgain);
  await engine.settled();
  const atDecemberAgain = engine.state('ili');
  expect(served(atDecemberAgain)).toBe(knowingOnly(decemberAgain));
  for (const flag of atDecemberAgain.compliance)
    expect(flag.since).toBeGreaterThanOrEqual(decemberAgain[0]!.time);

  engine.close();
  store.close();
});
