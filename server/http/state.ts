import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { units } from '../../geo/units';
import { toBeijingIso } from '../../shared/time';
import { hourEndSchema } from '../../shared/time-schemas';
import { type Jurisdiction, jurisdictionSchema } from '../../shared/units/schema';
import type { Engine } from '../engine';

/** An hour end (ISO 8601 with offset) for the time slider, past or forecast; absent = the engine's now. */
const atSchema = hourEndSchema.optional();

const stateQuerySchema = z.object({ jurisdiction: jurisdictionSchema, at: atSchema });
const seriesQuerySchema = stateQuerySchema
  .extend({ unit: z.string().min(1).optional(), station: z.string().min(1).optional() })
  .refine((query) => (query.unit === undefined) !== (query.station === undefined), {
    message: 'give exactly one of unit or station',
    path: ['unit'],
  });

function refuse(response: Response, field: string, message: string): void {
  response.status(400).json({ error: 'invalid query', issues: [{ field, message }] });
}

/** Parses the query; answers 400 naming the field and returns null when it is wrong. */
function parseQuery<Schema extends typeof stateQuerySchema | typeof seriesQuerySchema>(
  schema: Schema,
  request: Request,
  response: Response,
  engine: Engine,
): z.infer<Schema> | null {
  const parsed = schema.safeParse(request.query);
  if (!parsed.success) {
    response.status(400).json({
      error: 'invalid query',
      issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    });
    return null;
  }
  const { jurisdiction, at } = parsed.data as { jurisdiction: Jurisdiction; at?: number };
  if (at !== undefined && at > engine.now(jurisdiction)) {
    const { forecastEnd } = engine.timeline(jurisdiction);
    if (forecastEnd === null || at > forecastEnd) {
      refuse(response, 'at', beyondHorizon(engine.now(jurisdiction), forecastEnd));
      return null;
    }
  }
  return parsed.data as z.infer<Schema>;
}

function beyondHorizon(now: number, forecastEnd: number | null): string {
  return forecastEnd === null
    ? `at is after the engine now ${toBeijingIso(now)} and no forecast is known beyond it`
    : `at is after the forecast horizon end ${toBeijingIso(forecastEnd)}`;
}

/**
 * GET /api/state?jurisdiction=ili|kizilsu[&at=<iso hour end>] — shared/state/schema.ts JurisdictionState;
 * an `at` after now, up to the forecast horizon's end, gives the state as forecast now (basis 'forecast').
 * GET /api/state/timeline?jurisdiction=… — TimelineState: the oldest stored hour, now, the horizon's end.
 * GET /api/state/series?jurisdiction=…&unit=<id>|station=<id>[&at=…] — SeriesState: the side panel's 72 h
 * of hourly and daily AQI, and for a unit its forecast.
 */
export function stateRouter(engine: Engine): Router {
  const router = Router();
  router.get('/state', (request, response) => {
    const query = parseQuery(stateQuerySchema, request, response, engine);
    if (query) response.json(engine.state(query.jurisdiction, query.at));
  });
  router.get('/state/timeline', (request, response) => {
    const parsed = z.object({ jurisdiction: jurisdictionSchema }).safeParse(request.query);
    if (parsed.success) response.json(engine.timeline(parsed.data.jurisdiction));
    else refuse(response, 'jurisdiction', parsed.error.issues[0]!.message);
  });
  router.get('/state/series', (request, response) => {
    const query = parseQuery(seriesQuerySchema, request, response, engine);
    if (!query) return;
    if (query.station !== undefined) {
      if (engine.jurisdictionOfStation(query.station) !== query.jurisdiction) {
        refuse(response, 'station', `station ${query.station} is not a station of ${query.jurisdiction}`);
        return;
      }
      response.json(engine.series(query.jurisdiction, { kind: 'station', id: query.station }, query.at));
      return;
    }
    const unit = units.find((candidate) => candidate.id === query.unit);
    if (!unit || unit.jurisdiction !== query.jurisdiction) {
      refuse(response, 'unit', `unit ${query.unit} is not a unit of ${query.jurisdiction}`);
      return;
    }
    response.json(engine.series(query.jurisdiction, { kind: 'unit', id: unit.id }, query.at));
  });
  return router;
}
