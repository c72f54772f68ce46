import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { type BoundaryRegistry, pendingSeatMarkers } from '../../geo/boundaries/registry';
import { units } from '../../geo/units';
import { jurisdictionSchema } from '../../shared/units/schema';
import type { BoundaryService } from '../boundaries/boundaries';
import { HttpError, parseOr400 } from './errors';

export const unitsQuerySchema = z.object({ jurisdiction: jurisdictionSchema.optional() });

const byId = new Map(units.map((unit) => [unit.id, unit]));

/** The boundaries as sent: one body per boundary set, its hash, and its brotli and gzip copies. */
type EncodedBoundaries = { etag: string; identity: Buffer; br: Buffer; gzip: Buffer };

function boundariesBody(registry: BoundaryRegistry): unknown {
  return {
    type: 'FeatureCollection',
    attribution: registry.attribution,
    version: registry.version,
    features: registry.features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, ...byId.get(feature.properties.unitId) },
    })),
    pendingSeats: pendingSeatMarkers(registry),
  };
}

async function encodeBoundaries(registry: BoundaryRegistry): Promise<EncodedBoundaries> {
  const identity = Buffer.from(JSON.stringify(boundariesBody(registry)));
  const [br, gzipped] = await Promise.all([
    // Quality 5: a fifth of the size (823 → 183 kB for the approximate set) in ~30 ms, once per set.
    promisify(brotliCompress)(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    promisify(gzip)(identity, { level: 6 }),
  ]);
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
  return { etag, identity, br, gzip: gzipped };
}

/**
 * GET /boundaries (issue 16: the wall's cold start waited on 823 kB sent uncompressed and serialised per
 * request): serialised and compressed once per boundary set, sent brotli or gzip as the client accepts,
 * revalidated by ETag on every load (no-cache), so an import is seen at once and a reload costs a 304.
 */
function boundariesSender(
  boundaries: BoundaryService,
): (request: Request, response: Response) => Promise<void> {
  const encoded = new WeakMap<BoundaryRegistry, Promise<EncodedBoundaries>>();
  const encodedOf = (registry: BoundaryRegistry) => {
    let found = encoded.get(registry);
    if (!found) {
      found = encodeBoundaries(registry);
      encoded.set(registry, found);
    }
    return found;
  };
  // Ready before the first wall asks (a failure is reported to the request that meets it).
  encodedOf(boundaries.registry()).catch(() => {});
  // Express 5 passes a rejected handler's error on.
  return async (request, response) => {
    const body = await encodedOf(boundaries.registry());
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('ETag', body.etag);
    response.setHeader('Vary', 'Accept-Encoding');
    if (request.fresh) {
      response.status(304).end();
      return;
    }
    response.type('application/json');
    const encoding = request.acceptsEncodings('br', 'gzip');
    if (encoding === 'br' || encoding === 'gzip') {
      response.setHeader('Content-Encoding', encoding);
      response.send(body[encoding]);
    } else response.send(body.identity);
  };
}

/** GET /boundaries, GET /units?jurisdiction=, GET /units/:id/geometry, over the current boundary set. */
export function unitsRouter(boundaries: BoundaryService): Router {
  const router = Router();
  router.get('/boundaries', boundariesSender(boundaries));

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
