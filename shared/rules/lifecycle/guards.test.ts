import { describe, expect, test } from 'vitest';
import type { WarningLevel } from '../../levels';
import { plans } from '../../plans/index';
import { HOUR } from '../../time';
import { guardsFor, latestIssueTime } from './guards';
import { emptyBook } from './state';

const now = Date.parse('2019-02-01T12:00:00+08:00');
const kizilsu = plans.kizilsu;

function proposal(level: 'yellow' | 'orange' | 'red', effectiveAt = now) {
  return {
    type: 'propose' as const,
    warningId: 'w',
    at: now,
    actor: { userId: 'duty', role: 'duty-officer' as const },
    target: { kind: 'unit' as const, unitId: '653001' },
    level,
    effectiveAt,
    reason: '响应自治区区域预警',
    citation: '3.3.2 预警启动',
  };
}

const guards = (level: 'yellow' | 'orange' | 'red', floor: WarningLevel, effectiveAt = now) =>
  guardsFor(kizilsu, emptyBook(kizilsu.id), proposal(level, effectiveAt), { now, series: null, floor }).map(
    (guard) => guard.id,
  );

test('lead time: Ili proposes a region 24 h ahead (3.2), Kizilsu issues any warning 48 h ahead (3.3.3)', () => {
  const episodeStart = Date.parse('2019-01-08T00:00:00+08:00');
  expect(latestIssueTime(plans.ili, 'orange', episodeStart, true, 'none')).toBe(
    Date.parse('2019-01-07T00:00:00+08:00'),
  );
  expect(latestIssueTime(plans.ili, 'orange', episodeStart, false, 'none')).toBeNull();
  expect(latestIssueTime(plans.kizilsu, 'orange', episodeStart, false, 'none')).toBe(
    Date.parse('2019-01-06T00:00:00+08:00'),
  );
  expect(latestIssueTime(plans.kizilsu, 'orange', episodeStart, false, 'orange')).toBeNull();
});

describe("Kizilsu's 48 h advance notice (3.3.3)", () => {
  test("does not apply to answering the autonomous region's warning (3.3.2), which no warning can precede", () => {
    expect(guards('orange', 'orange')).toEqual([]);
    expect(guards('yellow', 'orange')).toEqual([]);
  });

  test("applies to a level of the prefecture's own above the region's, and without a regional warning", () => {
    expect(guards('red', 'orange')).toContain('lead-time');
    expect(guards('orange', 'none')).toContain('lead-time');
    expect(guards('orange', 'none', now + 48 * HOUR)).not.toContain('lead-time');
  });
});
