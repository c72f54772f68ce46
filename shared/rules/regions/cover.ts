import { levelRank, type WarningLevel } from '../../levels';
import type { RecommendationEntry } from '../../state/schema';
import { indexOf } from '../daily-series';
import {
  type FindRegionsInput,
  findRegions,
  gridStart,
  type Region,
  type SearchBasis,
  searchBasis,
} from './index';
import type { AdjacencyGraph } from './schema';

export type CoverInput = Omit<FindRegionsInput, 'maxRegions' | 'rules'> & {
  rules: FindRegionsInput['rules'];
  /** Each unit's own recommended level over the same span (the unit states' recommendedLevel). */
  unitLevels: ReadonlyMap<string, WarningLevel>;
  /** Each unit's daily AQI at now (null: none), for the entries' averages. */
  unitDaily: ReadonlyMap<string, number | null>;
  /** Regions the commander chose instead of the engine's pick (members), taken first at their level. */
  fixed?: readonly (readonly string[])[];
};

export type Cover = {
  recommendation: RecommendationEntry[];
  /** The regions of the cover, in the order chosen. */
  chosen: Region[];
  /** Every maximal region on the whole graph that the cover did not choose, highest level first. */
  alternatives: Region[];
  /** Per unit: the highest level of any maximal region it belongs to (regionFloor). */
  floorByUnit: Map<string, WarningLevel>;
};

/** Every maximal region is wanted (the cover chooses among all of them), not the first few. */
const allRegions = 10_000;

/** The peak of the region's averaged daily AQI from now to the forecast's end (observed at now). */
function peakOf(region: Region, now: number): number {
  const series = region.averageSeries;
  let peak = Number.NEGATIVE_INFINITY;
  for (let index = Math.max(0, indexOf(series, now)); index < series.values.length; index += 1) {
    const value = series.values[index]!;
    if (!Number.isNaN(value) && value > peak) peak = value;
  }
  return peak;
}

/** Ids compared as strings, element by element: the smaller sorted list first. */
function compareIds(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    if (a[index] !== b[index]) return a[index]! < b[index]! ? -1 : 1;
  }
  return a.length - b.length;
}

/** DOMAIN.md "Recommendation" 1: the most members, then the higher peak, then the smaller list of ids. */
export function byPreference(now: number) {
  return (a: Region, b: Region) =>
    b.members.length - a.members.length ||
    peakOf(b, now) - peakOf(a, now) ||
    compareIds(a.members, b.members);
}

function restrict(graph: AdjacencyGraph, keep: ReadonlySet<string>): AdjacencyGraph {
  return {
    nodes: graph.nodes.filter((id) => keep.has(id)),
    neighbours: new Map(
      graph.nodes
        .filter((id) => keep.has(id))
        .map((id) => [id, (graph.neighbours.get(id) ?? []).filter((neighbour) => keep.has(neighbour.id))]),
    ),
  };
}

function mean(values: readonly (number | null | undefined)[]): number | null {
  if (values.length === 0 || values.some((value) => value == null)) return null;
  return Math.round((values as number[]).reduce((sum, value) => sum + value, 0) / values.length);
}

/**
 * The cover's one search, findRegions at one of `rules` over the units in `keep`, asked again and again
 * within one cover (each level on the whole graph, then on what is left after each pick). A search is a pure
 * function of the rule and the units, so its answer is kept, keyed by both; what findRegions builds before
 * it looks at a rule (SearchBasis) depends on the units and the grid's start (the rule's lookback) only, so
 * it is built once per pair and shared by the levels that agree on both.
 */
export function coverSearch(
  input: Omit<FindRegionsInput, 'maxRegions' | 'rules'>,
  rules: readonly FindRegionsInput['rules'][number][],
): (keep: ReadonlySet<string>, ruleIndex: number) => readonly Region[] {
  const searched = new Map<string, Region[]>();
  const bases = new Map<string, { graph: AdjacencyGraph; basis: SearchBasis }>();
  return (keep, ruleIndex) => {
    const units = input.graph.nodes.filter((id) => keep.has(id)).join('+');
    const key = `${ruleIndex}:${units}`;
    let regions = searched.get(key);
    if (!regions) {
      const rule = [rules[ruleIndex]!];
      const start = gridStart({ from: input.from, rules: rule });
      const basisKey = `${start}:${units}`;
      let shared = bases.get(basisKey);
      if (!shared) {
        const graph = restrict(input.graph, keep);
        shared = { graph, basis: searchBasis({ ...input, graph }, start) };
        bases.set(basisKey, shared);
      }
      regions = findRegions(
        { ...input, graph: shared.graph, rules: rule, maxRegions: allRegions },
        shared.basis,
      ).regions;
      searched.set(key, regions);
    }
    return regions;
  };
}

