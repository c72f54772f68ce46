import type { EnterpriseCheck, Observed } from '../../../geo/layers/enterprise-check';
import type { Jurisdiction } from '../../../shared/units/schema';
import type { SqlDatabase } from '../sql';
import type { EnterpriseCheckStore } from '../types';
import { exerciseMarkers } from './exercise';

type CheckRecord = {
  jurisdiction: Jurisdiction;
  enterprise_id: string;
  observed: Observed;
  load_percent: number | null;
  note: string | null;
  checked_at: number;
  checked_by: string;
};

function toCheck(record: CheckRecord): EnterpriseCheck {
  return {
    enterpriseId: record.enterprise_id,
    jurisdiction: record.jurisdiction,
    observed: record.observed,
    loadPercent: record.load_percent,
    note: record.note,
    checkedAt: record.checked_at,
    checkedBy: record.checked_by,
  };
}

/** Checks belong to the jurisdiction's current exercise, as daily reports do (./exercise.ts). */
export function enterpriseCheckStore(database: SqlDatabase): EnterpriseCheckStore {
  const exercises = exerciseMarkers(database);
  const insert = database.prepare(
    `INSERT INTO enterprise_checks
       (jurisdiction, exercise, enterprise_id, observed, load_percent, note, checked_at, checked_by)
     VALUES (@jurisdiction, @exercise, @enterpriseId, @observed, @loadPercent, @note, @checkedAt, @checkedBy)`,
  );
  const latest = database.prepare<[string, number, number], CheckRecord>(
    `SELECT * FROM enterprise_checks WHERE id IN (
       SELECT max(id) FROM enterprise_checks
       WHERE jurisdiction = ? AND exercise = ? AND checked_at <= ? GROUP BY enterprise_id
     ) ORDER BY enterprise_id`,
  );
  return {
    addEnterpriseCheck: (check) => {
      insert.run({ ...check, exercise: exercises.current(check.jurisdiction) });
    },
    latestEnterpriseChecks: (jurisdiction, until = Number.MAX_SAFE_INTEGER) =>
      latest.all(jurisdiction, exercises.current(jurisdiction), until).map(toCheck),
  };
}
