import { z } from 'zod';
import { formFieldsSchema } from '../../../shared/documents/forms';
import { type PressWarnings, pressWarningsSchema } from '../../../shared/documents/listing';
import { noticeContextSchema, noticeEditsSchema } from '../../../shared/documents/notice';
import { toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import type { Language } from '../i18n/dictionary';

/** The press page's reads and writes of the documents API (docs/API.md, "Press and documents"), parsed with the shared schemas. */
export class PressApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function json(response: Response): Promise<unknown> {
  if (response.ok) return response.json();
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  throw new PressApiError(response.status, body.error ?? `HTTP ${response.status}`);
}

async function send(
  method: 'PUT' | 'POST',
  path: string,
  body: unknown,
  csrfToken: string,
): Promise<unknown> {
  return json(
    await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    }),
  );
}

/** A query string; `at` as an ISO hour end in Beijing time. */
export function query(values: Record<string, string | number | undefined>): string {
  const entries = Object.entries(values).flatMap(([key, value]) =>
    value === undefined
      ? []
      : [[key, key === 'at' || key === 'from' || key === 'to' ? toBeijingIso(Number(value)) : String(value)]],
  );
  return new URLSearchParams(entries).toString();
}

export async function pressWarnings(
  jurisdiction: Jurisdiction,
  at: number | undefined,
): Promise<PressWarnings> {
  return pressWarningsSchema.parse(
    await json(await fetch(`/api/press/warnings?${query({ jurisdiction, at })}`)),
  );
}

const savedSchema = z.object({ at: z.number(), actor: z.string(), released: z.boolean() });
const noticeResponseSchema = z.object({
  context: noticeContextSchema,
  edits: noticeEditsSchema,
  released: z.object({ at: z.number(), actor: z.string() }).nullable(),
  history: z.array(savedSchema),
});
export type NoticeResponse = z.infer<typeof noticeResponseSchema>;

export async function noticeOf(warningId: string, at: number, language: Language): Promise<NoticeResponse> {
  const path = `/api/warnings/${encodeURIComponent(warningId)}/notice?${query({ format: 'json', at, lang: language })}`;
  return noticeResponseSchema.parse(await json(await fetch(path)));
}

export function saveNoticeEdits(warningId: string, at: number, edits: unknown, csrfToken: string) {
  return send(
    'PUT',
    `/api/warnings/${encodeURIComponent(warningId)}/notice`,
    { edits, at: toBeijingIso(at) },
    csrfToken,
  );
}

export function releaseNotice(warningId: string, at: number, csrfToken: string) {
  return send(
    'POST',
    `/api/warnings/${encodeURIComponent(warningId)}/notice/release`,
    { at: toBeijingIso(at) },
    csrfToken,
  );
}

const fieldsResponseSchema = z.object({ fields: formFieldsSchema, history: z.array(savedSchema) });

export async function formFields(warningId: string) {
  return fieldsResponseSchema.parse(
    await json(await fetch(`/api/warnings/${encodeURIComponent(warningId)}/forms/fields`)),
  );
}

export async function saveFormFields(warningId: string, fields: unknown, csrfToken: string) {
  return z
    .object({ fields: formFieldsSchema })
    .parse(
      await send('PUT', `/api/warnings/${encodeURIComponent(warningId)}/forms/fields`, fields, csrfToken),
    );
}
