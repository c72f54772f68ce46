import express, { Router } from 'express';
import { z } from 'zod';
import { planBoundaryImport } from '../../geo/boundaries/import/plan';
import { actorName, dataRoles } from '../auth/principal';
import { type BoundaryService, boundariesDocumentKind } from '../boundaries/boundaries';
import type { Store } from '../store/types';
import { HttpError, parseOr400 } from './errors';
import { allow, requirePrincipal } from './guards';
import { bodyLimit } from './ingest';

export const boundaryImportQuerySchema = z.object({
  /** The feature property naming the unit (id, Chinese or English name). */
  idProperty: z.string().min(1).default('unitId'),
  crs: z.enum(['wgs84', 'cgcs2000', 'gcj02']).default('wgs84'),
  /** The file's name; its extension tells GeoJSON/TopoJSON from a zipped shapefile. */
  name: z.string().trim().min(1).default('boundaries.geojson'),
  /** Shown with the boundary wherever it is drawn; default: the file name and who imported it. */
  source: z.string().trim().min(1).optional(),
});

/** The raw upload: a GeoJSON sent as application/json was already parsed by the API's JSON reader. */
function bodyBytes(body: unknown): Uint8Array {
  if (Buffer.isBuffer(body)) return new Uint8Array(body);
  if (body && typeof body === 'object') return new TextEncoder().encode(JSON.stringify(body));
  return new Uint8Array();
}

/** POST /boundaries/import: an office's official boundaries, all or nothing (geo/boundaries/import). */
export function boundariesRouter(
  store: Store,
  boundaries: BoundaryService,
  adjacencyChanged: () => void,
): Router {
  const router = Router();
  router.post(
    '/boundaries/import',
    allow(dataRoles),
    express.raw({ type: () => true, limit: bodyLimit }),
    async (request, response) => {
      const query = parseOr400(boundaryImportQuerySchema, request.query, 'query');
      const bytes = bodyBytes(request.body);
      if (bytes.length === 0)
        throw new HttpError(400, { error: 'send the file as the request body (GeoJSON, TopoJSON or zip)' });
      const actor = actorName(requirePrincipal(request));
      const importedAt = Date.now();
      const plan = await planBoundaryImport(
        boundaries.official(),
        { name: query.name, bytes },
        {
          idProperty: query.idProperty,
          crs: query.crs,
          source: query.source ?? `${query.name}, imported by ${actor}`,
          importedAt,
        },
      );
      if (!plan.ok) throw new HttpError(422, { error: 'the file was not imported', report: plan.report });
      const version = store.transaction(() => {
        const written = store.putDocument(boundariesDocumentKind, plan.next, importedAt);
        store.appendAudit({
          at: importedAt,
          actor,
          action: 'boundaries.import',
          detail: { file: query.name, crs: query.crs, version: written, imported: plan.report.imported },
        });
        return written;
      });
      boundaries.replaced(plan.next, plan.boundaries);
      adjacencyChanged();
      response.json({ version, boundaryVersion: plan.boundaries.version, report: plan.report });
    },
  );
  return router;
}
