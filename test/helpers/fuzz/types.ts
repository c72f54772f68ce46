import type fc from 'fast-check';
import type { Session, TestServer } from '../server';
import type { StoreReader } from './store-reader';

/**
 * Property-based probing of every write endpoint against a real server (issue 14, "make the class
 * impossible"). Each request — random or malformed bodies, files and dates — must answer below 500 within
 * the time limit; a refused request must leave every table as it was (only the audit may record a refusal);
 * an accepted one must have an effect; the server's memory stays bounded and its health clean.
 * test/integration/fuzz.test.ts runs a bounded number of cases; `npm run bench fuzz` runs many more.
 */

export const feederKey = 'fuzz-feeder-key-0123456789abcdef';
/**
 * No request may take longer, and the server may never stop answering its health check for longer (the
 * hang the issue found lasted forever). A file import may use its reader's own limit (20 s): it runs in a
 * worker while the server keeps answering.
 */
export const requestLimitMs = 5_000;
export const importLimitMs = 25_000;
/** RSS over the start's by more than this is a leak or an unbounded read. */
export const rssGrowthLimit = 600 * 1024 * 1024;

export type Caller = 'office' | 'ili-office' | 'feeder' | 'anonymous';
export type FuzzRequest = {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  caller: Caller;
  contentType?: string;
  fileName?: string;
  body?: string | Uint8Array;
};

export type Fuzz = {
  server: TestServer;
  /** The probe's direct look into the server's store (SQLite or PostgreSQL). */
  reader: StoreReader;
  sessions: Record<'office' | 'ili-office', Session>;
  /** A warning proposed at set-up, so that actions on an existing warning are reached. */
  warningId: string;
  rssAtStart: number;
  /** Answers seen per target and status, to show what a run reached. */
  statuses: Map<string, Map<number, number>>;
  close: () => Promise<void>;
};

/** What an accepted request must have done: a table changed, or the answer says why nothing had to. */
export type EffectCheck = (response: unknown) => boolean;

export type FuzzTarget = {
  name: string;
  requests: (fuzz: Fuzz) => fc.Arbitrary<FuzzRequest>;
  /** For endpoints whose 2xx may legitimately change nothing (an idempotent re-send). */
  noOp?: EffectCheck;
  /** Beyond "some table changed": the answer shows the effect (e.g. the warning it made). */
  effect?: EffectCheck;
  /** A file import: read in a worker within its own time limit. */
  fileImport?: true;
};
