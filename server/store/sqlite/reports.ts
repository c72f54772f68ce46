import type { Jurisdiction } from '../../../shared/units/schema';
import type { SqlDatabase } from '../sql';
import type { DailyReportRow, ReportStore } from '../types';
import { exerciseMarkers } from './exercise';

type ReportRecord = {
  jurisdiction: Jurisdiction;
  reporter: string;
  date: string;
  received_at: number;
  recorded_by: string;
  summary: string | null;
};

function toReport(record: ReportRecord): DailyReportRow {
  return {
    jurisdiction: record.jurisdiction,
    reporter: record.reporter,
    date: record.date,
    receivedAt: record.received_at,
    recordedBy: record.recorded_by,
    summary: record.summary,
  };
}

export function reportStore(database: SqlDatabase): ReportStore {
  const exercises = exerciseMarkers(database);
  const one = database.prepare<[string, number, string, string], ReportRecord>(
    'SELECT * FROM daily_reports WHERE jurisdiction = ? AND exercise = ? AND reporter = ? AND date = ?',
  );
  const upsert = database.prepare(
    `INSERT INTO daily_reports (jurisdiction, exercise, reporter, date, received_at, recorded_by, summary)
     VALUES (@jurisdiction, @exercise, @reporter, @date, @receivedAt, @recordedBy, @summary)
     ON CONFLICT (jurisdiction, exercise, reporter, date) DO UPDATE SET received_at = excluded.received_at,
       recorded_by = excluded.recorded_by, summary = excluded.summary`,
  );
  const put = database.transaction((row: DailyReportRow) => {
    const current = exercises.current(row.jurisdiction);
    const previous = one.get(row.jurisdiction, current, row.reporter, row.date);
    upsert.run({ ...row, exercise: current });
    return previous ? toReport(previous) : null;
  });
  return {
    putDailyReport: (row) => put(row),
    dailyReports: (jurisdiction, date) =>
      database
        .prepare<[string, number, string], ReportRecord>(
          'SELECT * FROM daily_reports WHERE jurisdiction = ? AND exercise = ? AND date = ? ORDER BY reporter',
        )
        .all(jurisdiction, exercises.current(jurisdiction), date)
        .map(toReport),
  };
}
