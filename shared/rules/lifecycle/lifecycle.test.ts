import { describe, expect, test } from 'vitest';
import { plans } from '../../plans/index';
import type { Role } from '../../plans/schema';
import { HOUR } from '../../time';
import { type ApplyResult, applyWarningEvent, foldWarningEvents } from './apply';
import { eventCitation } from './citations';
import { levelInForce, responseFloor, statusAt } from './queries';
import { type WarningEvent, warningEventSchema } from './schema';

type ProposeEvent = Extract<WarningEvent, { type: 'propose' }>;

import { emptyBook, targetKey, targetOfKey, type WarningBook } from './state';

const t0 = Date.parse('2019-12-01T08:00:00+08:00');
const hours = (count: number) => t0 + count * HOUR;
const actor = (role: Role, userId: string = role) => ({ userId, role });
const common = { reason: '会商研判', citation: '3.3.3' };

function propose(
  level: 'yellow' | 'orange' | 'red',
  effectiveAt = hours(60),
  unitId = '653001',
  at = t0,
): ProposeEvent {
  return {
    ...common,
    type: 'propose',
    warningId: 'w1',
    at,
    actor: actor('duty-officer'),
    target: { kind: 'unit', unitId },
    level,
    effectiveAt,
  };
}
const sign = (role: Role, at = t0 + HOUR, warningId = 'w1', userId: string = role): WarningEvent => ({
  ...common,
  type: 'sign',
  warningId,
  at,
  actor: actor(role, userId),
});

function ok(result: ApplyResult): WarningBook {
  if (!result.ok) throw new Error(result.error);
  return result.state;
}
function run(planId: string, events: WarningEvent[]): WarningBook {
  return events.reduce((state, event) => ok(applyWarningEvent(state, event)), emptyBook(planId));
}
function error(state: WarningBook, event: WarningEvent): string {
  const result = applyWarningEvent(state, event);
  if (result.ok) throw new Error('expected the event to be refused');
  return result.error;
}

describe.each([
  [
    'kizilsu-2024',
    '653001',
    {
      yellow: ['office-director'],
      orange: ['office-director', 'deputy-commander'],
      red: ['office-director', 'deputy-commander', 'commander'],
    },
  ],
  [
    'ili-2023',
    '654002',
    {
      yellow: ['office-director'],
      orange: ['office-director', 'commander'],
      red: ['office-director', 'first-deputy-commander', 'commander'],
    },
  ],
] as const)('approval chains of %s', (planId, unitId, chains) => {
  for (const level of ['yellow', 'orange', 'red'] as const) {
    test(`${level}: ${chains[level].join(' → ')} issues it; nothing else does`, () => {
      const roles = chains[level] as readonly Role[];
      let state = run(planId, [propose(level, hours(60), unitId)]);
      expect(state.warnings.w1!.status).toBe('proposed');
      for (const [index, role] of roles.entries()) {
        expect(error(state, sign('press'))).toContain('does not sign');
        if (index + 1 < roles.length) expect(error(state, sign(roles[index + 1]!))).toContain('wrong order');
        state = ok(applyWarningEvent(state, sign(role)));
      }
      const warning = state.warnings.w1!;
      expect(warning.status).toBe('issued');
      expect(warning.segments).toEqual([{ level, from: hours(60) }]);
      expect(statusAt(warning, hours(59))).toBe('issued');
      expect(statusAt(warning, hours(60))).toBe('active');
      expect(levelInForce(warning, hours(60))).toBe(level);
    });
  }
});

