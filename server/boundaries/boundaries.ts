import { z } from 'zod';
import { type AdjacencyGraph, defaultAdjacency, jurisdictionAdjacency } from '../../geo/adjacency';
import { type UnitBoxes, unitBoxes } from '../../geo/boundaries/locate';
import {
  type BoundaryRegistry,
  type OfficialBoundary,
  officialBoundarySchema,
  unitBoundaries,
} from '../../geo/boundaries/registry';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Store } from '../store/types';

/** The versioned document holding every official boundary imported so far (geo/boundaries/registry). */
export const boundariesDocumentKind = 'boundaries';

const storedSchema = z.array(officialBoundarySchema);

export type BoundaryService = ReturnType<typeof createBoundaryService>;

/**
 * The served boundary set: the stored official boundaries over the bundled ones, and each jurisdiction's
 * adjacency graph over them, recomputed only when the set's version changes.
 */
export function createBoundaryService(store: Store) {
  const stored = store.latestDocument(boundariesDocumentKind);
  let official: OfficialBoundary[] = stored ? (storedSchema.parse(stored.body) as OfficialBoundary[]) : [];
  let registry: BoundaryRegistry = unitBoundaries(official);
  let boxes: { version: string; boxes: UnitBoxes } | null = null;
  const graphs = new Map<Jurisdiction, { version: string; graph: AdjacencyGraph }>();

  return {
    official: (): readonly OfficialBoundary[] => official,
    registry: (): BoundaryRegistry => registry,
    /** Each unit's bounding box in the set in force (where a station or a layer record may lie). */
    boxes(): UnitBoxes {
      if (boxes?.version !== registry.version)
        boxes = { version: registry.version, boxes: unitBoxes(registry.features) };
      return boxes.boxes;
    },
    /** Ili's regional rule (3.3.3) reads this: neighbours share a border of positive length. */
    adjacency(jurisdiction: Jurisdiction): AdjacencyGraph {
      // With no import the set is the bundled one, whose graph geo already computed once.
      if (official.length === 0) return defaultAdjacency(jurisdiction);
      const cached = graphs.get(jurisdiction);
      if (cached?.version === registry.version) return cached.graph;
      const graph = jurisdictionAdjacency(registry.features, jurisdiction);
      graphs.set(jurisdiction, { version: registry.version, graph });
      return graph;
    },
    /** After the caller persisted `next`: serve it from now on. */
    replaced(next: OfficialBoundary[], boundaries: BoundaryRegistry): void {
      official = next;
      registry = boundaries;
    },
  };
}
