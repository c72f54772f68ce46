import type { Request, Response } from 'express';
import { z } from 'zod';
import { pressReaders } from '../../shared/api/responses';
import type { Role } from '../../shared/plans';
import { toBeijingIso } from '../../shared/time';
import { hourEndSchema as strictHourEnd } from '../../shared/time-schemas';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Engine } from '../engine';
import { RenderUnavailable } from '../press/browser';
import { HttpError } from './errors';
import { requireJurisdiction, requirePrincipal } from './guards';

/** Who may read /press before release: one list, shared with the press page. */
export const pressRoles: readonly Role[] = pressReaders;

/** An hour end (ISO 8601 with offset, shared/time-schemas); absent = the engine's now. */
export const hourEndSchema = strictHourEnd.optional();

export const languageSchema = z.enum(['zh', 'en']).default('zh');

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
