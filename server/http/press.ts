import type { Server } from 'node:http';
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { Role } from '../../shared/plans';
import { isWholeHour, parseInstant, toBeijingIso } from '../../shared/time';
import { type Jurisdiction, jurisdictionSchema } from '../../shared/units/schema';
import { allow, requireJurisdiction, requirePrincipal } from '../auth/guards';
import type { Engine } from '../engine';
import { createBrowserService, RenderUnavailable } from '../press/browser';
import { createSnapshotService, snapshotInput } from '../press/snapshot';
import type { Store } from '../store/types';
import { HttpError, parseOr400 } from './errors';

/** Drafts before release are not public: the press, the commanders and the office (issue 18). */
export const pressRoles: readonly Role[] = [
  'press',
  'commander',
  'first-deputy-commander',
  'deputy-commander',
  'office-director',
  'duty-officer',
];

export type PressOptions = {
  store: Store;
  engine: Engine;
  /** The replayed 2019 data (REPLAY=on): every document carries the exercise mark. */
  exercise: boolean;
};

/** An hour end (ISO 8601 with offset); absent = the engine's now. */
export const hourEndSchema = z
  .string()
  .optional()
  .transform((value, context) => {
    if (value === undefined) return undefined;
    try {
      const at = parseInstant(value);
      if (isWholeHour(at)) return at;
      context.addIssue({
        code: 'custom',
        message: 'at must be the end of an hour, e.g. 2019-12-17T18:00:00+08:00',
      });
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
    }
    return z.NEVER;
  });

export const languageSchema = z.enum(['zh', 'en']).default('zh');

export const snapshotQuerySchema = z.object({
  jurisdiction: jurisdictionSchema,
  width: z.coerce.number().int().min(800).max(3840).default(1920),
  height: z.coerce.number().int().min(600).max(2160).default(1080),
  at: hourEndSchema,
  lang: languageSchema,
});

/** The data time of a document: `at` (up to the forecast horizon, as GET /api/state allows) or now. */
export function dataTime(engine: Engine, jurisdiction: Jurisdiction, at: number | undefined): number {
  const now = engine.now(jurisdiction);
  if (at === undefined || at <= now) return at ?? now;
  const { forecastEnd } = engine.timeline(jurisdiction);
  if (forecastEnd === null || at > forecastEnd)
    throw new HttpError(400, {
      error: 'invalid query',
      issues: [
        {
          field: 'at',
          message:
            forecastEnd === null
              ? `at is after the engine now ${toBeijingIso(now)} and no forecast is known beyond it`
              : `at is after the forecast horizon end ${toBeijingIso(forecastEnd)}`,
        },
      ],
    });
  return at;
}

/** The server's own address as the request reached it: the browser loads the snapshot page from there. */
export function originOf(request: Request): string {
  const address = request.socket.localAddress ?? '127.0.0.1';
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${request.socket.localPort}`;
}

export function signedInFor(request: Request, jurisdiction: Jurisdiction): void {
  requireJurisdiction(requirePrincipal(request), jurisdiction);
}

export function unavailable(response: Response, error: unknown): void {
  if (!(error instanceof RenderUnavailable)) throw error;
  response.status(503).set('Retry-After', '30').json({ error: error.message });
}

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
