import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { dustAdvisoryContextSchema } from '../../../shared/documents/dust-advisory';
import { type FormFields, formFieldsSchema } from '../../../shared/documents/forms';
import { pressWarningsSchema } from '../../../shared/documents/listing';
import { type NoticeEdits, noticeContextSchema, noticeEditsSchema } from '../../../shared/documents/notice';
import { toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import type { Language } from '../i18n/define';
import { getJson, postJson } from './http';
import { queryClient } from './query-client';

/** A document's query string; instants (`at`, `from`, `to`) as ISO hour ends in Beijing time. */
export function documentQuery(values: Record<string, string | number | undefined>): string {
  const entries = Object.entries(values).flatMap(([key, value]) =>
    value === undefined
      ? []
      : [[key, key === 'at' || key === 'from' || key === 'to' ? toBeijingIso(Number(value)) : String(value)]],
  );
  return new URLSearchParams(entries).toString();
}

const savedSchema = z.object({ at: z.number(), actor: z.string(), released: z.boolean() });
const noticeResponseSchema = z.object({
  context: noticeContextSchema,
  edits: noticeEditsSchema,
  released: z.object({ at: z.number(), actor: z.string() }).nullable(),
  history: z.array(savedSchema),
});
export type NoticeResponse = z.infer<typeof noticeResponseSchema>;
const fieldsResponseSchema = z.object({ fields: formFieldsSchema, history: z.array(savedSchema) });

const warningPath = (warningId: string) => `/api/warnings/${encodeURIComponent(warningId)}`;

/** The press page's reads of the documents API (docs/API.md, "Press and documents"). */
export const pressQueries = {
  /** The warnings issued by the chosen hour (`at` undefined: the engine's now). */
  warnings: (jurisdiction: Jurisdiction, at: number | undefined) =>
    queryOptions({
      queryKey: ['press-warnings', jurisdiction, at ?? null],
      queryFn: ({ signal }) =>
        getJson(`/api/press/warnings?${documentQuery({ jurisdiction, at })}`, pressWarningsSchema, {
          signal,
        }),
    }),

  notice: (warningId: string, at: number, language: Language) =>
    queryOptions({
      queryKey: ['notice', warningId, at, language],
      queryFn: ({ signal }) =>
        getJson(
          `${warningPath(warningId)}/notice?${documentQuery({ format: 'json', at, lang: language })}`,
          noticeResponseSchema,
          { signal },
        ),
    }),

  /** What the health advice for sand and dust is written from at the chosen hour; null when no unit is in dust. */
  dustAdvisory: (jurisdiction: Jurisdiction, at: number) =>
    queryOptions({
      queryKey: ['dust-advisory', jurisdiction, at],
      queryFn: async ({ signal }) => {
        const answer = await getJson(
          `/api/dust-advisory?${documentQuery({ jurisdiction, format: 'json', at })}`,
          z.object({ context: dustAdvisoryContextSchema.nullable() }),
          { signal },
        );
        return answer.context;
      },
    }),

  formFields: (warningId: string) =>
    queryOptions({
      queryKey: ['form-fields', warningId],
      queryFn: ({ signal }) =>
        getJson(`${warningPath(warningId)}/forms/fields`, fieldsResponseSchema, { signal }),
    }),
};

export async function saveNoticeEdits(warningId: string, at: number, edits: NoticeEdits, csrfToken: string) {
  await postJson(`${warningPath(warningId)}/notice`, { edits, at: toBeijingIso(at) }, z.unknown(), {
    csrfToken,
    method: 'PUT',
  });
  await queryClient.invalidateQueries({ queryKey: ['notice', warningId] });
}

export async function releaseNotice(warningId: string, at: number, csrfToken: string) {
  await postJson(`${warningPath(warningId)}/notice/release`, { at: toBeijingIso(at) }, z.unknown(), {
    csrfToken,
  });
  await queryClient.invalidateQueries({ queryKey: ['notice', warningId] });
}

export async function saveFormFields(warningId: string, fields: FormFields, csrfToken: string) {
  const saved = await postJson(
    `${warningPath(warningId)}/forms/fields`,
    fields,
    z.object({ fields: formFieldsSchema }),
    { csrfToken, method: 'PUT' },
  );
  await queryClient.invalidateQueries({ queryKey: ['form-fields', warningId] });
  return saved;
}
