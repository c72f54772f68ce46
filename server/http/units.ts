import { Router } from 'express';
import { defaultBoundaries } from '../../geo/boundaries/default';
import { units } from '../../geo/units';

export function unitsRouter(): Router {
  const router = Router();
  const { attribution, features } = defaultBoundaries();
  const byId = new Map(units.map((unit) => [unit.id, unit]));
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
  return router;
}
