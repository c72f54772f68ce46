/**
 * The database cannot be reached (PostgreSQL down, its connection lost, a query that outlived its time):
 * nothing was written. HTTP answers 503 with this message (server/http/errors.ts); the store reconnects
 * by itself at the next call.
 */
export class StoreUnavailableError extends Error {
  readonly status = 503;
  readonly expose = true;
  constructor(detail: string) {
    super(`the database is unavailable (${detail}); nothing was written, retry shortly`);
    this.name = 'StoreUnavailableError';
  }
}
