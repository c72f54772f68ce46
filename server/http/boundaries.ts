import { Router } from 'express';
import { z } from 'zod';
import { stationMoves } from '../../geo/boundaries/locate';
import { unitById } from '../../geo/units';
import { jurisdictionsAccess } from '../auth/access';
import { actorName, dataRoles } from '../auth/principal';
import { type BoundaryService, boundariesDocumentKind } from '../boundaries/boundaries';
import type { ImportRunner } from '../imports/runner';
import type { Store } from '../store/types';
import { HttpError, parseOr400 } from './errors';
import { allow, enforce, requirePrincipal } from './guards';
import { importFailure, uploadBody, uploadBytes } from './upload';

export const boundaryImportQuerySchema = z.object({
  /** The feature property naming the unit (id, Chinese or English name). */
  idProperty: z.string().min(1).default('unitId'),
  crs: z.enum(['wgs84', 'cgcs2000', 'gcj02']).default('wgs84'),
  /** The file's name; its extension tells GeoJSON/TopoJSON from a zipped shapefile. */
  name: z.string().trim().min(1).max(200).default('boundaries.geojson'),
  /** Shown with the boundary wherever it is drawn; default: the file name and who imported it. */
  source: z.string().trim().min(1).max(500).optional(),
});

export type BoundariesOptions = {
  store: Store;
  boundaries: BoundaryService;
  imports: ImportRunner;
  /**
   * A new boundary set changes Ili's adjacency and may move stations to another unit: the engine and the
   * ingest's station list re-read them.
   */
  boundariesChanged: () => void;
};

/** POST /boundaries/import: an office's official boundaries, all or nothing (geo/boundaries/import). */
export function boundariesRouter({
  store,
  boundaries,
  imports,
  boundariesChanged,
}: BoundariesOptions): Router {
  const router = Router();
  router.post('/boundaries/import', allow(dataRoles), uploadBody, async (request, response) => {
    const query = parseOr400(boundaryImportQuerySchema, request.query, 'query');
    const bytes = uploadBytes(request, 'GeoJSON, TopoJSON or zip');
    const principal = requirePrincipal(request);
    const actor = actorName(principal);
    const importedAt = Date.now();
    const outcome = await imports.run({
      kind: 'boundaries',
      current: [...boundaries.official()],
      file: { name: query.name, bytes },
      options: {
        idProperty: query.idProperty,
        crs: query.crs,
        source: query.source ?? `${query.name}, imported by ${actor}`,
        importedAt,
      },
    });
    if (!outcome.ok)
      throw importFailure(outcome.failure, (problem) => ({
        report: { features: 0, imported: [], problems: [{ feature: null, unitId: null, problem }] },
      }));
    const plan = outcome.plan;
    if (!plan.ok) throw new HttpError(422, { error: 'the file was not imported', report: plan.report });
    const stations = store.stations();
    const moves = stationMoves(
      plan.boundaries.features,
      new Set(plan.report.imported.map(({ unitId }) => unitId)),
      stations,
    );
    // Every unit the file redraws, and every unit a station moves to, must be the caller's.
    enforce(
      jurisdictionsAccess(
        principal,
        [...plan.report.imported.map(({ unitId }) => unitId), ...moves.map(({ to }) => to)].map(
          (unitId) => unitById.get(unitId)?.jurisdiction ?? null,
        ),
      ),
    );
    const version = store.transaction(() => {
      const written = store.putDocument(boundariesDocumentKind, plan.next, importedAt);
      const byId = new Map(stations.map((station) => [station.id, station]));
      store.upsertStations(moves.map(({ id, to }) => ({ ...byId.get(id)!, unitId: to })));
      store.appendAudit({
        at: importedAt,
        actor,
        action: 'boundaries.import',
        detail: {
          file: query.name,
          crs: query.crs,
          version: written,
          imported: plan.report.imported,
          stationsMoved: moves,
        },
      });
      return written;
    });
    boundaries.replaced(plan.next, plan.boundaries);
    boundariesChanged();
    response.json({
      version,
      boundaryVersion: plan.boundaries.version,
      report: plan.report,
      stationsMoved: moves,
    });
  });
  return router;
}
