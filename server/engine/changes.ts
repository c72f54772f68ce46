/** What one tick changed compared with the previous state, for the lean deltas (issue 6). */

/** The new value, or undefined when it equals the previous one. */
export function ifChanged<Value>(previous: Value | undefined, next: Value): Value | undefined {
  return JSON.stringify(previous) === JSON.stringify(next) ? undefined : next;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A primitive as JSON writes it (non-finite numbers become null); undefined for anything else. */
function jsonPrimitive(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return undefined;
}

/** Keys JSON.stringify writes, in its order. */
function writtenKeys(object: object): string[] {
  return Object.keys(object).filter((key) => !omitted((object as Record<string, unknown>)[key]));
}

/**
 * Whether two values serialise to the same JSON (what a client would receive), by walking them instead of
 * serialising both: plain data (the state's rows), with JSON's rules for NaN, undefined and key order.
 * Anything JSON would treat specially (toJSON, a bigint) is serialised.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const left = jsonPrimitive(a);
  const right = jsonPrimitive(b);
  if (left !== undefined || right !== undefined) return left === right && left !== undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return JSON.stringify(a) === JSON.stringify(b);
  if ('toJSON' in a || 'toJSON' in b) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) {
      const x: unknown = a[index];
      const y: unknown = b[index];
      if (!sameJson(omitted(x) ? null : x, omitted(y) ? null : y)) return false;
    }
    return true;
  }
  const keys = writtenKeys(a);
  const otherKeys = writtenKeys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index]!;
    if (key !== otherKeys[index]) return false;
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Per row that changed: its id and only the fields whose value changed (a lean delta). */
export function changedRows<Row extends { id: string }>(
  previous: readonly Row[] | undefined,
  next: readonly Row[],
): (Partial<Row> & { id: string })[] {
  const before = new Map((previous ?? []).map((row) => [row.id, row] as const));
  const changes: (Partial<Row> & { id: string })[] = [];
  for (const row of next) {
    const old = before.get(row.id);
    if (!old) {
      changes.push(row);
      continue;
    }
    const change: Partial<Row> & { id: string } = { id: row.id } as Partial<Row> & { id: string };
    let changed = false;
    for (const key of Object.keys(row) as (keyof Row)[]) {
      if (sameJson(row[key], old[key])) continue;
      change[key] = row[key];
      changed = true;
    }
    if (changed) changes.push(change);
  }
  return changes;
}
