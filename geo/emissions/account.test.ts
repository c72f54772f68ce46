import { describe, expect, it } from 'vitest';
import { type Enterprise, enterpriseSchema } from '../layers/enterprise';
import type { Measure } from '../layers/measure';
import { accountReductions } from './account';
import type { ReductionTargets } from './targets';

// Both plans, 4.3.1(1): 10/20/30 %, SO2 and NOx traded, A-grade and guarantee-class exempt from topping up.
const planTargets: ReductionTargets = {
  percent: { yellow: 10, orange: 20, red: 30 },
  so2NoxTradeOff: true,
  exemptFromToppingUp: ['grade-a', 'guarantee'],
};

const none: Measure = { kind: 'none' };
const stop: Measure = { kind: 'stop' };
const cut = (percent: number): Measure => ({ kind: 'cut', percent });

function enterprise(
  id: string,
  fields: Pick<Enterprise, 'class' | 'emissions'> & { orange: Measure; unitId?: string; trucks?: number },
): Enterprise {
  return enterpriseSchema.parse({
    id,
    name: `enterprise ${id}`,
    unitId: fields.unitId ?? '654002',
    lon: 81.3,
    lat: 43.93,
    industry: 'test',
    class: fields.class,
    emissions: fields.emissions,
    heavyTruckTripsPerDay: fields.trucks ?? 0,
    measures: { yellow: fields.orange, orange: fields.orange, red: fields.orange },
    updatedOn: null,
    synthetic: false,
  });
}

// Seven enterprises in 伊宁市 and one in 奎屯市 (outside the area); every figure below is worked by hand.
const list = [
  enterprise('A1', { class: 'A', emissions: { so2: 10, nox: 30, pm: 5, vocs: 0 }, orange: none }),
  enterprise('B1', { class: 'B', emissions: { so2: 100, nox: 50, pm: 20, vocs: 10 }, orange: cut(30) }),
  enterprise('C1', {
    class: 'C',
    emissions: { so2: 0, nox: 40, pm: 10, vocs: 50 },
    orange: { kind: 'staggered', percent: 10 },
  }),
  enterprise('G1', {
    class: 'guarantee',
    emissions: { so2: 200, nox: 100, pm: 30, vocs: 0 },
    orange: cut(10),
  }),
  enterprise('D1', { class: 'D', emissions: { so2: 5, nox: 5, pm: 20, vocs: 0 }, orange: stop }),
  enterprise('O1', {
    class: 'other',
    emissions: { so2: 0, nox: 0, pm: 2, vocs: 40 },
    orange: { kind: 'transport' },
    trucks: 12,
  }),
  enterprise('S1', {
    class: 'small-micro',
    emissions: { so2: 0, nox: 0, pm: 0.02, vocs: 0.05 },
    orange: { kind: 'transport' },
    trucks: 3,
  }),
  enterprise('K1', {
    class: 'B',
    unitId: '654003',
    emissions: { so2: 1000, nox: 1000, pm: 1000, vocs: 1000 },
    orange: stop,
  }),
];