describe('lifecycle rules', () => {
  test('signing twice, proposing as a commander, rejecting from outside the chain are refused', () => {
    const state = run('kizilsu-2024', [propose('red'), sign('office-director', t0 + HOUR, 'w1', 'lin')]);
    expect(state.warnings.w1!.status).toBe('under-approval');
    expect(error(state, sign('office-director', t0 + 2 * HOUR, 'w1', 'lin'))).toContain('already signed');
    expect(
      error(state, { ...propose('red'), warningId: 'w2', at: t0 + 2 * HOUR, actor: actor('commander') }),
    ).toContain('cannot propose');
    expect(
      error(state, { ...common, type: 'reject', warningId: 'w1', at: t0 + 2 * HOUR, actor: actor('press') }),
    ).toContain('not in the red chain');
  });

  test('any role of the chain rejects with a reason; a rejected warning takes no more events', () => {
    const state = run('kizilsu-2024', [
      propose('orange'),
      sign('office-director'),
      {
        ...common,
        reason: '预测不支持',
        type: 'reject',
        warningId: 'w1',
        at: t0 + 2 * HOUR,
        actor: actor('deputy-commander'),
      },
    ]);
    expect(state.warnings.w1!.status).toBe('rejected');
    expect(state.warnings.w1!.history.at(-1)).toMatchObject({ outcome: 'rejected', reason: '预测不支持' });
    expect(error(state, sign('deputy-commander', t0 + 3 * HOUR))).toContain('rejected');
  });

  test('Kizilsu lead time: 48 h between issue and start is enough, 47 h is short (3.3.3)', () => {
    const enough = run('kizilsu-2024', [propose('yellow', hours(49)), sign('office-director', hours(1))]);
    expect(enough.warnings.w1!.leadTime).toMatchObject({ requiredHours: 48, actualHours: 48, short: false });
    const short = run('kizilsu-2024', [propose('yellow', hours(48)), sign('office-director', hours(1))]);
    expect(short.warnings.w1!.leadTime).toMatchObject({
      actualHours: 47,
      short: true,
      citation: '3.3.3 预警发布',
    });
  });

  test('Ili lead time is for regional warnings, counted from the proposal: 24 h ok, 23 h short (3.2)', () => {
    const region = (effectiveAt: number): WarningEvent => ({
      ...propose('yellow', effectiveAt),
      target: { kind: 'region', regionId: 'r1', members: ['654002', '654021', '654022'] },
    });
    expect(run('ili-2023', [region(hours(24)), sign('office-director')]).warnings.w1!.leadTime!.short).toBe(
      false,
    );
    expect(run('ili-2023', [region(hours(23)), sign('office-director')]).warnings.w1!.leadTime!.short).toBe(
      true,
    );
    expect(
      run('ili-2023', [propose('yellow', hours(2), '654002'), sign('office-director')]).warnings.w1!.leadTime,
    ).toBeNull();
  });

  test('approved after its proposed effective time, a level starts at its approval, not before it', () => {
    // Proposed at 08:00 to start at 10:00, approved at 13:00: in force from 13:00, the lead time counted so.
    const late = run('kizilsu-2024', [propose('yellow', hours(2)), sign('office-director', hours(5))]);
    expect(late.warnings.w1!.segments).toEqual([{ level: 'yellow', from: hours(5) }]);
    expect(levelInForce(late.warnings.w1!, hours(4))).toBe('none');
    expect(late.warnings.w1!.leadTime).toMatchObject({ actualHours: 0, short: true });
    // Approved before it: it starts when proposed to.
    const early = run('kizilsu-2024', [propose('yellow', hours(2)), sign('office-director', hours(1))]);
    expect(early.warnings.w1!.segments).toEqual([{ level: 'yellow', from: hours(2) }]);
  });

  test('raising follows the target level chain; the old level stays in force until approved', () => {
    let state = run('ili-2023', [propose('yellow', hours(2), '654002'), sign('office-director')]);
    state = ok(
      applyWarningEvent(state, {
        ...common,
        type: 'change',
        warningId: 'w1',
        at: hours(10),
        actor: actor('duty-officer'),
        level: 'red',
        effectiveAt: hours(12),
      }),
    );
    expect(state.warnings.w1!.pending).toMatchObject({ kind: 'raise', level: 'red' });
    state = ok(applyWarningEvent(state, sign('office-director', hours(10))));
    state = ok(applyWarningEvent(state, sign('first-deputy-commander', hours(11))));
    expect(levelInForce(state.warnings.w1!, hours(12))).toBe('yellow');
    state = ok(applyWarningEvent(state, sign('commander', hours(11))));
    expect(levelInForce(state.warnings.w1!, hours(11))).toBe('yellow');
    expect(levelInForce(state.warnings.w1!, hours(12))).toBe('red');
    expect(state.warnings.w1!.history.at(-1)!.outcome).toBe('raised');
  });

  test('lowering red to yellow needs only the yellow chain (the office director)', () => {
    let state = run('kizilsu-2024', [
      propose('red'),
      sign('office-director'),
      sign('deputy-commander'),
      sign('commander'),
    ]);
    state = ok(
      applyWarningEvent(state, {
        ...common,
        type: 'change',
        warningId: 'w1',
        at: hours(70),
        actor: actor('office-director'),
        level: 'yellow',
        effectiveAt: hours(72),
      }),
    );
    state = ok(applyWarningEvent(state, sign('office-director', hours(71), 'w1', 'another-director')));
    expect(levelInForce(state.warnings.w1!, hours(72))).toBe('yellow');
    expect(state.warnings.w1!.history.at(-1)!.outcome).toBe('lowered');
  });

  test('the office lifts directly; a commander cannot; a lifted warning takes no more events', () => {
    const issued = run('kizilsu-2024', [
      propose('orange'),
      sign('office-director'),
      sign('deputy-commander'),
    ]);
    const lift = (role: Role): WarningEvent => ({
      ...common,
      citation: '3.3.5',
      type: 'lift',
      warningId: 'w1',
      at: hours(80),
      actor: actor(role),
    });
    expect(error(issued, lift('commander'))).toContain('cannot lift');
    const lifted = ok(applyWarningEvent(issued, lift('duty-officer')));
    expect(lifted.warnings.w1).toMatchObject({ status: 'lifted', liftedAt: hours(80) });
    expect(levelInForce(lifted.warnings.w1!, hours(81))).toBe('none');
    expect(error(lifted, sign('office-director', hours(81)))).toContain('was lifted');
  });

  test('a new episode within 35 h of lifting is the same episode and may not start lower; 36 h later it may', () => {
    const lifted = run('kizilsu-2024', [
      propose('orange'),
      sign('office-director'),
      sign('deputy-commander'),
      { ...common, type: 'lift', warningId: 'w1', at: hours(80), actor: actor('duty-officer') },
    ]);
    const again = (level: 'yellow' | 'orange', effectiveAt: number): WarningEvent => ({
      ...propose(level, effectiveAt),
      warningId: 'w2',
      at: hours(81),
    });
    expect(error(lifted, again('yellow', hours(115)))).toContain('at least orange');
    expect(ok(applyWarningEvent(lifted, again('orange', hours(115)))).warnings.w2).toMatchObject({
      episodeId: 'w1',
      mergedFrom: 'w1',
    });
    expect(ok(applyWarningEvent(lifted, again('yellow', hours(116)))).warnings.w2).toMatchObject({
      episodeId: 'w2',
      mergedFrom: null,
    });
  });

  test('a region member kept below the region level is an explicit, reasoned override (Ili 4.2)', () => {
    const members = ['654002', '654021', '654022'];
    const region: WarningEvent = {
      ...propose('orange', hours(30)),
      target: { kind: 'region', regionId: 'r1', members },
    };
    const state = run('ili-2023', [region, sign('office-director'), sign('commander')]);
    const override = (role: Role, level: 'yellow' | 'orange'): WarningEvent => ({
      ...common,
      reason: '本地污染较轻',
      citation: '4.2 应急响应启动',
      type: 'override',
      warningId: 'w1',
      at: hours(2),
      actor: actor(role),
      unitId: '654021',
      level,
    });
    expect(error(state, override('duty-officer', 'yellow'))).toContain('cannot keep');
    expect(error(state, override('commander', 'orange'))).toContain('not lower');
    const kept = ok(applyWarningEvent(state, override('commander', 'yellow')));
    expect(responseFloor(kept, '654021', hours(31))).toBe('yellow');
    expect(responseFloor(kept, '654002', hours(31))).toBe('orange');
    expect(responseFloor(kept, '654002', hours(29))).toBe('none');
    expect(
      error(emptyBook('kizilsu-2024'), {
        ...region,
        target: { kind: 'region', regionId: 'r1', members: ['653001', '653022', '653023'] },
      }),
    ).toContain('no own regional');
  });

  test('events may not go back in time; a replay refuses the same events with the same reasons', () => {
    const events: WarningEvent[] = [
      propose('yellow'),
      sign('office-director', t0 - HOUR),
      sign('commander', t0 + HOUR),
      sign('office-director', t0 + 2 * HOUR),
    ];
    const { state, refused } = foldWarningEvents(emptyBook('kizilsu-2024'), events);
    expect(refused.map((entry) => entry.index)).toEqual([1, 2]);
    expect(refused[0]!.error).toContain('before the last recorded event');
    expect(state.warnings.w1!.status).toBe('issued');
    expect(foldWarningEvents(emptyBook('kizilsu-2024'), events).state).toEqual(state);
  });

  test('payloads are parsed: a missing reason or an unknown role names the field', () => {
    const parsed = warningEventSchema.safeParse({ ...sign('office-director'), reason: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['reason']);
    const role = warningEventSchema.safeParse({
      ...sign('office-director'),
      actor: { userId: 'x', role: 'mayor' },
    });
    expect(role.error!.issues[0]!.path).toEqual(['actor', 'role']);
  });
});

describe('default citations', () => {
  test('each event cites the section it acts under', () => {
    expect(eventCitation(plans.kizilsu, 'sign', 'red')).toBe('3.3.3 预警发布');
    expect(eventCitation(plans.kizilsu, 'lift')).toBe('3.3.5 级别调整和解除');
    expect(eventCitation(plans.ili, 'propose', 'orange')).toBe('3.3.4 预警发布');
    expect(eventCitation(plans.ili, 'override')).toBe('4.2 应急响应启动');
    expect(eventCitation(plans.ili, 'confirm-dust')).toBe('1.4 适用范围');
  });
});

test('a target key names its unit, or its region by the members the region was found with', () => {
  expect(targetOfKey(targetKey({ kind: 'unit', unitId: '653001' }))).toEqual({
    kind: 'unit',
    members: ['653001'],
  });
  const members = ['654002', '654021', '654023'];
  const regionId = `region:${members.join('+')}`;
  expect(targetOfKey(targetKey({ kind: 'region', regionId, members }))).toEqual({ kind: 'region', members });
});
