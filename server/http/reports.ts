import { Router } from 'express';
import { z } from 'zod';
import { units } from '../../geo/units';
import { reportRecorders } from '../../shared/api/responses';
import type { OfficeChange } from '../../shared/live/events';
import { plans } from '../../shared/plans';
import { toBeijingIso } from '../../shared/time';
import { type Jurisdiction, jurisdictionSchema } from '../../shared/units/schema';
import { officeRecordsAccess } from '../auth/access';
import { actorName } from '../auth/principal';
import type { DailyReportRow, Store } from '../store/types';
import { HttpError, parseOr400 } from './errors';
import { allow, enforce, requireJurisdiction, requirePrincipal } from './guards';

/** A Beijing calendar date that exists: 2019-02-30 is refused. */
export const reportDateSchema = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/, { message: 'expected a date YYYY-MM-DD', abort: true })
  .refine((text) => {
    const midnight = Date.parse(`${text}T00:00:00Z`);
    return !Number.isNaN(midnight) && new Date(midnight).toISOString().startsWith(text);
  }, 'no such calendar date');

export type ExpectedReporter = { reporter: string; kind: 'unit' | 'member'; nameZh: string; nameEn: string };

/**
 * Who reports daily during a response: every warning unit (Ili 5.1: counties, cities and the 4th Division's
 * regiments; Kizilsu 5.1: counties) and every member unit of the plan (annex 1), in catalogue order.
 */
export function expectedReporters(jurisdiction: Jurisdiction): ExpectedReporter[] {
  return [
    ...units
      .filter((unit) => unit.jurisdiction === jurisdiction)
      .map((unit) => ({
        reporter: unit.id,
        kind: 'unit' as const,
        nameZh: unit.nameZh,
        nameEn: unit.nameEn,
      })),
    ...plans[jurisdiction].memberUnits.map((member) => ({
      reporter: member.nameZh,
      kind: 'member' as const,
      nameZh: member.nameZh,
      nameEn: member.nameEn,
    })),
  ];
}

export type ReporterStatus = ExpectedReporter & {
  reported: boolean;
  receivedAt: number | null;
  recordedBy: string | null;
  summary: string | null;
};

/** Every expected reporter with its report for the day, if any; rows of reporters no longer expected are left out. */
export function reportingStatus(
  expected: readonly ExpectedReporter[],
  rows: readonly DailyReportRow[],
): { expected: number; reported: number; reporters: ReporterStatus[] } {
  const byReporter = new Map(rows.map((row) => [row.reporter, row]));
  const reporters = expected.map((entry) => {
    const row = byReporter.get(entry.reporter);
    return {
      ...entry,
      reported: row !== undefined,
      receivedAt: row?.receivedAt ?? null,
      recordedBy: row?.recordedBy ?? null,
      summary: row?.summary ?? null,
    };
  });
  return {
    expected: reporters.length,
    reported: reporters.filter((entry) => entry.reported).length,
    reporters,
  };
}

export const dailyReportSchema = z
  .object({
    jurisdiction: jurisdictionSchema,
    reporter: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('a warning unit id of the jurisdiction, or a member unit name (nameZh) of its plan'),
    date: reportDateSchema.describe('the Beijing calendar date the report covers; not after today'),
    summary: z.string().trim().max(4000).optional(),
  })
  .superRefine((body, context) => {
    if (!expectedReporters(body.jurisdiction).some((entry) => entry.reporter === body.reporter)) {
      context.addIssue({
        code: 'custom',
        path: ['reporter'],
        message: `not a warning unit id or member unit name of ${body.jurisdiction}`,
      });
    }
  });

export const dailyReportsQuerySchema = z.object({ jurisdiction: jurisdictionSchema, date: reportDateSchema });

export type ReportOptions = {
  store: Store;
  /** The engine's now: reports are stamped with it, as warning events are (replay runs in 2019). */
  now: (jurisdiction: Jurisdiction) => number;
  /** Tells the prefecture's live clients, so other staff's lists update without waiting for a poll. */
  onChange: (change: OfficeChange) => void;
};

/** POST /reports records a day's report (re-recording replaces it); GET /reports lists who has reported. */
export function reportsRouter({ store, now, onChange }: ReportOptions): Router {
  const router = Router();
  router.get('/reports', (request, response) => {
    const { jurisdiction, date } = parseOr400(dailyReportsQuerySchema, request.query, 'query');
    enforce(officeRecordsAccess(request.principal ?? null, jurisdiction));
    const status = reportingStatus(expectedReporters(jurisdiction), store.dailyReports(jurisdiction, date));
    response.json({ jurisdiction, date, ...status });
  });
  router.post('/reports', allow(reportRecorders), (request, response) => {
    const body = parseOr400(dailyReportSchema, request.body, 'daily report');
    const principal = requirePrincipal(request);
    if (principal.kind !== 'account') throw new HttpError(403, { error: 'API keys may not record reports' });
    requireJurisdiction(principal, body.jurisdiction);
    const receivedAt = now(body.jurisdiction);
    // A report covers a day that has begun: a later date is a typing mistake.
    if (body.date > toBeijingIso(receivedAt).slice(0, 10)) {
      throw new HttpError(400, {
        error: 'invalid daily report',
        issues: [
          { field: 'date', message: `${body.date} is after today (Beijing) ${toBeijingIso(receivedAt)}` },
        ],
      });
    }
    const row: DailyReportRow = {
      jurisdiction: body.jurisdiction,
      reporter: body.reporter,
      date: body.date,
      receivedAt,
      recordedBy: principal.account.username,
      summary: body.summary || null,
    };
    const replaced = store.transaction(() => {
      const previous = store.putDailyReport(row);
      store.appendAudit({
        at: Date.now(),
        actor: actorName(principal),
        action: previous ? 'daily-report.replace' : 'daily-report.record',
        detail: { report: row, replaced: previous },
      });
      return previous;
    });
    onChange({ jurisdiction: body.jurisdiction, kind: 'reports' });
    response.status(replaced ? 200 : 201).json({ report: row, replaced });
  });
  return router;
}
