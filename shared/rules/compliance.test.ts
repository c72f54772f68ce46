import { describe, expect, test } from 'vitest';
import type { WarningLevel } from '../levels';
import { plans } from '../plans/index';
import type { JurisdictionState, RecommendationEntry } from '../state/schema';
import { HOUR } from '../time';
import { complianceFlags, recommendationExplanation } from './compliance';
import type { DailySeries } from './daily-series';
import { formatHour } from './format';
import { applyWarningEvent } from './lifecycle/apply';
import { emptyBook, type WarningBook } from './lifecycle/state';
import { liftingCondition } from './lifting';

const start = Date.parse('2019-12-01T01:00:00+08:00');
const at = (index: number) => start + index * HOUR;
const now = at(72);

function series(overrides: Record<number, number>, length = 160): DailySeries {
  const values = new Float64Array(length).fill(100);
  for (const [index, value] of Object.entries(overrides)) values[Number(index)] = value;
  return { start, values, lastObservedIndex: 72 };
}

/** A warning proposed at `proposedAt`, signed by its whole chain an hour later, effective at `effectiveAt`. */
function issued(
  jurisdiction: 'ili' | 'kizilsu',
  unitId: string,
  level: 'yellow' | 'orange' | 'red',
  proposedAt: number,
  effectiveAt: number,
  status: 'issued' | 'proposed' = 'issued',
): WarningBook {
  const plan = plans[jurisdiction];
  const common = { warningId: 'w1', reason: '会商', citation: plan.leadTime.section };
  let book = emptyBook(plan.id);
  const apply = (event: Parameters<typeof applyWarningEvent>[1]) => {
    const result = applyWarningEvent(book, event);
    if (!result.ok) throw new Error(result.error);
    book = result.state;
  };
  apply({
    ...common,
    type: 'propose',
    at: proposedAt,
    actor: { userId: 'duty', role: 'duty-officer' },
    target: { kind: 'unit', unitId },
    level,
    effectiveAt,
  });
  if (status === 'proposed') return book;
  for (const step of plan.approval[level].steps)
    apply({ ...common, type: 'sign', at: proposedAt + HOUR, actor: { userId: step.role, role: step.role } });
  return book;
}

const kizilsu = plans.kizilsu;
const unit = (data: DailySeries, floor: WarningLevel = 'none') => [
  { target: { kind: 'unit' as const, unitId: '653001' }, series: data, floor },
];

describe('a start due only through hours the engine takes for sand and dust (适用范围, 7)', () => {
  const dusty = series({ 71: 240, 72: 260 });
  const suspected = [{ from: at(70), to: at(72) }];
  const subject = (extra: object) => [
    { target: { kind: 'unit' as const, unitId: '653001' }, series: dusty, ...extra },
  ];

  test("is the office's decision to confirm the dust, with the hours to confirm, not an omission", () => {
    const flags = complianceFlags(kizilsu, emptyBook(kizilsu.id), subject({ suspectedDust: suspected }), now);
    expect(flags).toMatchObject([
      { kind: 'dust-unconfirmed', level: 'yellow', targetKey: 'unit:653001', dustPeriod: suspected[0] },
    ]);
    expect(flags[0]!.explanation.zh).toContain('疑似沙尘待办公室确认');
    expect(flags[0]!.explanation.zh).toContain('达到黄色预警启动条件');
    expect(flags[0]!.explanation.citations).toEqual(expect.arrayContaining(['1.3 适用范围', '7 监督问责']));
  });

  test('is a plain start due without likely dust, and nothing once the office confirmed the hours', () => {
    expect(complianceFlags(kizilsu, emptyBook(kizilsu.id), subject({}), now)).toMatchObject([
      { kind: 'start-due', level: 'yellow' },
    ]);
    const confirmed = { dustPeriods: suspected, suspectedDust: [] };
    expect(complianceFlags(kizilsu, emptyBook(kizilsu.id), subject(confirmed), now)).toEqual([]);
  });

  test('beside it, the lower level that is due whatever the office decides', () => {
    const rising = series({ 48: 230, 72: 240, 96: 350 });
    const flags = complianceFlags(
      kizilsu,
      emptyBook(kizilsu.id),
      [
        {
          target: { kind: 'unit', unitId: '653001' },
          series: rising,
          suspectedDust: [{ from: at(96), to: at(96) }],
        },
      ],
      now,
    );
    expect(flags.map((flag) => [flag.kind, flag.level])).toEqual([
      ['dust-unconfirmed', 'red'],
      ['start-due', 'orange'],
    ]);
  });

  test('stays a start due when the level holds without the likely-dust hours too', () => {
    const haze = series({ 71: 240, 72: 260, 100: 220 });
    const flags = complianceFlags(
      kizilsu,
      emptyBook(kizilsu.id),
      [{ target: { kind: 'unit', unitId: '653001' }, series: haze, suspectedDust: suspected }],
      now,
    );
    expect(flags).toMatchObject([{ kind: 'start-due', level: 'yellow' }]);
  });
});

