/**
 * The part of better-sqlite3's API the store's modules use, so that one set of repository code runs on
 * SQLite and, through server/store/postgres/database.ts, on PostgreSQL. Their SQL is written in what both
 * speak (`?` and `@name` parameters, ON CONFLICT, IS DISTINCT FROM, RETURNING); the schemas differ and are
 * in each store's migrations.
 */
export interface SqlStatement<BindParameters extends unknown[], Result = unknown> {
  run(...params: BindParameters): { changes: number };
  get(...params: BindParameters): Result | undefined;
  all(...params: BindParameters): Result[];
  iterate(...params: BindParameters): IterableIterator<Result>;
  /** Rows as arrays of column values. */
  raw(toggleState?: boolean): this;
}

// biome-ignore lint/suspicious/noExplicitAny: the same constraint as better-sqlite3's transaction().
type AnyFunction = (...params: any[]) => unknown;
type ArgumentTypes<F extends AnyFunction> = F extends (...params: infer A) => unknown ? A : never;

export interface SqlDatabase {
  readonly inTransaction: boolean;
  prepare<BindParameters extends unknown[] | object = unknown[], Result = unknown>(
    source: string,
  ): BindParameters extends unknown[]
    ? SqlStatement<BindParameters, Result>
    : SqlStatement<[BindParameters], Result>;
  /** fn in one transaction (a savepoint when nested): all its writes land, or none. */
  transaction<F extends AnyFunction>(fn: F): (...params: ArgumentTypes<F>) => ReturnType<F>;
  exec(source: string): unknown;
}
