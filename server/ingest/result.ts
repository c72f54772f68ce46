import type { Issue } from '../../shared/issues';

/**
 * Why ingest refused a request; it wrote nothing. The transport (server/http) answers each kind with its
 * status: `invalid` 400, `unknown-stations` and `unknown-units` 422.
 */
export type IngestRefusal =
  | { kind: 'invalid'; error: string; issues: Issue[] }
  | { kind: 'unknown-stations'; error: string; stations: string[] }
  | { kind: 'unknown-units'; error: string; units: string[] };

export type IngestResult<Value> = { ok: true; value: Value } | { ok: false; refusal: IngestRefusal };

export function accepted<Value>(value: Value): IngestResult<Value> {
  return { ok: true, value };
}

export function refused(refusal: IngestRefusal): { ok: false; refusal: IngestRefusal } {
  return { ok: false, refusal };
}

export function invalid(error: string, issues: Issue[]): { ok: false; refusal: IngestRefusal } {
  return refused({ kind: 'invalid', error, issues });
}
