import { z } from 'zod';
import { warningLevelSchema } from '../levels';
import { type Role, roleSchema } from '../plans/schema';
import { explanationSchema } from '../state/schema';
import { jurisdictionSchema, unitSchema } from '../units/schema';

/**
 * The bodies of the HTTP answers the client reads that are not engine state (shared/state/schema.ts) nor
 * the warning book (shared/rules/lifecycle/book-schema.ts): one schema per answer, parsed by client/src/api.
 */

/** An error answer (docs/API.md): `{ error }`, with a machine `code` and both languages where the server gives them. */
export const errorBodySchema = z.looseObject({
  error: z.string(),
  code: z.string().optional(),
  zh: z.string().optional(),
  en: z.string().optional(),
  issues: z
    .array(z.looseObject({ row: z.number().optional(), field: z.string(), message: z.string() }))
    .optional(),
  guards: z.array(z.object({ id: z.string(), explanation: explanationSchema })).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The signed-in account (GET /api/me, POST /api/login); jurisdiction null: both prefectures. */
export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  jurisdiction: jurisdictionSchema.nullable(),
  demo: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

export const sessionSchema = z.object({ account: accountSchema, csrfToken: z.string() });
export type Session = z.infer<typeof sessionSchema>;

/** GET /api/me: an account's session, or a feeder key's identity. */
export const meSchema = z.union([
  sessionSchema,
  z.object({ feeder: z.object({ id: z.string(), label: z.string() }) }),
]);

/** GET /api/units: the catalogue with each unit's boundary status and neighbours (shared border, km). */
export const unitListingSchema = unitSchema.extend({
  boundary: z.object({ status: z.string(), source: z.string().nullable() }),
  seat: z.object({ longitude: z.number(), latitude: z.number(), approximate: z.literal(true) }).nullable(),
  neighbours: z.array(z.object({ id: z.string(), sharedKm: z.number() })),
});
export type UnitListing = z.infer<typeof unitListingSchema>;
export const unitListSchema = z.object({ units: z.array(unitListingSchema) });

/** GET /api/audit: newest first. */
export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.number(),
  actor: z.string(),
  action: z.string(),
  detail: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });

/** GET /api/reports: one expected reporter and its report for the day (plans 5.1 信息报送). */
export const reporterStatusSchema = z.object({
  reporter: z.string(),
  kind: z.enum(['unit', 'member']),
  nameZh: z.string(),
  nameEn: z.string(),
  reported: z.boolean(),
  receivedAt: z.number().nullable(),
  recordedBy: z.string().nullable(),
  summary: z.string().nullable(),
});
export type ReporterStatus = z.infer<typeof reporterStatusSchema>;
export const dailyReportingSchema = z.object({
  jurisdiction: jurisdictionSchema,
  date: z.string(),
  expected: z.number(),
  reported: z.number(),
  reporters: z.array(reporterStatusSchema),
});
export type DailyReporting = z.infer<typeof dailyReportingSchema>;

/** GET /api/config. */
export const clientConfigSchema = z.object({ basemapStyleUrl: z.string().nullable() });

/** GET /api/layers/:kind: the layer as a GeoJSON collection whose properties are the import's columns. */
export const layerResponseSchema = z.object({
  version: z.number(),
  source: z.string(),
  geojson: z.object({
    label: z.string().nullable().optional(),
    features: z.array(z.object({ geometry: z.any(), properties: z.record(z.string(), z.unknown()) })),
  }),
});
export type LayerResponse = z.infer<typeof layerResponseSchema>;

/** Any answer whose body the client does not read (a write acknowledged). */
export const acknowledgedSchema = z.unknown();

/** Roles who manage data (ingest, stations, imports): the duty officer and the office (值班员 manages data). */
export const dataManagers: readonly Role[] = ['duty-officer', 'office-director'];

/** POST /api/forecasts: how many rows the issue gave, how many now stand, how many a newer issue holds. */
export const forecastIngestSchema = z.object({
  accepted: z.number(),
  written: z.number(),
  superseded: z.number(),
});
export type ForecastIngest = z.infer<typeof forecastIngestSchema>;

/** Reports reach the command office (plans 5.1 信息报送): its duty officer, director and the commanders record them. */
export const reportRecorders: readonly Role[] = [
  'duty-officer',
  'office-director',
  'deputy-commander',
  'first-deputy-commander',
  'commander',
];

/** Drafts before release are not public (issue 18): the press, the commanders and the office read /press. */
export const pressReaders: readonly Role[] = [
  'press',
  'commander',
  'first-deputy-commander',
  'deputy-commander',
  'office-director',
  'duty-officer',
];

/** Roles who may read the audit log: the command and the office (the server's guard uses this list). */
export const auditReaders: readonly Role[] = [
  'commander',
  'first-deputy-commander',
  'deputy-commander',
  'office-director',
];

/** GET /api/warnings/:id/outlook: lifting now, the lift countdown and the members' own levels. */
export const warningOutlookSchema = z.object({
  warningId: z.string(),
  now: z.number(),
  level: warningLevelSchema,
  outlook: z
    .object({
      now: z.object({
        met: z.boolean(),
        toLevel: warningLevelSchema,
        cleanFrom: z.number().nullable(),
        explanation: explanationSchema,
      }),
      liftableAt: z.number().nullable(),
      toLevel: warningLevelSchema.nullable(),
      coveredUntil: z.number().nullable(),
      hoursNeeded: z.number(),
    })
    .nullable(),
  members: z.array(
    z.object({ unitId: z.string(), recommendedLevel: warningLevelSchema, dailyAqi: z.number().nullable() }),
  ),
});
export type WarningOutlook = z.infer<typeof warningOutlookSchema>;

/** The answer of a warning action (POST /api/warnings/propose, /api/warnings/:id/:action). */
export const guardAnswerSchema = z.object({ id: z.string(), explanation: explanationSchema });
export type GuardAnswer = z.infer<typeof guardAnswerSchema>;
