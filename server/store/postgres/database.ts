import type { SqlDatabase, SqlStatement } from '../sql';
import { StoreUnavailableError } from '../unavailable';
import type { SyncConnection } from './sync-connection';

/**
 * Every write transaction takes this transaction-level advisory lock first: writers queue as they do on
 * SQLite, so the read-then-insert of the next audit entry or event number stays one step when several
 * processes share the database. Reads never take it.
 */
export const writeLockKey = 7_317_019;

/** `?` and `@name` parameters (outside quoted text) as PostgreSQL's `$1…`, with the names in order. */
export function numberedParameters(sql: string): { text: string; names: string[] | null } {
  const names: string[] = [];
  let positional = 0;
  let text = '';
  let quoted = false;
  for (let index = 0; index < sql.length; index += 1) {
    const character = sql[index]!;
    if (character === "'") quoted = !quoted;
    if (!quoted && character === '?') text += `$${++positional}`;
    else if (!quoted && character === '@') {
      const name = /^[A-Za-z_]\w*/.exec(sql.slice(index + 1))![0];
      let position = names.indexOf(name);
      if (position < 0) position = names.push(name) - 1;
      text += `$${position + 1}`;
      index += name.length;
    } else text += character;
  }
  return { text, names: names.length > 0 ? names : null };
}

class Statement implements SqlStatement<unknown[], unknown> {
  private arrays = false;
  private readonly text: string;
  private readonly names: string[] | null;

  constructor(
    private readonly connection: SyncConnection,
    sql: string,
  ) {
    ({ text: this.text, names: this.names } = numberedParameters(sql));
  }

  private values(params: unknown[]): unknown[] {
    if (this.names) {
      const named = (params[0] ?? {}) as Record<string, unknown>;
      return this.names.map((name) => named[name] ?? null);
    }
    const flat = params.length === 1 && Array.isArray(params[0]) ? (params[0] as unknown[]) : params;
    return flat.map((value) => value ?? null);
  }

  private query(params: unknown[]) {
    return this.connection.query(this.text, this.values(params), { arrays: this.arrays });
  }

  run(...params: unknown[]) {
    return { changes: this.query(params).changes };
  }
  get(...params: unknown[]) {
    return this.query(params).rows[0];
  }
  all(...params: unknown[]) {
    return this.query(params).rows;
  }
  iterate(...params: unknown[]) {
    return this.query(params).rows.values();
  }
  raw(toggleState = true) {
    this.arrays = toggleState;
    return this;
  }
}

/** The store's SQL interface (../sql.ts) over one synchronous PostgreSQL connection. */
export function postgresDatabase(connection: SyncConnection): SqlDatabase {
  let depth = 0;
  const database = {
    get inTransaction() {
      return depth > 0;
    },
    prepare: (sql: string) => new Statement(connection, sql),
    exec: (sql: string) => connection.query(sql),
    transaction<F extends (...params: never[]) => unknown>(fn: F) {
      return (...params: Parameters<F>): ReturnType<F> => {
        const savepoint = `nested_${depth}`;
        if (depth === 0) connection.query(`BEGIN; SELECT pg_advisory_xact_lock(${writeLockKey})`);
        else connection.query(`SAVEPOINT ${savepoint}`);
        depth += 1;
        let result: ReturnType<F>;
        try {
          result = fn(...params) as ReturnType<F>;
        } catch (error) {
          depth -= 1;
          undo(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}`);
          throw error;
        }
        depth -= 1;
        if (depth === 0) connection.query('COMMIT');
        else connection.query(`RELEASE SAVEPOINT ${savepoint}`);
        return result;
      };
    },
  };
  /** A rollback on a lost connection has nothing to undo: PostgreSQL dropped the transaction with it. */
  function undo(sql: string): void {
    try {
      connection.query(sql);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
    }
  }
  return database as SqlDatabase;
}