describe('start conditions met but no warning started (Kizilsu 7)', () => {
  test('flags a yellow condition met now with no warning, keeping since from the previous result', () => {
    const flags = complianceFlags(kizilsu, emptyBook(kizilsu.id), unit(series({ 72: 201 })), now);
    expect(flags).toMatchObject([
      { kind: 'start-due', level: 'yellow', targetKey: 'unit:653001', since: at(72), warningId: null },
    ]);
    expect(flags[0]!.explanation.citations).toContain('7 监督问责');
    const later = complianceFlags(
      kizilsu,
      emptyBook(kizilsu.id),
      unit(series({ 72: 201, 73: 201 }, 161)),
      at(73),
      flags,
    );
    expect(later[0]!.since).toBe(at(72));
  });

  test('within the lead time only: 48 h ahead is due for Kizilsu, 49 h is not yet; Ili 24 h', () => {
    expect(complianceFlags(kizilsu, emptyBook(kizilsu.id), unit(series({ 120: 201 })), now)).toHaveLength(1);
    expect(complianceFlags(kizilsu, emptyBook(kizilsu.id), unit(series({ 121: 201 })), now)).toHaveLength(0);
    const ili = (index: number) =>
      complianceFlags(
        plans.ili,
        emptyBook(plans.ili.id),
        [{ target: { kind: 'unit', unitId: '654002' }, series: series({ [index]: 201 }) }],
        now,
      );
    expect(ili(96)).toHaveLength(1);
    expect(ili(97)).toHaveLength(0);
  });

  test('a warning proposed at that level counts as started', () => {
    const book = issued('kizilsu', '653001', 'yellow', at(70), at(80), 'proposed');
    expect(complianceFlags(kizilsu, book, unit(series({ 72: 201 })), now)).toEqual([]);
  });

  test('upgrade: Kizilsu on forecast alone; Ili only when monitoring already meets it and it persists 24 h', () => {
    const forecastOrange = series({ 90: 210, 114: 210 });
    const kizilsuBook = issued('kizilsu', '653001', 'yellow', at(60), at(62));
    // A yellow in force with orange due is an upgrade due (issue 15 item 7), not "none is started".
    const [upgrade] = complianceFlags(kizilsu, kizilsuBook, unit(forecastOrange), now);
    expect(upgrade).toMatchObject({
      kind: 'upgrade-due',
      level: 'yellow',
      toLevel: 'orange',
      warningId: 'w1',
    });
    expect(upgrade!.explanation.en).toMatch(
      /^A yellow warning is in force and the orange warning condition holds from 2019-/,
    );
    expect(upgrade!.explanation.en).not.toContain('none is started');
    const iliBook = issued('ili', '654002', 'yellow', at(60), at(62));
    const ili = (data: DailySeries) =>
      complianceFlags(
        plans.ili,
        iliBook,
        [{ target: { kind: 'unit', unitId: '654002' }, series: data }],
        now,
      );
    expect(ili(forecastOrange)).toEqual([]);
    expect(ili(series({ 48: 210, 72: 210, 96: 210 }))).toMatchObject([
      { kind: 'upgrade-due', level: 'yellow', toLevel: 'orange' },
    ]);
  });
});

