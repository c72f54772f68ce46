import express, { Router } from 'express';
import { z } from 'zod';
import { layerFeatureCollection } from '../../geo/layers/export';
import { planLayerImport } from '../../geo/layers/import/plan';
import { layerKindSchema } from '../../geo/layers/kinds';
import { jurisdictionSchema } from '../../shared/units/schema';
import { actorName, dataRoles } from '../auth/principal';
import { currentLayer, layerDocumentKind } from '../layers/layers';
import type { Store } from '../store/types';
import { HttpError, parseOr400 } from './errors';
import { allow, requirePrincipal } from './guards';
import { bodyLimit } from './ingest';

export const layerQuerySchema = z.object({ jurisdiction: jurisdictionSchema });
export const layerImportQuerySchema = layerQuerySchema.extend({
  /** true: import the valid rows and report the others; default: one bad row refuses the file. */
  validOnly: z.enum(['true', 'false']).default('false'),
});

/** GET /layers/:kind and POST /layers/:kind/import (CSV, XLSX or GeoJSON; geo/layers/import). */
export function layersRouter(store: Store): Router {
  const router = Router();
  router.get('/layers/:kind', (request, response) => {
    const kind = parseOr400(layerKindSchema, request.params.kind, 'layer kind');
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

  router.post(
    '/layers/:kind/import',
    allow(dataRoles),
    express.raw({ type: () => true, limit: bodyLimit }),
    async (request, response) => {
      const kind = parseOr400(layerKindSchema, request.params.kind, 'layer kind');
      const { jurisdiction, validOnly } = parseOr400(layerImportQuerySchema, request.query, 'query');
      // A GeoJSON upload sent as application/json was already parsed by the API's JSON reader.
      const bytes = Buffer.isBuffer(request.body)
        ? request.body
        : request.body && typeof request.body === 'object'
          ? Buffer.from(JSON.stringify(request.body))
          : Buffer.alloc(0);
      if (bytes.length === 0) {
        throw new HttpError(400, { error: 'send the file as the request body (CSV, XLSX or GeoJSON)' });
      }
      const name = request.get('x-file-name') ?? 'upload';
      const current = currentLayer(store, jurisdiction, kind);
      // The first import replaces the synthetic sample rather than mixing real and synthetic records.
      const base = current.source === 'sample' ? [] : current.records;
      const plan = await planLayerImport(
        kind,
        base,
        { name, bytes: new Uint8Array(bytes) },
        {
          validOnly: validOnly === 'true',
        },
      );
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
          actor: actorName(requirePrincipal(request)),
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
    },
  );
  return router;
}
