import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { issuesOf } from '../../shared/issues';

export type { Issue } from '../../shared/issues';

/** An error the client caused or may see: its status and JSON body go out as they are. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error: string; [detail: string]: unknown },
    readonly headers: Record<string, string> = {},
  ) {
    super(body.error);
  }
}

export { issuesOf };

/** Parses with a zod schema or throws 400 listing every issue with its path. */
export function parseOr400<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, { error: `invalid ${what}`, issues: issuesOf(parsed.error) });
  return parsed.data;
}

/** Parses a path segment naming a thing (a layer kind, an action): anything else is an unknown path, 404. */
export function parseOr404<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(404, { error: `no ${what} ${String(value)}` });
  return parsed.data;
}

export const notFound: RequestHandler = (_request, _response, next) => {
  next(new HttpError(404, { error: 'not found' }));
};

/** Known errors keep their status and body; anything else is logged and answered 500 with no stack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    if (error instanceof HttpError) {
      response.status(error.status).set(error.headers).json(error.body);
      return;
    }
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (error?.type === 'entity.too.large') {
      response.status(413).json({ error: `request body over the limit of ${error.limit} bytes` });
      return;
    }
    if (error?.type === 'entity.parse.failed') {
      response.status(400).json({ error: 'request body is not valid JSON' });
      return;
    }
    // The store's StoreUnavailableError: the database is down, nothing was written; its message says so.
    if (status === 503 && error.expose) {
      logger.warn(
        { method: request.method, url: request.originalUrl, problem: error.message },
        'store unavailable',
      );
      response
        .status(503)
        .set('Retry-After', '5')
        .json({ error: String(error.message) });
      return;
    }
    if (status >= 400 && status < 500) {
      response.status(status).json({ error: error.expose ? String(error.message) : 'bad request' });
      return;
    }
    logger.error({ err: error, method: request.method, url: request.originalUrl }, 'request failed');
    response.status(500).json({ error: 'internal error' });
  };
}
