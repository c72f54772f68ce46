import { z } from 'zod';
import type { Jurisdiction } from '../../shared/units/schema';
import { defaultBoundaries, type UnitBoundary } from '../boundaries/default';
import { boundarySetVersion } from '../boundaries/version';
import { units } from '../units';
import { PairLengths } from './distance';
import { exactSharedSegments } from './exact';
import { segmentTable } from './segments';
import { tolerantSharedSegments } from './tolerant';

export const adjacencyOptionsSchema = z.object({
  /** DOMAIN.md, regional warnings: a border of positive length; we require at least this much. */
  minSharedKm: z.number().positive().default(0.5),
  /** How far apart two borders may run and still count as one (imported files rarely match). */
  toleranceKm: z.number().nonnegative().default(0.05),
});
export type AdjacencyOptions = z.input<typeof adjacencyOptionsSchema>;

export type Neighbour = { id: string; sharedKm: number };
export type AdjacencyGraph = { nodes: string[]; neighbours: Map<string, Neighbour[]> };

/**
 * Units are neighbours when their borders share at least `minSharedKm` (geodesic): exactly shared
 * segments first, then a tolerant pass over the rest. A single touching point shares 0 km.
 */
export function adjacencyGraph(
  boundaries: readonly UnitBoundary[],
  options: AdjacencyOptions = {},
): AdjacencyGraph {
  const { minSharedKm, toleranceKm } = adjacencyOptionsSchema.parse(options);
  const table = segmentTable(
    boundaries.map((feature) => ({ id: feature.properties.unitId, geometry: feature.geometry })),
  );
  const pairs = new PairLengths(table.unitIds.length);
  const matched = exactSharedSegments(table, pairs);
  if (toleranceKm > 0) tolerantSharedSegments(table, matched, toleranceKm, pairs);
  const neighbours = new Map<string, Neighbour[]>(table.unitIds.map((id) => [id, []]));
  for (const { low, high, km } of pairs.entries()) {
    if (km < minSharedKm) continue;
    const lowId = table.unitIds[low]!;
    const highId = table.unitIds[high]!;
    neighbours.get(lowId)!.push({ id: highId, sharedKm: km });
    neighbours.get(highId)!.push({ id: lowId, sharedKm: km });
  }
  for (const list of neighbours.values()) list.sort((a, b) => a.id.localeCompare(b.id));
  return { nodes: table.unitIds, neighbours };
}

/** Remembers the graph of the last boundary set seen; a changed set (new version) is recomputed. */
export function adjacencyCache(options: AdjacencyOptions = {}) {
  let last: { version: string; graph: AdjacencyGraph } | null = null;
  return (boundaries: readonly UnitBoundary[], version = boundarySetVersion(boundaries)): AdjacencyGraph => {
    if (last?.version !== version) last = { version, graph: adjacencyGraph(boundaries, options) };
    return last.graph;
  };
}

/**
 * The graph of one jurisdiction's warning units over the given boundaries. Every unit of the
 * jurisdiction is a node; one without a boundary (a regiment whose boundary is pending) has no neighbours.
 */
export function jurisdictionAdjacency(
  boundaries: readonly UnitBoundary[],
  jurisdiction: Jurisdiction,
  options: AdjacencyOptions = {},
): AdjacencyGraph {
  const members = units.filter((unit) => unit.jurisdiction === jurisdiction).map((unit) => unit.id);
  const memberSet = new Set(members);
  const graph = adjacencyGraph(
    boundaries.filter((feature) => memberSet.has(feature.properties.unitId)),
    options,
  );
  for (const id of members)
    if (!graph.neighbours.has(id)) {
      graph.nodes.push(id);
      graph.neighbours.set(id, []);
    }
  return graph;
}

const defaultGraphs = new Map<Jurisdiction, AdjacencyGraph>();

/** The graph of one jurisdiction over the bundled (approximate) boundaries, computed once. */
export function defaultAdjacency(jurisdiction: Jurisdiction): AdjacencyGraph {
  const cached = defaultGraphs.get(jurisdiction);
  if (cached) return cached;
  const graph = jurisdictionAdjacency(defaultBoundaries().features, jurisdiction);
  defaultGraphs.set(jurisdiction, graph);
  return graph;
}
