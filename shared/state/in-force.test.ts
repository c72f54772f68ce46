import { describe, expect, test } from 'vitest';
import { HOUR } from '../time';
import { regionFoundAhead } from './in-force';
import type { JurisdictionState, RegionState, UnitState } from './schema';

const now = Date.UTC(2019, 11, 15, 13);
const unit = (id: string, regionFloor: UnitState['regionFloor']) => ({ id, regionFloor }) as UnitState;
const region = (members: string[], level: RegionState['level'], firstWindowEnd: number) =>
  ({ members, level, firstWindowEnd }) as RegionState;

describe('regionFoundAhead', () => {
  test("a unit's region at its floor starting after now is ahead, from its earliest start", () => {
    const state = {
      now,
      units: [unit('a', 'yellow'), unit('b', 'orange'), unit('c', 'yellow')],
      regions: [
        region(['a', 'b', 'c'], 'yellow', now + 63 * HOUR),
        region(['a', 'c'], 'yellow', now + 40 * HOUR),
        region(['b'], 'orange', now - 2 * HOUR),
        region(['c'], 'yellow', now),
      ],
    } as JurisdictionState;
    // b's floor (orange) holds already; c has a region at its floor now.
    expect([...regionFoundAhead(state)]).toEqual([['a', now + 40 * HOUR]]);
  });
});
