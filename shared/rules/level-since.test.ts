import { describe, expect, it } from 'vitest';
import { levelsInForce, unitLevelSince } from './level-since';
import { emptyBook, type Warning, type WarningBook } from './lifecycle/state';

const hour = 3_600_000;
const start = Date.parse('2019-01-04T00:00:00+08:00');
const at = (hours: number) => start + hours * hour;
const actor = { userId: 'office-director', role: 'office-director' as const };

function warning(
  id: string,
  target: Warning['target'],
  segments: Warning['segments'],
  status: Warning['status'] = 'issued',
): Warning {
  return {
    id,
    episodeId: id,
    mergedFrom: null,
    target,
    status,
    proposedLevel: segments[0]!.level,
    proposedAt: at(-2),
    issuedAt: at(-1),
    liftedAt: null,
    segments,
    pending: null,
    leadTime: null,
    history: [],
  };
}

// Yining city (654002): its own warning, yellow from 0 h then raised to orange from 10 h; the region of
// Yining and Yining county (654021) is orange from 20 h; Yining county is kept at yellow by an override at 30 h.
const book: WarningBook = {
  ...emptyBook('ili-2023'),
  warnings: {
    own: warning('own', { kind: 'unit', unitId: '654002' }, [
      { level: 'yellow', from: at(0) },
      { level: 'orange', from: at(10) },
    ]),
    region: warning('region', { kind: 'region', regionId: 'r1', members: ['654002', '654021'] }, [
      { level: 'orange', from: at(20) },
    ]),
    lifted: warning('lifted', { kind: 'unit', unitId: '654003' }, [{ level: 'red', from: at(0) }], 'lifted'),
  },
  overrides: [
    {
      unitId: '654021',
      warningId: 'region',
      level: 'yellow',
      at: at(30),
      actor,
      reason: '特殊情况',
      citation: '4.2',
    },
  ],
};

describe('when the level in force at a unit began', () => {
  it('a raise starts the higher level anew', () => {
    expect(unitLevelSince(book, '654002', at(5))).toEqual({ level: 'yellow', since: at(0) });
    expect(unitLevelSince(book, '654002', at(12))).toEqual({ level: 'orange', since: at(10) });
  });

  it('a region at the same level later does not move the start of a level already in force', () => {
    expect(unitLevelSince(book, '654002', at(25))).toEqual({ level: 'orange', since: at(10) });
  });

  it('a region member starts with the region, and an override starts its lower level', () => {
    expect(unitLevelSince(book, '654021', at(15))).toEqual({ level: 'none', since: at(15) });
    expect(unitLevelSince(book, '654021', at(25))).toEqual({ level: 'orange', since: at(20) });
    expect(unitLevelSince(book, '654021', at(35))).toEqual({ level: 'yellow', since: at(30) });
  });

  it('a lifted warning puts no level on its unit', () => {
    expect(unitLevelSince(book, '654003', at(5)).level).toBe('none');
  });
});

describe('the levels in force at now', () => {
  it('list only units under a level, each with when it began', () => {
    expect(levelsInForce(book, ['654002', '654021', '654003'], at(25))).toEqual([
      { unitId: '654002', level: 'orange', since: at(10) },
      { unitId: '654021', level: 'orange', since: at(20) },
    ]);
  });
});
