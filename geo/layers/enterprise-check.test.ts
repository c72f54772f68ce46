import { describe, expect, it } from 'vitest';
import type { DieselZone } from './diesel-zone';
import { zoneActive } from './diesel-zone';
import {
  compliance,
  type EnterpriseCheck,
  enterpriseCheckInputSchema,
  enterpriseCompliance,
  measureDue,
  type Observed,
} from './enterprise-check';
import type { Measure } from './measure';

// An orange level that came into force at 08:00 Beijing on 4 January 2019.
const levelSince = Date.parse('2019-01-04T08:00:00+08:00');
const after = levelSince + 3_600_000;

function check(observed: Observed, loadPercent: number | null = null, checkedAt = after): EnterpriseCheck {
  return {
    enterpriseId: 'ili-ent-001',
    jurisdiction: 'ili',
    observed,
    loadPercent,
    note: null,
    checkedAt,
    checkedBy: 'duty-officer',
  };
}

const statusOf = (measure: Measure, found: EnterpriseCheck | null) =>
  compliance(measure, found, 'orange', levelSince).status;

const cut30: Measure = { kind: 'cut', percent: 30 };

describe('cut X % (限产): the load seen may be at most 100 − X % of normal, or the plant stopped', () => {
  it('a 30 % cut is met at 70 % load and at 50 %, not at 71 %', () => {
    expect(statusOf(cut30, check('reduced', 70))).toBe('complying');
    expect(statusOf(cut30, check('reduced', 50))).toBe('complying');
    expect(statusOf(cut30, check('reduced', 71))).toBe('not-complying');
  });

  it('a 33.3 % cut is met at 66.7 % load (the limit is 66.7, not 66.69999…)', () => {
    expect(statusOf({ kind: 'cut', percent: 33.3 }, check('reduced', 66.7))).toBe('complying');
  });

  it('stopping meets a cut; normal, staggered or trucks restricted do not', () => {
    expect(statusOf(cut30, check('stopped'))).toBe('complying');
    expect(statusOf(cut30, check('normal'))).toBe('not-complying');
    expect(statusOf(cut30, check('staggered'))).toBe('not-complying');
    expect(statusOf(cut30, check('trucks-restricted'))).toBe('not-complying');
  });

  it('says in Chinese what was asked and what was seen', () => {
    expect(compliance(cut30, check('reduced', 80), 'orange', levelSince).reasonZh).toBe(
      '应限产30%（负荷应不高于70%），检查为限产（负荷80%），未落实',
    );
    expect(compliance(cut30, check('reduced', 60), 'orange', levelSince).reasonZh).toBe(
      '应限产30%，检查为限产（负荷60%），已落实',
    );
    expect(compliance(cut30, check('reduced', 80), 'orange', levelSince).reasonEn).toBe(
      'must cut output by 30% (load at most 70%); checked: reduced load (80%), not carried out',
    );
  });
});

describe('stop (停产), staggered (错峰生产) and transport (运输管控)', () => {
  it('stop is met only by stopped; a 0 % load reported as reduced is not a stop', () => {
    const stop: Measure = { kind: 'stop' };
    expect(statusOf(stop, check('stopped'))).toBe('complying');
    expect(statusOf(stop, check('reduced', 0))).toBe('not-complying');
    expect(statusOf(stop, check('staggered'))).toBe('not-complying');
    expect(statusOf(stop, check('normal'))).toBe('not-complying');
  });

  it('staggered is met by staggered or stopped', () => {
    const staggered: Measure = { kind: 'staggered', percent: 50 };
    expect(statusOf(staggered, check('staggered'))).toBe('complying');
    expect(statusOf(staggered, check('stopped'))).toBe('complying');
    expect(statusOf(staggered, check('reduced', 40))).toBe('not-complying');
    expect(statusOf(staggered, check('normal'))).toBe('not-complying');
  });

  it('transport is met by trucks restricted or stopped', () => {
    const transport: Measure = { kind: 'transport' };
    expect(statusOf(transport, check('trucks-restricted'))).toBe('complying');
    expect(statusOf(transport, check('stopped'))).toBe('complying');
    expect(statusOf(transport, check('reduced', 10))).toBe('not-complying');
    expect(statusOf(transport, check('normal'))).toBe('not-complying');
  });
});