/**
 * The recommendation (DOMAIN.md "Recommendation", Ili plan 3.3.3 预警启动): regions as a disjoint cover,
 * from the highest level down, each time the maximal region with the most members among the units no chosen
 * region holds yet (ties: the higher peak of its averaged series from now, then the smaller sorted id list);
 * then every unit whose own level is above its region's, or that no chosen region holds, at its own level.
 * Order: red first; within a level the regions as chosen, then the units by id.
 */
export function recommendationCover(input: CoverInput): Cover {
  const rules = [...input.rules].sort((a, b) => levelRank(b.level) - levelRank(a.level));
  const search = coverSearch(input, rules);
  const everyUnit = new Set(input.graph.nodes);
  const floorByUnit = new Map<string, WarningLevel>();
  const maximal: Region[] = [];
  for (const [ruleIndex, rule] of rules.entries()) {
    for (const region of search(everyUnit, ruleIndex)) {
      maximal.push(region);
      for (const id of region.members)
        if (levelRank(rule.level) > levelRank(floorByUnit.get(id) ?? 'none')) floorByUnit.set(id, rule.level);
    }
  }
  const prefer = byPreference(input.now);
  const remaining = new Set(input.graph.nodes);
  const chosen: Region[] = [];
  const fixedKeys = new Set((input.fixed ?? []).map((members) => [...members].sort().join('+')));
  const take = (region: Region) => {
    chosen.push(region);
    for (const id of region.members) remaining.delete(id);
  };
  for (const [ruleIndex, rule] of rules.entries()) {
    for (const region of maximal.filter(
      (candidate) => candidate.level === rule.level && fixedKeys.has(candidate.members.join('+')),
    ))
      if (region.members.every((id) => remaining.has(id))) take(region);
    for (;;) {
      const found = [...search(remaining, ruleIndex)].sort(prefer);
      if (found.length === 0) break;
      take(found[0]!);
    }
  }
  const holder = new Map<string, Region>();
  for (const region of chosen) for (const id of region.members) holder.set(id, region);
  const recommendation: RecommendationEntry[] = [];
  for (const rule of rules) {
    for (const region of chosen.filter((candidate) => candidate.level === rule.level))
      recommendation.push({
        kind: 'region',
        regionId: region.id,
        members: region.members,
        level: region.level,
        averageDailyAqi: mean(region.members.map((id) => input.unitDaily.get(id))),
      });
    const units = [...input.unitLevels]
      .filter(([id, level]) => {
        if (level !== rule.level) return false;
        const region = holder.get(id);
        return !region || levelRank(level) > levelRank(region.level);
      })
      .map(([id]) => id)
      .sort();
    for (const id of units)
      recommendation.push({
        kind: 'unit',
        unitId: id,
        members: [id],
        level: rule.level,
        averageDailyAqi: input.unitDaily.get(id) ?? null,
      });
  }
  const chosenIds = new Set(chosen.map((region) => region.id));
  const alternatives = maximal.filter((region) => !chosenIds.has(region.id));
  return { recommendation, chosen, alternatives, floorByUnit };
}

/** Kizilsu has no regional rule of its own (3.3.2): every unit with a level is its own entry, red first. */
export function unitsOnly(
  unitLevels: ReadonlyMap<string, WarningLevel>,
  unitDaily: ReadonlyMap<string, number | null>,
): RecommendationEntry[] {
  return [...unitLevels]
    .filter((entry): entry is [string, Exclude<WarningLevel, 'none'>] => entry[1] !== 'none')
    .sort((a, b) => levelRank(b[1]) - levelRank(a[1]) || (a[0] < b[0] ? -1 : 1))
    .map(([id, level]) => ({
      kind: 'unit',
      unitId: id,
      members: [id],
      level,
      averageDailyAqi: unitDaily.get(id) ?? null,
    }));
}
