import { Router } from 'express';
import { z } from 'zod';
import { layerFeatureCollection } from '../../geo/layers/export';
import { layerKindSchema } from '../../geo/layers/kinds';
import { jurisdictionSchema } from '../../shared/units/schema';
import { actorName, dataRoles } from '../auth/principal';
import type { BoundaryService } from '../boundaries/boundaries';
import type { ImportRunner } from '../imports/runner';
import { currentLayer, layerDocumentKind } from '../layers/layers';
import type { Store } from '../store/types';
import { HttpError, parseOr400, parseOr404 } from './errors';
import { allow, requireJurisdiction, requirePrincipal } from './guards';
import { importFailure, uploadBody, uploadBytes } from './upload';

export const layerQuerySchema = z.object({ jurisdiction: jurisdictionSchema });
export const layerImportQuerySchema = layerQuerySchema.extend({
  /** true: import the valid rows and report the others; default: one bad row refuses the file. */
  validOnly: z.enum(['true', 'false']).default('false'),
});

/** GET /layers/:kind and POST /layers/:kind/import (CSV, XLSX or GeoJSON; geo/layers/import). */
export function layersRouter(store: Store, imports: ImportRunner, boundaries: BoundaryService): Router {
  const router = Router();
  router.get('/layers/:kind', (request, response) => {
    const kind = parseOr404(layerKindSchema, request.params.kind, 'layer kind');
    const { jurisdiction } = parseOr400(layerQuerySchema, request.query, 'query');
    const layer = currentLayer(store, jurisdiction, kind);
    response.json({
      kind,
      jurisdiction,
      version: layer.version,
      source: layer.source,
      updatedAt: layer.updatedAt,
      geojson: layerFeatureCollection(kind, layer.records),
    });
  });

  router.post('/layers/:kind/import', allow(dataRoles), uploadBody, async (request, response) => {
    const kind = parseOr404(layerKindSchema, request.params.kind, 'layer kind');
    const { jurisdiction, validOnly } = parseOr400(layerImportQuerySchema, request.query, 'query');
    const principal = requirePrincipal(request);
    requireJurisdiction(principal, jurisdiction);
    const bytes = uploadBytes(request, 'CSV, XLSX or GeoJSON');
    const name = request.get('x-file-name') ?? 'upload';
    const current = currentLayer(store, jurisdiction, kind);
    const outcome = await imports.run({
      kind: 'layer',
      layer: kind,
      // The first import replaces the synthetic sample rather than mixing real and synthetic records.
      current: current.source === 'sample' ? [] : current.records,
      file: { name, bytes },
      options: { validOnly: validOnly === 'true', jurisdiction, unitBoxes: boundaries.boxes() },
    });
    if (!outcome.ok)
      throw importFailure(outcome.failure, (message) => ({
        report: [{ row: 0, column: '', value: '', message }],
        rejected: 0,
      }));
    const plan = outcome.plan;
    if (!plan.ok)
      throw new HttpError(400, {
        error: 'the file was not imported',
        report: plan.report,
        rejected: plan.rejected,
      });
    const version = store.transaction(() => {
      const written = store.putDocument(layerDocumentKind(jurisdiction, kind), plan.next, Date.now());
      store.appendAudit({
        at: Date.now(),
        actor: actorName(principal),
        action: 'layer.import',
        detail: {
          kind,
          jurisdiction,
          file: name,
          version: written,
          imported: plan.imported,
          replaced: plan.replaced,
          rejected: plan.rejected,
        },
      });
      return written;
    });
    response.json({
      version,
      imported: plan.imported,
      replaced: plan.replaced,
      rejected: plan.rejected,
      report: plan.report,
    });
  });
  return router;
}
