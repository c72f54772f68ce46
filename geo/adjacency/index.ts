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

const defaultGraphs = new Map<Jurisdiction, AdjacencyGraph>();

/** The graph of one jurisdiction's bundled (approximate) boundaries, computed once. */
export function defaultAdjacency(jurisdiction: Jurisdiction): AdjacencyGraph {
  const cached = defaultGraphs.get(jurisdiction);
  if (cached) return cached;
  const members = new Set(units.filter((unit) => unit.jurisdiction === jurisdiction).map((unit) => unit.id));
  const graph = adjacencyGraph(
    defaultBoundaries().features.filter((feature) => members.has(feature.properties.unitId)),
  );
  defaultGraphs.set(jurisdiction, graph);
  return graph;
}