describe('lifting conditions met but not lifted, and warnings without grounds', () => {
  const book = issued('kizilsu', '653001', 'yellow', at(50), at(60));

  test('36 clean forecast hours from now: lift due since the clean run began; 35 hours are not enough', () => {
    // Yellow held at window 70 only; windows 71… are clean. 108 windows reach now + 35 h, 107 stop one short.
    expect(complianceFlags(kizilsu, book, unit(series({ 70: 201 }, 108)), now)).toMatchObject([
      { kind: 'lift-due', level: 'yellow', toLevel: 'none', since: at(71) },
    ]);
    expect(complianceFlags(kizilsu, book, unit(series({ 70: 201 }, 107)), now)).toEqual([]);
  });

  test('a level whose condition stopped holding before it came into force is clean since it came into force', () => {
    // Yellow held at window 55 only (after the proposal at 50), the warning took effect at 60: clean since 60, in the flag and in the
    // card's lifting check alike (the series' clean run reaches back to window 56).
    const flags = complianceFlags(kizilsu, book, unit(series({ 55: 201 }, 108)), now);
    expect(flags).toMatchObject([{ kind: 'lift-due', since: at(60) }]);
    const check = liftingCondition(kizilsu, series({ 55: 201 }, 108), 'yellow', now, at(60));
    expect(check).toMatchObject({ met: true, cleanFrom: at(60) });
    expect(check.explanation.zh).toContain(`自${formatHour(at(60))}起不再成立`);
    expect(liftingCondition(kizilsu, series({ 55: 201 }, 108), 'yellow', now).cleanFrom).toBe(at(56));
  });

  test('orange no longer met for 36 h while yellow still is: lower due', () => {
    const orange = issued('kizilsu', '653001', 'orange', at(30), at(40));
    const flags = complianceFlags(kizilsu, orange, unit(series({ 40: 210, 64: 210, 90: 201 })), now);
    expect(flags).toMatchObject([{ kind: 'lower-due', level: 'orange', toLevel: 'yellow', since: at(65) }]);
  });

  test('an issued warning whose condition never held since its proposal has no grounds, unless a region covers it', () => {
    expect(complianceFlags(kizilsu, book, unit(series({})), now)).toMatchObject([
      { kind: 'without-grounds', level: 'yellow', since: at(50) },
    ]);
    expect(complianceFlags(kizilsu, book, unit(series({}), 'yellow'), now)).toEqual([]);
  });

  test('a warning raised without grounds answers for the raised level since the raise was asked for', () => {
    // Yellow held at 55, so the yellow proposal at 50 had grounds; orange, asked for at 64, never held.
    let raised = book;
    const common = { warningId: 'w1', reason: '会商', citation: kizilsu.leadTime.section };
    for (const event of [
      {
        ...common,
        type: 'change' as const,
        at: at(64),
        actor: { userId: 'duty', role: 'duty-officer' as const },
        level: 'orange' as const,
        effectiveAt: at(66),
      },
      ...kizilsu.approval.orange.steps.map((step) => ({
        ...common,
        type: 'sign' as const,
        at: at(65),
        actor: { userId: step.role, role: step.role },
      })),
    ]) {
      const result = applyWarningEvent(raised, event);
      if (!result.ok) throw new Error(result.error);
      raised = result.state;
    }
    const [flag] = complianceFlags(kizilsu, raised, unit(series({ 55: 201 })), now);
    expect(flag).toMatchObject({ kind: 'without-grounds', level: 'orange', since: at(64) });
    expect(flag!.explanation.zh).toContain(`自${formatHour(at(64))}提出以来`);
  });
});

