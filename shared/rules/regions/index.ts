import { levelRank, type WarningLevel } from '../../levels';
import type { GradingRule } from '../../plans/grading-schema';
import type { Explanation } from '../../state/schema';
import { HOUR } from '../../time';
import type { DailySeries } from '../daily-series';
import { ruleHolds } from '../grading';
import { CandidateFinder } from './candidates';
import { anyUnitCouldMeet, type Condition, conditionsAt } from './conditions';
import { exactQualifyingSets } from './exact-search';
import { type IndexedGraph, indexGraph } from './graph-index';
import { greedyQualifyingSets } from './greedy';
import { buildGrid, type Grid, lookbackHours } from './grid';
import { keepMaximal } from './maximal';
import { buildProblem } from './problem';
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
  /** Ili plan 3.3.3: 3 or more contiguous units (default defaultMinMembers). */
  minMembers?: number;
  /** How many of the ranked maximal regions to return in full (default 20); floorByUnit covers all. */
  maxRegions?: number;
  unitNames?: UnitNames;
  /** The plan section cited for the regional rule (default regionalWarningSection). */
  section?: string;
};

/** Ili plan 3.3.3 预警启动: a regional warning needs 3 or more contiguous units. */
const defaultMinMembers = 3;

/**
 * Components above 40 units go straight to the greedy fallback. Below, the search is exact unless it
 * needs more than searchBudget steps (independent, noisy peaks can make thousands of maximal regions);
 * then the greedy result is used and the answer says exact: false. 20,000 steps is about 0.1 s of CPU.
 */
const exactComponentLimit = 40;
const searchBudget = 20_000;

/** Hour 0 of a search's grid: the earliest window any of its rules looks back to from `from`. */
export function gridStart(input: Pick<FindRegionsInput, 'from' | 'rules'>): number {
  return input.from - lookbackHours(input.rules) * HOUR;
}

/**
 * What a search builds before it looks at a rule: the graph's index, every unit's daily AQI on one grid
 * from `start` to input.to, and the candidate finder (its single-window tests kept, as the levels' rules
 * reuse the same windows). A function of the graph, the series, `start`, input.to and input.minMembers
 * alone: searches that agree on these may share one (regions/cover does, across levels).
 */
export type SearchBasis = { graph: IndexedGraph; grid: Grid; finder: CandidateFinder };

export function searchBasis(
  input: Pick<FindRegionsInput, 'graph' | 'seriesByUnit' | 'to' | 'minMembers'>,
  start: number,
): SearchBasis {
  const graph = indexGraph(input.graph);
  const grid = buildGrid(graph.ids, input.seriesByUnit, start, input.to);
  return { graph, grid, finder: new CandidateFinder(grid, graph, input.minMembers ?? defaultMinMembers) };
}

/**
 * Regional warnings (Ili plan 3.3.3 预警启动; DOMAIN.md "Regional warnings"): connected sets of ≥ 3 units
 * whose averaged daily AQI meets a level at some window end in [from, to]. Returns the highest level any
 * region reaches and its maximal regions (no connected superset meets that level), ranked by size, then
 * by average at the first deciding window, then by ids. `basis` must be built from this input's graph,
 * series, to and minMembers, from gridStart(input).
 */
export function findRegions(
  input: FindRegionsInput,
  basis: SearchBasis = searchBasis(input, gridStart(input)),
): RegionsResult {
  const minMembers = input.minMembers ?? defaultMinMembers;
  const { graph, grid, finder } = basis;
  const lastObservedIndex = Math.min(grid.hours - 1, Math.floor((input.now - grid.start) / HOUR));
  const rules = [...input.rules].sort((a, b) => levelRank(b.level) - levelRank(a.level));
  let exact = true;
  for (const rule of rules) {
    const sets: number[][] = [];
    for (const { component, conditions } of searchComponents(rule, grid, graph, input, finder)) {
      const problem = buildProblem(component, conditions, grid, graph);
      const found =
        component.length <= exactComponentLimit
          ? exactQualifyingSets(problem, minMembers, searchBudget)
          : null;
      if (found === null) exact = false;
      for (const set of found ?? greedyQualifyingSets(problem, minMembers))
        sets.push(set.map((node) => component[node]!));
    }
    const regions = keepMaximal(sets).flatMap((members) => {
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

/**
 * The units that could be in a region meeting some condition of the rule (window end and alternative),
 * grouped in connected components, each with the conditions that could hold inside it.
 */
function searchComponents(
  rule: GradingRule,
  grid: Grid,
  graph: IndexedGraph,
  input: FindRegionsInput,
  finder: CandidateFinder,
): { component: number[]; conditions: Condition[] }[] {
  const nodeCount = graph.ids.length;
  const perCondition: { condition: Condition; nodes: number[] }[] = [];
  const candidate = new Uint8Array(nodeCount);
  for (let t = input.from; t <= input.to; t += HOUR) {
    for (const condition of conditionsAt(rule, grid, t)) {
      if (!anyUnitCouldMeet(condition, grid)) continue;
      const nodes = finder.componentsFor(condition).flat();
      if (nodes.length === 0) continue;
      perCondition.push({ condition, nodes });
      for (const node of nodes) candidate[node] = 1;
    }
  }
  const candidateNodes = [...candidate.keys()].filter((node) => candidate[node] === 1);
  const result = finder
    .components(candidateNodes)
    .filter((component) => component.length >= (input.minMembers ?? defaultMinMembers))
    .map((component) => ({ component, conditions: [] as Condition[] }));
  const owner = new Int32Array(nodeCount).fill(-1);
  result.forEach((entry, index) => {
    for (const node of entry.component) owner[node] = index;
  });
  for (const { condition, nodes } of perCondition) {
    const owners = new Set(nodes.map((node) => owner[node]!).filter((index) => index >= 0));
    for (const index of owners) result[index]!.conditions.push(condition);
  }
  return result;
}

function describeRegion(
  nodes: readonly number[],
  rule: GradingRule,
  input: FindRegionsInput,
  ids: readonly string[],
  grid: Grid,
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
