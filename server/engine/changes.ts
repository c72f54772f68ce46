/** What one tick changed compared with the previous state, for the lean deltas (issue 6). */

/** The new value, or undefined when it equals the previous one. */
export function ifChanged<Value>(previous: Value | undefined, next: Value): Value | undefined {
  return JSON.stringify(previous) === JSON.stringify(next) ? undefined : next;
}

function plain(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * Whether two values serialise to the same JSON (what a client would receive). Most fields are strings,
 * finite numbers, booleans or null, compared directly; anything else (objects, NaN) is serialised.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (plain(a) && plain(b)) return false;
  return JSON.stringify(a) === JSON.stringify(b);
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