describe('regional floors', () => {
  test('Kizilsu: an autonomous-region regional warning requires a prefecture warning at no lower level (3.3.2)', () => {
    const flags = complianceFlags(kizilsu, emptyBook(kizilsu.id), unit(series({}), 'orange'), now);
    expect(flags).toMatchObject([{ kind: 'start-due', level: 'orange', since: now }]);
    expect(flags[0]!.explanation.citations).toEqual(['3.3.2 预警启动', '7 监督问责']);
    const answered = issued('kizilsu', '653001', 'orange', at(60), at(62));
    expect(complianceFlags(kizilsu, answered, unit(series({}), 'orange'), now)).toEqual([]);
  });

  test('Kizilsu: the response to the autonomous region is due since that warning was issued, not since first seen', () => {
    const subject = [{ ...unit(series({}), 'orange')[0]!, floorSince: at(50) }];
    expect(complianceFlags(kizilsu, emptyBook(kizilsu.id), subject, now)).toMatchObject([
      { kind: 'start-due', level: 'orange', since: at(50) },
    ]);
  });

  test('Ili: a member of an issued regional warning at its level needs no warning of its own (3.3.3)', () => {
    const plan = plans.ili;
    let book = emptyBook(plan.id);
    const common = { warningId: 'r1', reason: '区域会商', citation: '3.3.3 预警启动' };
    const events = [
      {
        ...common,
        type: 'propose' as const,
        at: at(40),
        actor: { userId: 'duty', role: 'duty-officer' as const },
        target: { kind: 'region' as const, regionId: 'r1', members: ['654002', '654021', '654022'] },
        level: 'yellow' as const,
        effectiveAt: at(70),
      },
      {
        ...common,
        type: 'sign' as const,
        at: at(41),
        actor: { userId: 'director', role: 'office-director' as const },
      },
    ];
    for (const event of events) {
      const result = applyWarningEvent(book, event);
      if (!result.ok) throw new Error(result.error);
      book = result.state;
    }
    const member = (unitId: string) =>
      complianceFlags(plan, book, [{ target: { kind: 'unit', unitId }, series: series({ 72: 201 }) }], now);
    expect(member('654021')).toEqual([]);
    expect(member('654023')).toMatchObject([{ kind: 'start-due', level: 'yellow' }]);
  });

  test('Ili: a region meeting a level is due a regional warning unless every member already responds at it', () => {
    const plan = plans.ili;
    const region = {
      target: {
        kind: 'region' as const,
        regionId: 'region:654002+654021+654022',
        members: ['654002', '654021', '654022'],
      },
      series: series({ 72: 201 }),
    };
    // The members' averaged series exceeds 200 now: a yellow regional warning is due (3.3.3, lead time 24 h).
    expect(complianceFlags(plan, emptyBook(plan.id), [region], now)).toMatchObject([
      { kind: 'start-due', level: 'yellow', targetKey: 'region:region:654002+654021+654022' },
    ]);
    // Two members under their own yellow warnings are not enough; all three are.
    let book = emptyBook(plan.id);
    for (const [index, unitId] of ['654002', '654021', '654022'].entries()) {
      const common = { warningId: `w-${unitId}`, reason: '会商', citation: plan.leadTime.section };
      const events = [
        {
          ...common,
          type: 'propose' as const,
          at: at(40 + 2 * index),
          actor: { userId: 'duty', role: 'duty-officer' as const },
          target: { kind: 'unit' as const, unitId },
          level: 'yellow' as const,
          effectiveAt: at(70),
        },
        ...plan.approval.yellow.steps.map((step) => ({
          ...common,
          type: 'sign' as const,
          at: at(41 + 2 * index),
          actor: { userId: step.role, role: step.role },
        })),
      ];
      for (const event of events) {
        const result = applyWarningEvent(book, event);
        if (!result.ok) throw new Error(result.error);
        book = result.state;
      }
      const flags = complianceFlags(plan, book, [region], now);
      expect(flags.length).toBe(index < 2 ? 1 : 0);
    }
  });
});

describe('the grounds shown with a recommendation entry', () => {
  const own = {
    zh: '不建议发布预警：各级预警条件均不成立（3.3.1 预警分级）。',
    en: 'No warning.',
    citations: ['3.3.1'],
  };
  const unit = (recommendedLevel: 'none' | 'orange', regionFloor: 'none' | 'orange') =>
    ({ id: '653024', recommendedLevel, regionFloor, explanation: own }) as JurisdictionState['units'][number];
  const entry: RecommendationEntry = {
    kind: 'unit',
    unitId: '653024',
    members: ['653024'],
    level: 'orange',
    averageDailyAqi: 33,
  };

  test("a Kizilsu unit listed at the autonomous region's floor, above its own level, gives the floor as grounds, not its own 'no warning'", () => {
    const grounds = recommendationExplanation(
      plans.kizilsu,
      { regions: [], units: [unit('none', 'orange')] },
      entry,
    );
    expect(grounds?.zh).toBe(
      '自治区已启动橙色预警区域预警，应启动不低于该级别的应急响应（3.3.2 预警启动）。',
    );
    expect(grounds?.citations).toEqual(['3.3.2 预警启动']);
  });

  test('a unit at its own level keeps its own grounds', () => {
    expect(
      recommendationExplanation(plans.kizilsu, { regions: [], units: [unit('orange', 'orange')] }, entry),
    ).toBe(own);
  });
});
