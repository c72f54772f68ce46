import type { Server } from 'node:http';
import { Router } from 'express';
import { z } from 'zod';
import { toBeijingIso } from '../../shared/time';
import { jurisdictionSchema } from '../../shared/units/schema';
import { allow } from '../auth/guards';
import type { Engine } from '../engine';
import { createBrowserService } from '../press/browser';
import { createSnapshotService, snapshotInput } from '../press/snapshot';
import type { Store } from '../store/types';
import { documentsRouter } from './documents';
import { parseOr400 } from './errors';
import {
  dataTime,
  hourEndSchema,
  languageSchema,
  originOf,
  pressRoles,
  signedInFor,
  unavailable,
} from './press-query';

export type PressOptions = {
  store: Store;
  engine: Engine;
  /** The replayed 2019 data (REPLAY=on): every document carries the exercise mark. */
  exercise: boolean;
};

export const snapshotQuerySchema = z.object({
  jurisdiction: jurisdictionSchema,
  width: z.coerce.number().int().min(800).max(3840).default(1920),
  height: z.coerce.number().int().min(600).max(2160).default(1080),
  at: hourEndSchema,
  lang: languageSchema,
});

/**
 * GET /snapshot — a briefing picture rendered in the server's Chromium. The browser is closed with the
 * HTTP server that used it.
 */
export function pressRouter({ store, engine, exercise }: PressOptions): Router {
  const router = Router();
  const browser = createBrowserService();
  const snapshots = createSnapshotService(browser);
  let watched: Server | null = null;
  router.use((request, _response, next) => {
    const server = (request.socket as { server?: Server }).server;
    if (server && watched !== server) {
      watched = server;
      server.once('close', () => void browser.close());
    }
    next();
  });
  router.use(documentsRouter({ store, engine, exercise, browser, snapshots }));

  router.get('/snapshot', allow(pressRoles), async (request, response) => {
    const query = parseOr400(snapshotQuerySchema, request.query, 'query');
    signedInFor(request, query.jurisdiction);
    const at = dataTime(engine, query.jurisdiction, query.at);
    const input = snapshotInput(store, engine, exercise, { ...query, at, language: query.lang });
    try {
      const { png, cached } = await snapshots.render(input, query.width, query.height, originOf(request));
      response
        .type('image/png')
        .set('X-Data-Time', toBeijingIso(at))
        .set('X-Cache', cached ? 'hit' : 'miss')
        .set(
          'Content-Disposition',
          `inline; filename="tianshan-${query.jurisdiction}-${toBeijingIso(at).slice(0, 13)}.png"`,
        )
        .send(png);
    } catch (error) {
      unavailable(response, error);
    }
  });
  return router;
}
