import express, { type Request, Router } from 'express';
import { z } from 'zod';
import { toBeijingIso } from '../../shared/time';
import { allow, requirePrincipal } from '../auth/guards';
import { actorName, dataRoles } from '../auth/principal';
import type { IngestResult } from '../ingest/result';
import { instantSchema } from '../ingest/rows';
import type { Ingest } from '../ingest/service';
import type { Store } from '../store/types';
import { HttpError, parseOr400 } from './errors';

export const observationQuerySchema = z.object({
  station: z.string().min(1),
  from: instantSchema.default(Number.MIN_SAFE_INTEGER),
  to: instantSchema.default(Number.MAX_SAFE_INTEGER),
});

/** Request bodies over 5 MB are refused with 413 (about 40,000 CSV station-hours). */
export const bodyLimit = '5mb';

const csvBody = express.text({ type: ['text/csv', 'text/plain'], limit: bodyLimit });

function isCsv(request: Request): boolean {
  return Boolean(request.is(['text/csv', 'text/plain']));
}

function requireContentType(request: Request, types: string[]): void {
  if (!request.is(types)) throw new HttpError(415, { error: `send Content-Type ${types.join(' or ')}` });
}

/** An ingest result's value, or its refusal as the status docs/API.md gives it (nothing was written). */
function acceptedValue<Value>(result: IngestResult<Value>): Value {
  if (result.ok) return result.value;
  const { kind, ...body } = result.refusal;
  throw new HttpError(kind === 'invalid' ? 400 : 422, body);
}

function caller(request: Request) {
  const principal = requirePrincipal(request);
  const actor = actorName(principal);
  return {
    actor,
    source:
      principal.kind === 'feeder' ? `feeder:${principal.label}` : `account:${principal.account.username}`,
  };
}

/** Data management: observations, forecasts and stations, for the duty officer, the office and feeders. */
export function ingestRouter(ingest: Ingest, store: Store): Router {
  const router = Router();
  const managesData = allow(dataRoles, { feeders: true });

  router.post('/observations', managesData, csvBody, (request, response) => {
    requireContentType(request, ['application/json', 'text/csv', 'text/plain']);
    const result = acceptedValue(
      isCsv(request)
        ? ingest.observationsCsv(String(request.body), caller(request))
        : ingest.observationsJson(request.body, caller(request)),
    );
    response.status(200).json({
      accepted: result.accepted,
      inserted: result.inserted,
      replaced: result.replaced,
      unchanged: result.unchanged,
      flagged: result.flagged,
    });
  });

  router.get('/observations', (request, response) => {
    const query = parseOr400(observationQuerySchema, request.query, 'query');
    const rows = store.observationsBetween(query.from, query.to, [query.station]);
    response.json({ observations: rows.map((row) => ({ ...row, time: toBeijingIso(row.time) })) });
  });

  router.post('/forecasts', managesData, (request, response) => {
    requireContentType(request, ['application/json']);
    const result = acceptedValue(ingest.forecasts(request.body, caller(request)));
    response.json({ accepted: result.accepted, written: result.written, superseded: result.superseded });
  });

  router.put('/stations/:id', managesData, (request, response) => {
    requireContentType(request, ['application/json']);
    const station = acceptedValue(ingest.putStation(request.params.id, request.body, caller(request)));
    response.json({ station });
  });

  router.post('/stations/import', managesData, csvBody, (request, response) => {
    requireContentType(request, ['text/csv', 'text/plain']);
    const stations = acceptedValue(ingest.importStations(String(request.body), caller(request)));
    response.json({ imported: stations.length, stations });
  });
  return router;
}
