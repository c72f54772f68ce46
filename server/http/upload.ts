import express, { type Request } from 'express';
import type { ImportFailure } from '../imports/runner';
import { HttpError } from './errors';
import { bodyLimit } from './ingest';

/** A file upload as the raw request body, whatever its Content-Type (up to the API's body limit). */
export const uploadBody = express.raw({ type: () => true, limit: bodyLimit });

/** The uploaded bytes: a GeoJSON sent as application/json was already parsed by the API's JSON reader. */
export function uploadBytes(request: Request, what: string): Uint8Array {
  const body: unknown = request.body;
  const bytes = Buffer.isBuffer(body)
    ? new Uint8Array(body)
    : body && typeof body === 'object'
      ? new TextEncoder().encode(JSON.stringify(body))
      : new Uint8Array();
  if (bytes.length === 0) throw new HttpError(400, { error: `send the file as the request body (${what})` });
  return bytes;
}

/** An import that produced no plan: too many waiting is 503 (retry), anything else the file's fault. */
export function importFailure(failure: ImportFailure, body: (message: string) => Record<string, unknown>) {
  if (failure.reason === 'busy')
    return new HttpError(503, { error: failure.message }, { 'Retry-After': '60' });
  return new HttpError(422, { error: 'the file was not imported', ...body(failure.message) });
}
