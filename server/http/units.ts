import { Router } from 'express';
import { z } from 'zod';
import { pendingSeatMarkers } from '../../geo/boundaries/registry';
import { units } from '../../geo/units';
import { jurisdictionSchema } from '../../shared/units/schema';
import type { BoundaryService } from '../boundaries/boundaries';
import { HttpError, parseOr400 } from './errors';

export const unitsQuerySchema = z.object({ jurisdiction: jurisdictionSchema.optional() });

const byId = new Map(units.map((unit) => [unit.id, unit]));

/** GET /boundaries, GET /units?jurisdiction=, GET /units/:id/geometry, over the current boundary set. */
export function unitsRouter(boundaries: BoundaryService): Router {
  const router = Router();
  router.get('/boundaries', (_request, response) => {
    const registry = boundaries.registry();
    response.json({
      type: 'FeatureCollection',
      attribution: registry.attribution,
      version: registry.version,
      features: registry.features.map((feature) => ({
        ...feature,
        properties: { ...feature.properties, ...byId.get(feature.properties.unitId) },
      })),
      pendingSeats: pendingSeatMarkers(registry),
    });
  });

  router.get('/units', (request, response) => {
    const { jurisdiction } = parseOr400(unitsQuerySchema, request.query, 'query');
    const entryOf = new Map(boundaries.registry().entries.map((entry) => [entry.unitId, entry]));
    const listed = units.filter((unit) => !jurisdiction || unit.jurisdiction === jurisdiction);
    response.json({
      units: listed.map((unit) => {
        const entry = entryOf.get(unit.id);
        const drawn = entry?.geometry ? entry : null;
        return {
          id: unit.id,
          nameZh: unit.nameZh,
          nameEn: unit.nameEn,
          jurisdiction: unit.jurisdiction,
          kind: unit.kind,
          hostCounty: unit.hostCounty,
          boundary: { status: drawn?.status ?? 'pending', source: drawn?.source ?? null },
          seat: unit.seat,
          neighbours: boundaries.adjacency(unit.jurisdiction).neighbours.get(unit.id) ?? [],
        };
      }),
    });
  });

  router.get('/units/:id/geometry', (request, response) => {
    const unit = byId.get(request.params.id);
    if (!unit) throw new HttpError(404, { error: `unknown unit ${request.params.id}` });
    const registry = boundaries.registry();
    const feature = registry.features.find((candidate) => candidate.properties.unitId === unit.id);
    if (!feature)
      throw new HttpError(404, { error: `unit ${unit.id} has no boundary yet (pending an official import)` });
    response.json({
      ...feature,
      properties: { ...feature.properties, ...unit, attribution: registry.attribution },
    });
  });
  return router;
}