describe('emission account of an area at orange (Level II, 20 %)', () => {
  const account = accountReductions({
    enterprises: list,
    level: 'orange',
    unitIds: ['654002'],
    targets: planTargets,
  });
  const group = (name: string) => account.groups.find((entry) => entry.group === name)!;

  it('adds up the listed emissions and reductions of the area only', () => {
    expect(account.enterprises.map((entry) => entry.id)).not.toContain('K1');
    expect(account.emissions.so2).toBeCloseTo(315);
    expect(account.emissions.nox).toBeCloseTo(225);
    expect(account.emissions.pm).toBeCloseTo(87.02);
    expect(account.emissions.vocs).toBeCloseTo(100.05);
    expect(account.reduction.so2).toBeCloseTo(55);
    expect(account.reduction.nox).toBeCloseTo(34);
    expect(account.reduction.pm).toBeCloseTo(30);
    expect(account.reduction.vocs).toBeCloseTo(8);
  });

  it('checks SO2+NOx together, and PM and VOCs each, against 20 %', () => {
    expect(group('so2+nox')).toMatchObject({ emissions: 540, reduction: 89, required: 108, met: false });
    expect(group('so2+nox').share).toBeCloseTo(89 / 540);
    expect(group('pm').required).toBeCloseTo(17.404);
    expect(group('pm').met).toBe(true);
    expect(group('vocs').required).toBeCloseTo(20.01);
    expect(group('vocs').met).toBe(false);
    expect(account.met).toBe(false);
  });

  it('counts what the staggered shift and the stop take off, and nothing for transport limits', () => {
    const byId = (id: string) => account.enterprises.find((entry) => entry.id === id)!;
    expect(byId('C1').reduction).toEqual({ so2: 0, nox: 4, pm: 1, vocs: 5 });
    expect(byId('D1').reduction).toEqual({ so2: 5, nox: 5, pm: 20, vocs: 0 });
    expect(byId('O1').reduction).toEqual({ so2: 0, nox: 0, pm: 0, vocs: 0 });
    expect(account.restrictedTruckTripsPerDay).toBe(15);
  });

  it('waives the shortfall of A-grade and guarantee-class enterprises but counts everyone else’s by class', () => {
    const byClass = Object.fromEntries(account.byClass.map((entry) => [entry.class, entry]));
    expect(byClass.A!.waived).toEqual({ 'so2+nox': 8, pm: 1, vocs: 0 });
    expect(byClass.A!.shortfall).toEqual({ 'so2+nox': 0, pm: 0, vocs: 0 });
    expect(byClass.guarantee!.waived).toEqual({ 'so2+nox': 30, pm: 3, vocs: 0 });
    expect(byClass.B!.shortfall).toEqual({ 'so2+nox': 0, pm: 0, vocs: 0 });
    expect(byClass.C!.shortfall).toEqual({ 'so2+nox': 4, pm: 1, vocs: 5 });
    expect(byClass.D!.shortfall).toEqual({ 'so2+nox': 0, pm: 0, vocs: 0 });
    expect(byClass.other!.shortfall.vocs).toBeCloseTo(8);
    expect(byClass.other!.shortfall.pm).toBeCloseTo(0.4);
    expect(byClass['small-micro']!.shortfall.vocs).toBeCloseTo(0.01);
    expect(byClass.guarantee!.reduction.so2).toBe(20);
  });
});

describe('the SO2+NOx trade-off (plans 4.3.1(1))', () => {
  // 10 % at yellow: SO2 is cut by nothing, NOx by 20 %: combined (0 + 20) / 200 = 10 %.
  const traded = [
    enterprise('X', { class: 'other', emissions: { so2: 100, nox: 0, pm: 0, vocs: 0 }, orange: none }),
    enterprise('Y', { class: 'other', emissions: { so2: 0, nox: 100, pm: 0, vocs: 0 }, orange: cut(20) }),
  ];

  it('meets the target when the combined share reaches it although SO2 alone does not', () => {
    const account = accountReductions({
      enterprises: traded,
      level: 'yellow',
      unitIds: ['654002'],
      targets: planTargets,
    });
    expect(account.shares.so2).toBe(0);
    expect(account.shares.nox).toBeCloseTo(0.2);
    expect(account.groups.find((entry) => entry.group === 'so2+nox')).toMatchObject({
      reduction: 20,
      required: 20,
      met: true,
    });
    expect(account.met).toBe(true);
  });

  it('checks each separately when a plan does not allow the trade-off', () => {
    const account = accountReductions({
      enterprises: traded,
      level: 'yellow',
      unitIds: ['654002'],
      targets: { ...planTargets, so2NoxTradeOff: false },
    });
    expect(account.groups.map((entry) => [entry.group, entry.met])).toEqual([
      ['so2', false],
      ['nox', true],
      ['pm', true],
      ['vocs', true],
    ]);
    expect(account.enterprises.find((entry) => entry.id === 'X')!.shortfall.so2).toBe(10);
  });
});
