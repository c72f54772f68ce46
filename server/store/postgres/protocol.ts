/** What the main thread asks the connection's worker, and what it answers (./worker.ts). */
export type Request = { id: number; sql: string; params: unknown[]; arrays: boolean };

export type Reply =
  | { id: number; ok: true; rows: unknown[]; changes: number }
  /** lost: the connection failed (the database is down or unreachable), not the statement. */
  | { id: number; ok: false; lost: boolean; message: string; code: string | null };
