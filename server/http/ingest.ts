import express, { type Request, Router } from 'express';
import { z } from 'zod';
import { unitById } from '../../geo/units';
import { decodeOfficeText } from '../../shared/office-text';
import { instantSchema } from '../../shared/time-schemas';
import type { Jurisdiction } from '../../shared/units/schema';
import { jurisdictionsAccess } from '../auth/access';
import { actorName, dataRoles } from '../auth/principal';
import { forecastsFromCsv, forecastsFromJson } from '../ingest/forecasts';
import { observationsFromCsv, observationsFromJson } from '../ingest/observations';
import type { IngestResult } from '../ingest/result';
import type { Ingest } from '../ingest/service';
import type { StationRow, Store } from '../store/types';
import { HttpError, parseOr400 } from './errors';
import { allow, enforce, requirePrincipal } from './guards';
import { observationsJson } from './observations-json';

export const observationQuerySchema = z.object({
  station: z.string().min(1),
  from: instantSchema.default(Number.MIN_SAFE_INTEGER),
  to: instantSchema.default(Number.MAX_SAFE_INTEGER),
});

/** Request bodies over 5 MB are refused with 413 (about 40,000 CSV station-hours). */
export const bodyLimit = '5mb';

// Raw bytes: an office's CSV is UTF-8 or GBK whatever its Content-Type says (shared/office-text).
const csvBody = express.raw({ type: ['text/csv', 'text/plain'], limit: bodyLimit });

function csvText(request: Request): string {
  return Buffer.isBuffer(request.body) ? decodeOfficeText(request.body) : '';
}

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

const jurisdictionOfUnit = (unitId: string | null | undefined): Jurisdiction | null =>
  (unitId && unitById.get(unitId)?.jurisdiction) || null;

/**
 * Data management: observations, forecasts and stations, for the duty officer, the office and feeders. An
 * account bound to one prefecture writes only for its units: every station and unit a request names, and
 * every station it would move, must lie there (403 otherwise, nothing written).
 */
export function ingestRouter(ingest: Ingest, store: Store): Router {
  const router = Router();
  const managesData = allow(dataRoles, { feeders: true });
  const stationJurisdictions = (ids: Iterable<string | undefined>) => {
    const unitOf = ingest.stationUnits();
    return [...ids].map((id) => (id === undefined ? null : jurisdictionOfUnit(unitOf.get(id))));
  };
  const touching = (request: Request, jurisdictions: Iterable<Jurisdiction | null>) =>
    enforce(jurisdictionsAccess(requirePrincipal(request), jurisdictions));
  // A station counts for the unit it would be in and for the unit it is in now (a move out of a prefecture).
  const touchingStations = (request: Request, stations: readonly StationRow[]) =>
    touching(request, [
      ...stations.map((station) => jurisdictionOfUnit(station.unitId)),
      ...stationJurisdictions(stations.map((station) => station.id)),
    ]);

  router.post('/observations', managesData, csvBody, (request, response) => {
    requireContentType(request, ['application/json', 'text/csv', 'text/plain']);
    const batch = acceptedValue(
      isCsv(request) ? observationsFromCsv(csvText(request)) : observationsFromJson(request.body),
    );
    touching(request, stationJurisdictions(new Set(batch.stations)));
    const result = acceptedValue(ingest.observations(batch, caller(request)));
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
    // The same headers as response.json, whose generic path would need the rows as objects first.
    response.set('Content-Type', 'application/json; charset=utf-8');
    response.send(observationsJson(query.station, store.stationRecords(query.station, query.from, query.to)));
  });

  router.post('/forecasts', managesData, csvBody, (request, response) => {
    requireContentType(request, ['application/json', 'text/csv', 'text/plain']);
    const issue = acceptedValue(
      isCsv(request) ? forecastsFromCsv(csvText(request), request.query) : forecastsFromJson(request.body),
    );
    touching(
      request,
      issue.rows.map((row) => jurisdictionOfUnit(row.unit)),
    );
    const result = acceptedValue(ingest.forecasts(issue, caller(request)));
    response.json({ accepted: result.accepted, written: result.written, superseded: result.superseded });
  });

  router.put('/stations/:id', managesData, (request, response) => {
    requireContentType(request, ['application/json']);
    const station = acceptedValue(
      ingest.putStation(request.params.id, request.body, caller(request), (stations) =>
        touchingStations(request, stations),
      ),
    );
    response.json({ station });
  });

  router.post('/stations/import', managesData, csvBody, (request, response) => {
    requireContentType(request, ['text/csv', 'text/plain']);
    const stations = acceptedValue(
      ingest.importStations(csvText(request), caller(request), (rows) => touchingStations(request, rows)),
    );
    response.json({ imported: stations.length, stations });
  });
  return router;
}
