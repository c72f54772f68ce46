import type { z } from 'zod';
import { type ErrorBody, errorBodySchema } from '../../../shared/api/responses';
import { csrfHeader } from '../../../shared/api/session';
import type { Language } from '../i18n/define';

/**
 * An HTTP error with the server's answer (docs/API.md: `{ error }`, a machine `code` and both languages
 * where the server gives them), or a response that did not match its schema (status 0).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.error);
  }

  /** The message in the language shown: the server's own translation when it gave one, then its issues. */
  say(language: Language): string {
    const text = language === 'zh' ? this.body.zh : this.body.en;
    return [text ?? this.body.error, this.issues(language)].filter(Boolean).join(' — ');
  }

  /** Each issue the server named, with the row of a file where it gave one. */
  issues(language: Language): string {
    const row = (at: number | undefined) =>
      at === undefined ? '' : language === 'zh' ? `第${at}行 ` : `row ${at} `;
    return (this.body.issues ?? [])
      .map((issue) => `${row(issue.row)}${issue.field}: ${issue.message}`)
      .join('; ');
  }
}

/** An aborted request (a newer one replaced it, or the view went away): never an error to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

async function read<S extends z.ZodType>(response: Response, schema: S, what: string): Promise<z.infer<S>> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    throw new ApiError(
      response.status,
      parsed.success ? parsed.data : { error: `${what}: HTTP ${response.status}` },
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ApiError(0, {
      error: `${what}: unexpected answer (${first?.path.join('.') || 'body'}: ${first?.message})`,
    });
  }
  return parsed.data;
}

export type RequestOptions = { signal?: AbortSignal };

/** GET a path and parse its answer with the shared schema. */
export async function getJson<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await fetch(path, { credentials: 'same-origin', signal: options.signal });
  return read(response, schema, `GET ${path.split('?')[0]}`);
}

type SendOptions = RequestOptions & { csrfToken?: string };

/** A state-changing request: the session cookie, the CSRF token when given, the answer parsed with `schema`. */
async function send<S extends z.ZodType>(
  path: string,
  request: { method: 'POST' | 'PUT'; contentType: string; body: BodyInit },
  schema: S,
  options: SendOptions,
): Promise<z.infer<S>> {
  const response = await fetch(path, {
    method: request.method,
    credentials: 'same-origin',
    headers: {
      'content-type': request.contentType,
      ...(options.csrfToken ? { [csrfHeader]: options.csrfToken } : {}),
    },
    body: request.body,
    signal: options.signal,
  });
  return read(response, schema, `${request.method} ${path.split('?')[0]}`);
}

/** A state-changing request (POST, or PUT where the API replaces a record) with a JSON body. */
export function postJson<S extends z.ZodType>(
  path: string,
  body: unknown,
  schema: S,
  options: SendOptions & { method?: 'POST' | 'PUT' } = {},
): Promise<z.infer<S>> {
  const method = options.method ?? 'POST';
  return send(path, { method, contentType: 'application/json', body: JSON.stringify(body) }, schema, options);
}

/** A file posted as it is (a CSV table the server decodes, UTF-8 or GBK), with the query the API asks for. */
export function postFile<S extends z.ZodType>(
  path: string,
  file: Blob,
  contentType: string,
  schema: S,
  options: SendOptions & { csrfToken: string },
): Promise<z.infer<S>> {
  return send(path, { method: 'POST', contentType, body: file }, schema, options);
}
