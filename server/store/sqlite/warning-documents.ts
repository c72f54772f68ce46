import type { Jurisdiction } from '../../../shared/units/schema';
import type { SqlDatabase } from '../sql';
import type { WarningDocumentRow, WarningDocumentStore } from '../types';
import { exerciseMarkers } from './exercise';

type DocumentRecord = {
  jurisdiction: Jurisdiction;
  warning_id: string;
  document: WarningDocumentRow['document'];
  segment: number | null;
  body: string;
  released: number;
  at: number;
  actor: string;
};

/** Form fields and notice edits of the current exercise: a replay pass may reuse a warning id. */
export function warningDocumentStore(database: SqlDatabase): WarningDocumentStore {
  const exercises = exerciseMarkers(database);
  const insert = database.prepare(
    `INSERT INTO warning_documents (jurisdiction, exercise, warning_id, document, segment, body, released, at, actor)
     VALUES (@jurisdiction, @exercise, @warningId, @document, @segment, @body, @released, @at, @actor)`,
  );
  const select = database.prepare<[string, number, string], DocumentRecord>(
    'SELECT * FROM warning_documents WHERE jurisdiction = ? AND exercise = ? AND warning_id = ? ORDER BY id',
  );
  return {
    addWarningDocument: (row) => {
      insert.run({
        ...row,
        exercise: exercises.current(row.jurisdiction),
        body: JSON.stringify(row.body),
        released: row.released ? 1 : 0,
      });
    },
    warningDocuments: (jurisdiction, warningId) =>
      select.all(jurisdiction, exercises.current(jurisdiction), warningId).map((record) => ({
        jurisdiction: record.jurisdiction,
        warningId: record.warning_id,
        document: record.document,
        segment: record.segment,
        body: JSON.parse(record.body) as unknown,
        released: record.released === 1,
        at: record.at,
        actor: record.actor,
      })),
  };
}