describe('nothing required, no check, or a check from before the level', () => {
  it('no measure at the level, or no level in force, is not required even with a normal-production check', () => {
    expect(statusOf({ kind: 'none' }, check('normal'))).toBe('not-required');
    expect(compliance(cut30, check('normal'), 'none', levelSince).status).toBe('not-required');
    expect(compliance(cut30, null, 'none', levelSince).reasonZh).toBe('无生效预警，无需落实减排措施');
  });

  it('without a check a required measure is unchecked', () => {
    expect(compliance(cut30, null, 'orange', levelSince)).toEqual({
      status: 'unchecked',
      reasonZh: '应限产30%，尚无检查记录',
      reasonEn: 'must cut output by 30%; no check recorded yet',
    });
  });

  it('a check an hour before the level came into force does not count; one at that very hour does', () => {
    expect(statusOf(cut30, check('stopped', null, levelSince - 3_600_000))).toBe('unchecked');
    expect(statusOf(cut30, check('normal', null, levelSince - 3_600_000))).toBe('unchecked');
    expect(statusOf(cut30, check('stopped', null, levelSince))).toBe('complying');
  });
});

describe('the recorded check', () => {
  const valid = { jurisdiction: 'ili', enterpriseId: 'ili-ent-001', observed: 'reduced', loadPercent: 70 };
  const fields = (body: unknown) => {
    const result = enterpriseCheckInputSchema.safeParse(body);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('needs the load with reduced, and only then, between 0 and 100 %', () => {
    expect(fields(valid)).toEqual([]);
    expect(fields({ ...valid, loadPercent: undefined })).toEqual(['loadPercent']);
    expect(fields({ ...valid, loadPercent: 120 })).toEqual(['loadPercent']);
    expect(fields({ ...valid, loadPercent: -1 })).toEqual(['loadPercent']);
    expect(fields({ ...valid, observed: 'stopped' })).toEqual(['loadPercent']);
    expect(fields({ ...valid, observed: 'stopped', loadPercent: undefined })).toEqual([]);
    expect(fields({ ...valid, observed: 'closed' })).toEqual(['observed']);
  });
});

describe('diesel zones (plans 4.3.1.2)', () => {
  const zone = (fromLevel: DieselZone['fromLevel'], timeWindows: string[]) => ({ fromLevel, timeWindows });
  const lateEvening = Date.parse('2019-01-06T23:30:00+08:00');
  const noon = Date.parse('2019-01-06T12:00:00+08:00');

  it('apply from their level upward', () => {
    expect(zoneActive(zone('orange', ['00:00-24:00']), 'yellow', noon)).toBe(false);
    expect(zoneActive(zone('orange', ['00:00-24:00']), 'orange', noon)).toBe(true);
    expect(zoneActive(zone('orange', ['00:00-24:00']), 'red', noon)).toBe(true);
  });

  it('only inside their Beijing-time windows, including one over midnight', () => {
    expect(zoneActive(zone('yellow', ['07:00-22:00']), 'red', noon)).toBe(true);
    expect(zoneActive(zone('yellow', ['07:00-22:00']), 'red', lateEvening)).toBe(false);
    expect(zoneActive(zone('yellow', ['22:00-06:00']), 'red', lateEvening)).toBe(true);
    expect(zoneActive(zone('yellow', ['22:00-06:00']), 'red', noon)).toBe(false);
  });
});

describe('an enterprise at its level in force (plans 4.3.1.1)', () => {
  const enterprise = {
    measures: { yellow: { kind: 'none' }, orange: { kind: 'cut', percent: 30 }, red: { kind: 'stop' } },
  } as const;

  it('has a measure due at levels whose list asks something', () => {
    expect(measureDue(enterprise, 'none')).toBe(false);
    expect(measureDue(enterprise, 'yellow')).toBe(false);
    expect(measureDue(enterprise, 'orange')).toBe(true);
    expect(measureDue(enterprise, 'red')).toBe(true);
  });

  it('is checked against the measure of its level, from when that level began', () => {
    expect(enterpriseCompliance(enterprise, 'orange', levelSince, check('reduced', 60)).status).toBe(
      'complying',
    );
    expect(enterpriseCompliance(enterprise, 'red', levelSince, check('reduced', 60)).status).toBe(
      'not-complying',
    );
    expect(enterpriseCompliance(enterprise, 'yellow', levelSince, check('normal')).status).toBe(
      'not-required',
    );
    // When the level's start is not known, no check counts.
    expect(enterpriseCompliance(enterprise, 'orange', null, check('reduced', 60)).status).toBe('unchecked');
  });
});
