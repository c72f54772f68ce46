import type { Jurisdiction } from '../../../shared/units/schema';
import type { SqlDatabase } from '../sql';

/**
 * The exercise markers EventStore.startExercise writes: one version of the document `exercise:<j>` per
 * replay pass, holding the last warning event of the pass before. Events and daily reports belong to the
 * latest marker; 0 means no marker yet.
 */
export function exerciseMarkers(database: SqlDatabase) {
  const latest = database.prepare<[string], { version: number; body: string }>(
    "SELECT version, body FROM documents WHERE kind = 'exercise:' || ? ORDER BY version DESC LIMIT 1",
  );
  const insert = database.prepare(
    `INSERT INTO documents (kind, version, at, body)
     SELECT 'exercise:' || ?, coalesce(max(version), 0) + 1, ?, ? FROM documents WHERE kind = 'exercise:' || ?`,
  );
  return {
    start(jurisdiction: Jurisdiction, afterSeq: number, at: number): void {
      insert.run(jurisdiction, at, JSON.stringify({ afterSeq }), jurisdiction);
    },
    current(jurisdiction: Jurisdiction): number {
      return latest.get(jurisdiction)?.version ?? 0;
    },
    /** The last event seq of an earlier exercise. */
    afterSeq(jurisdiction: Jurisdiction): number {
      const marker = latest.get(jurisdiction);
      return marker ? (JSON.parse(marker.body) as { afterSeq: number }).afterSeq : 0;
    },
  };
}
