import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Store } from '../store/types';

/** Methods that never write. */
const reading = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A 2xx/3xx to a request that may have written goes out only once the store says its commits survive a power
 * loss (Store.durable): the commit itself returned at once, so the engine's tick and the live push run
 * while the disk syncs (issue 16.3). A refusal (4xx, 5xx) wrote nothing and is answered at once. Every way
 * of answering (send, json, sendStatus, end) ends in `end`, which waits here. A failed sync answers nothing:
 * the connection is dropped, so the client sees no acknowledgement and sends again.
 */
export function durableWrites(store: Pick<Store, 'durable'>, logger: Logger): RequestHandler {
  return (request, response, next) => {
    if (reading.has(request.method)) {
      next();
      return;
    }
    const end = response.end.bind(response) as (...args: unknown[]) => Response;
    response.end = ((...args: unknown[]) => {
      if (response.statusCode >= 400) return end(...args);
      store.durable().then(
        () => end(...args),
        (error: unknown) => {
          logger.error(
            { err: error, method: request.method, url: request.originalUrl },
            'write not synced to disk: answer withheld',
          );
          response.destroy();
        },
      );
      return response;
    }) as Response['end'];
    next();
  };
}
