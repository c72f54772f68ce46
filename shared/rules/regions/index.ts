import { levelRank, type WarningLevel } from '../../levels';
import type { GradingRule } from '../../plans/grading-schema';
import type { Explanation } from '../../state/schema';
import { HOUR } from '../../time';
import type { DailySeries } from '../daily-series';
import { ruleHolds } from '../grading';
import { candidateComponents } from './candidates';
import { anyUnitCouldMeet, type Condition, conditionsAt } from './conditions';
import { exactQualifyingSets } from './exact-search';
import { indexGraph } from './graph-index';
import { greedyQualifyingSets } from './greedy';
import { buildGrid, lookbackHours } from './grid';
import { KnownSets } from './known-sets';
import { componentMeets, localSlacks } from './local-slacks';
import { keepMaximal } from './maximal';
import {
  averageSeries,
  type DecidingWindow,
  decidingWindows,
  explainRegion,
  regionalWarningSection,
  type UnitNames,
} from './region-report';
import type { AdjacencyGraph } from './schema';

export { externalRegionalFloor } from './external';
export { regionalWarningSection } from './region-report';
export type { AdjacencyGraph, ExternalRegionalWarning } from './schema';
export { adjacencyGraphSchema, externalRegionalWarningSchema } from './schema';

export type Region = {
  id: string;
  /** Sorted unit ids. */
  members: string[];
  level: Exclude<WarningLevel, 'none'>;
  /** Mean of the members' D(t) per window over the evaluated span (NaN where any member is missing). */
  averageSeries: DailySeries;
  /** First and last window end in [from, to] where the region's level holds. */
  firstWindowEnd: number;
  lastWindowEnd: number;
  /** The windows that decided the level at firstWindowEnd. */
  decidingWindows: DecidingWindow[];
  explanation: Explanation;
};

export type RegionsResult = {
  level: WarningLevel;
  /** The maximal regions at `level`, largest first, at most maxRegions of them. */
  regions: Region[];
  /** How many maximal regions were found before trimming to maxRegions. */
  regionCount: number;
  /** Every member of every maximal region (trimmed or not) → the region level: its response floor. */
  floorByUnit: Map<string, WarningLevel>;
  /** False when a candidate component was too large or too tangled and the greedy fallback ran. */
  exact: boolean;
};

export type FindRegionsInput = {
  graph: AdjacencyGraph;
  seriesByUnit: ReadonlyMap<string, DailySeries>;
  rules: readonly GradingRule[];
  /** Window ends evaluated: every whole hour in [from, to] (observed and forecast). */
  from: number;
  to: number;
  /** Windows after `now` are forecast (the averaged series' lastObservedIndex). */
  now: number;
  minMembers?: number;
  maxRegions?: number;
  unitNames?: UnitNames;
  section?: string;
};

/** Components above this size go straight to the greedy fallback; the exact search stops at searchBudget. */
const exactComponentLimit = 40;
const searchBudget = 2_000_000;

/**
 * Regional warnings (Ili plan 3.3.3 预警启动; DOMAIN.md "Regional warnings"): connected sets of ≥ 3 units
 * whose averaged daily AQI meets a level at some window end in [from, to]. Returns the highest level any
 * region reaches and its maximal regions (no connected superset meets that level), ranked by size, then
 * by average at the first deciding window, then by ids.
 */
export function findRegions(input: FindRegionsInput): RegionsResult {
  const minMembers = input.minMembers ?? 3;
  const graph = indexGraph(input.graph);
  const start = input.from - lookbackHours(input.rules) * HOUR;
  const grid = buildGrid(graph.ids, input.seriesByUnit, start, input.to);
  const lastObservedIndex = Math.min(grid.hours - 1, Math.floor((input.now - start) / HOUR));
  const rules = [...input.rules].sort((a, b) => levelRank(b.level) - levelRank(a.level));
  let exact = true;
  for (const rule of rules) {
    const known = new KnownSets();
    const tasks: { condition: Condition; component: number[] }[] = [];
    for (let t = input.from; t <= input.to; t += HOUR) {
      for (const condition of conditionsAt(rule, grid, t)) {
        if (!anyUnitCouldMeet(condition, grid)) continue;
        for (const component of candidateComponents(condition, grid, graph, minMembers)) {
          // A component that meets the condition whole is its only maximal set: no search needed, and
          // knowing it early lets the other searches skip everything inside it.
          if (componentMeets(localSlacks(component, condition, grid, graph), minMembers))
            known.add(component);
          else tasks.push({ condition, component });
        }
      }
    }
    tasks.sort((a, b) => b.component.length - a.component.length);
    for (const { condition, component } of tasks) {
      const local = localSlacks(component, condition, grid, graph);
      const found =
        component.length <= exactComponentLimit
          ? exactQualifyingSets(local, minMembers, searchBudget, known.localBitsets(component))
          : null;
      if (found === null) exact = false;
      for (const set of found ?? greedyQualifyingSets(local, minMembers))
        known.add(set.map((node) => component[node]!));
    }
    const regions = keepMaximal(known.sets).flatMap((members) => {
      const region = describeRegion(members, rule, input, graph.ids, grid, lastObservedIndex);
      return region ? [region] : [];
    });
    if (regions.length === 0) continue;
    regions.sort(
      (a, b) =>
        b.members.length - a.members.length ||
        b.decidingWindows[0]!.average - a.decidingWindows[0]!.average ||
        a.id.localeCompare(b.id),
    );
    const floorByUnit = new Map<string, WarningLevel>();
    for (const region of regions) for (const id of region.members) floorByUnit.set(id, rule.level);
    return {
      level: rule.level,
      regions: regions.slice(0, input.maxRegions ?? 20),
      regionCount: regions.length,
      floorByUnit,
      exact,
    };
  }
  return { level: 'none', regions: [], regionCount: 0, floorByUnit: new Map(), exact };
}

function describeRegion(
  nodes: readonly number[],
  rule: GradingRule,
  input: FindRegionsInput,
  ids: readonly string[],
  grid: ReturnType<typeof buildGrid>,
  lastObservedIndex: number,
): Region | null {
  const series = averageSeries(nodes, grid, lastObservedIndex);
  const holding: number[] = [];
  for (let t = input.from; t <= input.to; t += HOUR) if (ruleHolds(rule, series, t)) holding.push(t);
  // The search works on sums of slacks; grading the mean itself is the definition and has the last word.
  if (holding.length === 0) return null;
  const members = nodes.map((node) => ids[node]!).sort();
  const firstWindowEnd = holding[0]!;
  const lastWindowEnd = holding.at(-1)!;
  const decided = decidingWindows(rule, series, firstWindowEnd);
  return {
    id: `region:${members.join('+')}`,
    members,
    level: rule.level,
    averageSeries: series,
    firstWindowEnd,
    lastWindowEnd,
    decidingWindows: decided.windows,
    explanation: explainRegion({
      members,
      names: input.unitNames,
      rule,
      alternativeText: decided.text,
      windows: decided.windows,
      firstWindowEnd,
      lastWindowEnd,
      section: input.section ?? regionalWarningSection,
    }),
  };
}
