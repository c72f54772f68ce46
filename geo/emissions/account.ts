import {
  type Emissions,
  type Enterprise,
  type EnterpriseClass,
  enterpriseClasses,
  type ResponseLevel,
} from '../layers/enterprise';
import type { Measure } from '../layers/measure';
import { groupTotal, type PollutantGroup, pollutantGroups } from './groups';
import { addEmissions, enterpriseReduction, noEmissions } from './reduction';
import type { ReductionTargets } from './targets';

/** Per pollutant group, in t/a. */
export type GroupAmounts = Partial<Record<PollutantGroup, number>>;

export interface EnterpriseAccount {
  id: string;
  name: string;
  unitId: string;
  class: EnterpriseClass;
  measure: Measure;
  reduction: Emissions;
  /** Exempt from topping up (plans 4.3.1(1)): its shortfall is waived, its reductions still count. */
  exempt: boolean;
  /** What it still has to take off to reach the target share of its own emissions. */
  shortfall: GroupAmounts;
  waived: GroupAmounts;
}

export interface GroupAccount {
  group: PollutantGroup;
  emissions: number;
  reduction: number;
  required: number;
  /** Reduction over emissions; null when the area emits none of it. */
  share: number | null;
  met: boolean;
}

export interface ClassAccount {
  class: EnterpriseClass;
  enterprises: number;
  reduction: Emissions;
  shortfall: GroupAmounts;
  waived: GroupAmounts;
}

export interface ReductionAccount {
  level: ResponseLevel;
  targetPercent: number;
  emissions: Emissions;
  reduction: Emissions;
  /** SO2 and NOx shares on their own, shown beside the combined rule. */
  shares: Record<keyof Emissions, number | null>;
  groups: GroupAccount[];
  met: boolean;
  enterprises: EnterpriseAccount[];
  byClass: ClassAccount[];
  /** Heavy-truck trips a day under transport restrictions (plans 4.3.1.2); not counted in stack reductions. */
  restrictedTruckTripsPerDay: number;
}

const exemptClass = { 'grade-a': 'A', guarantee: 'guarantee' } as const;

/**
 * The emission account of an area (any set of unit ids: a unit, a region, a jurisdiction) at a level: what
 * each listed enterprise's measure removes, the total against the plan's target share of the listed total
 * (plans 4.3.1(1)), and who falls short. The base is the list's industrial emissions, not all of society's.
 */
export function accountReductions(input: {
  enterprises: readonly Enterprise[];
  level: ResponseLevel;
  unitIds: Iterable<string>;
  targets: ReductionTargets;
}): ReductionAccount {
  const area = new Set(input.unitIds);
  const target = input.targets.percent[input.level] / 100;
  const groups = pollutantGroups(input.targets.so2NoxTradeOff);
  const exempt = new Set<EnterpriseClass>(input.targets.exemptFromToppingUp.map((name) => exemptClass[name]));
  const inArea = input.enterprises.filter((enterprise) => area.has(enterprise.unitId));
  const enterprises = inArea.map((enterprise): EnterpriseAccount => {
    const reduction = enterpriseReduction(enterprise, input.level);
    const isExempt = exempt.has(enterprise.class);
    const gaps = Object.fromEntries(
      groups.map(({ group, pollutants }) => [
        group,
        Math.max(
          0,
          target * groupTotal(enterprise.emissions, pollutants) - groupTotal(reduction, pollutants),
        ),
      ]),
    );
    const none = Object.fromEntries(groups.map(({ group }) => [group, 0]));
    return {
      id: enterprise.id,
      name: enterprise.name,
      unitId: enterprise.unitId,
      class: enterprise.class,
      measure: enterprise.measures[input.level],
      reduction,
      exempt: isExempt,
      shortfall: isExempt ? none : gaps,
      waived: isExempt ? gaps : none,
    };
  });
  const emissions = inArea.reduce((sum, enterprise) => addEmissions(sum, enterprise.emissions), noEmissions);
  const reduction = enterprises.reduce((sum, account) => addEmissions(sum, account.reduction), noEmissions);
  const groupAccounts = groups.map(({ group, pollutants }): GroupAccount => {
    const total = groupTotal(emissions, pollutants);
    const removed = groupTotal(reduction, pollutants);
    return {
      group,
      emissions: total,
      reduction: removed,
      required: target * total,
      share: total > 0 ? removed / total : null,
      met: removed >= target * total,
    };
  });
  return {
    level: input.level,
    targetPercent: input.targets.percent[input.level],
    emissions,
    reduction,
    shares: {
      so2: shareOf(reduction.so2, emissions.so2),
      nox: shareOf(reduction.nox, emissions.nox),
      pm: shareOf(reduction.pm, emissions.pm),
      vocs: shareOf(reduction.vocs, emissions.vocs),
    },
    groups: groupAccounts,
    met: groupAccounts.every((group) => group.met),
    enterprises,
    byClass: byClass(enterprises),
    restrictedTruckTripsPerDay: inArea
      .filter((enterprise) => enterprise.measures[input.level].kind === 'transport')
      .reduce((sum, enterprise) => sum + enterprise.heavyTruckTripsPerDay, 0),
  };
}

function shareOf(removed: number, total: number): number | null {
  return total > 0 ? removed / total : null;
}

function byClass(enterprises: readonly EnterpriseAccount[]): ClassAccount[] {
  return enterpriseClasses.flatMap((name) => {
    const members = enterprises.filter((account) => account.class === name);
    if (members.length === 0) return [];
    return [
      {
        class: name,
        enterprises: members.length,
        reduction: members.reduce((sum, account) => addEmissions(sum, account.reduction), noEmissions),
        shortfall: sumAmounts(members.map((account) => account.shortfall)),
        waived: sumAmounts(members.map((account) => account.waived)),
      },
    ];
  });
}

function sumAmounts(amounts: readonly GroupAmounts[]): GroupAmounts {
  const total: GroupAmounts = {};
  for (const amount of amounts)
    for (const [group, value] of Object.entries(amount) as [PollutantGroup, number][])
      total[group] = (total[group] ?? 0) + value;
  return total;
}
