import { expect, test } from 'vitest';
import type { JurisdictionState, UnitState, WarningState } from '../../../shared/state/schema';
import { HOUR } from '../../../shared/time';
import { type Change, keptChanges, nextChanges } from './changes';

const december = Date.UTC(2019, 11, 12, 0);
const january = Date.UTC(2019, 0, 10, 0);

function warning(id: string, unitId: string, issuedAt: number): WarningState {
  return {
    id,
    target: { kind: 'unit', unitId },
    status: 'active',
    proposedLevel: 'yellow',
    level: 'yellow',
    proposedAt: issuedAt - HOUR,
    issuedAt,
    levels: [{ kind: 'issued', level: 'yellow', at: issuedAt }],
  };
}

const yiningStation = { unitId: '654002', lon: 81.28, lat: 43.94, simulated: false, hourlyAqi: 100 };

function state(now: number, warnings: WarningState[], staleStations: string[] = []): JurisdictionState {
  return {
    jurisdiction: 'ili',
    now,
    edition: '2012',
    units: [],
    regions: [],
    stations: ['2703A', '2704A'].map((id) => ({
      ...yiningStation,
      id,
      name: id,
      newestHour: now,
      stale: staleStations.includes(id),
    })),
    warnings,
    compliance: [],
    recommendation: [],
  };
}

/** The wall watching `states` one after the other, as useChanges does. */
function watch(states: JurisdictionState[]): Change[] {
  const previous = new Map<string, JurisdictionState>();
  let changes: Change[] = [];
  for (const next of states) {
    changes = nextChanges(changes, new Map(previous), [next]);
    previous.set(next.jurisdiction, next);
  }
  return changes;
}

test('changes arrive newest first, and the strip keeps only the latest', () => {
  const states = [state(december, [])];
  for (let hour = 1; hour <= keptChanges + 2; hour += 1)
    states.push(
      state(
        december + hour * HOUR,
        [warning(`w${hour}`, `u${hour}`, december + hour * HOUR)],
        hour % 2 ? ['2703A'] : [],
      ),
    );
  const changes = watch(states);
  expect(changes).toHaveLength(keptChanges);
  expect(changes.map((change) => change.at)).toEqual(
    [...changes.map((change) => change.at)].sort((a, b) => b - a),
  );
  expect(changes[0]!.at).toBe(december + (keptChanges + 2) * HOUR);
});

test('a replay pass set back to January shows its own changes, not the December pass lifted or on top', () => {
  const states = [state(december, [])];
  // Eight December hours of warnings issued and lifted fill the strip.
  for (let hour = 1; hour <= keptChanges; hour += 1)
    states.push(
      state(december + hour * HOUR, hour % 2 ? [warning(`w${hour}`, '654002', december + hour * HOUR)] : []),
    );
  const inDecember = watch(states);
  expect(inDecember.every((change) => change.at > december)).toBe(true);

  // The next pass starts in January with one of its own warnings issued and a station silent.
  const newPass = state(january, [warning('jan', '654021', january - 2 * HOUR)], ['2704A']);
  const afterLoop = watch([...states, newPass]);
  expect(afterLoop.map((change) => [change.kind, change.at])).toEqual([
    ['clock-back', january],
    ['station-stale', january],
    ['issued', january - 2 * HOUR],
  ]);
  // And an hour later a change in the new pass is on top.
  const later = watch([
    ...states,
    newPass,
    state(january + HOUR, [warning('jan', '654021', january - 2 * HOUR)]),
  ]);
  expect(later[0]).toMatchObject({ kind: 'station-back', at: january + HOUR });
});

/** A Kizilsu state whose one unit is in the autonomous region's warning at `regionFloor`. */
function kizilsu(now: number, regionFloor: UnitState['regionFloor']): JurisdictionState {
  const artux = { id: '653001', issuedLevel: 'none', regionFloor } as UnitState;
  return { ...state(now, []), jurisdiction: 'kizilsu', units: [artux], stations: [] };
}

test("a wall opened on a raised warning tells its issue and raise at their times, not the region's warning as new", () => {
  const raised: WarningState = {
    ...warning('w-1', '654023', december),
    proposedLevel: 'orange',
    level: 'red',
    levels: [
      { kind: 'issued', level: 'orange', at: december },
      { kind: 'raised', level: 'red', at: december + 2 * HOUR },
    ],
  };
  const opened = [state(december + 3 * HOUR, [raised]), kizilsu(january, 'orange')];
  // The autonomous region's warning in force at opening is on the warning list; the state has not its time.
  expect(watch(opened).map((change) => [change.jurisdiction, change.kind, change.at])).toEqual([
    ['ili', 'raised', december + 2 * HOUR],
    ['ili', 'issued', december],
  ]);
  // The next hour the region's warning is lifted: that is a change, at its hour.
  const next = [kizilsu(january + HOUR, 'none')];
  expect(
    watch([...opened, ...next])
      .filter((change) => change.jurisdiction === 'kizilsu')
      .map((change) => [change.kind, change.at]),
  ).toEqual([['external-lifted', january + HOUR]]);
});

test("two prefectures on different clocks each keep their own latest changes, neither buried under the other's", () => {
  const states = [state(december, []), kizilsu(january, 'none'), kizilsu(january + HOUR, 'orange')];
  // Ili's December hours, later than Kizilsu's January, bring more changes than the strip keeps.
  for (let hour = 1; hour <= keptChanges + 2; hour += 1)
    states.push(state(december + hour * HOUR, [warning(`w${hour}`, `u${hour}`, december + hour * HOUR)]));
  const changes = watch(states);
  const ili = changes.filter((change) => change.jurisdiction === 'ili');
  expect(ili).toHaveLength(keptChanges);
  expect(ili[0]!.at).toBe(december + (keptChanges + 2) * HOUR);
  expect(changes.filter((change) => change.jurisdiction === 'kizilsu')).toMatchObject([
    { kind: 'external-set', level: 'orange', at: january + HOUR },
  ]);
});

test('a raise seen live is told at its approval time, not at the data hour that carried it', () => {
  const orange: WarningState = {
    ...warning('w-1', '654023', december),
    proposedLevel: 'orange',
    level: 'orange',
    levels: [{ kind: 'issued', level: 'orange', at: december }],
  };
  const red: WarningState = {
    ...orange,
    level: 'red',
    levels: [...orange.levels, { kind: 'raised', level: 'red', at: december + 2 * HOUR + 20 * 60_000 }],
  };
  const changes = watch([state(december + 2 * HOUR, [orange]), state(december + 3 * HOUR, [red])]);
  expect(changes[0]).toMatchObject({ kind: 'raised', level: 'red', at: december + 2 * HOUR + 20 * 60_000 });
});
