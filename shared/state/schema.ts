import { z } from 'zod';
import { editionSchema, indicatorSchema, speciesSchema } from '../aqi';
import { warningLevelSchema } from '../levels';
import { jurisdictionSchema } from '../units/schema';

/**
 * The live state a jurisdiction's clients see (GET /api/state and the Socket.IO snapshot).
 * Field names here are a contract with external checks (issue 6): do not rename them.
 */
export { speciesSchema };

export const explanationSchema = z.object({
  /** Plain Chinese sentence(s) for the commander and the wall. */
  zh: z.string(),
  en: z.string(),
  /** Plan sections cited, e.g. ["3.3.1"] for Kizilsu or ["3.3.2 预警分级标准"] for Ili. */
  citations: z.array(z.string()),
});
export type Explanation = z.infer<typeof explanationSchema>;

export const unitStateSchema = z.object({
  id: z.string(),
  /** Real-time hourly AQI of the newest hour, or null when it cannot be computed ("NA"). */
  hourlyAqi: z.number().nullable(),
  /** AQI of the 24-hour window ending at the newest hour (the plans' daily AQI), or null. */
  dailyAqi: z.number().nullable(),
  /**
   * The indicators the hourly / daily report lacked for want of valid hours (DOMAIN.md, incomplete data):
   * empty when complete (or when there is no report at all). A partial report is published under 2026 only
   * above AQI 100 (otherwise hourlyAqi / dailyAqi is null), under 2012 from the remaining indicators; in
   * grading, regional averages and recommendations a partial daily AQI of 100 or less counts as missing.
   */
  hourlyMissing: z.array(indicatorSchema),
  dailyMissing: z.array(indicatorSchema),
  primaryPollutants: z.array(speciesSchema),
  recommendedLevel: warningLevelSchema,
  issuedLevel: warningLevelSchema,
  /** The level of the highest region this unit belongs to, or 'none'. */
  regionFloor: warningLevelSchema,
  explanation: explanationSchema,
  /**
   * First and last window end from now to the forecast's end where the recommended level's condition holds
   * (as a region's): from when the evidence supports a warning at that level, the time a proposal starts
   * (the server's level guard grades there). Null when nothing is recommended, or the level held only
   * before now; absent in forecast states.
   */
  firstWindowEnd: z.number().nullable().optional(),
  lastWindowEnd: z.number().nullable().optional(),
  /** End of the newest hour with data for this unit (epoch ms), and how many stations contributed. */
  newestHour: z.number().nullable(),
  stationCount: z.number().int(),
  stale: z.boolean(),
  /** True when the unit's values come only from simulated stations. */
  simulated: z.boolean(),
  dust: z.enum(['none', 'suspected', 'confirmed']),
  /** Forecast states only: the forecast's likely range around dailyAqi, when the issue gives one. */
  aqiLow: z.number().nullable().optional(),
  aqiHigh: z.number().nullable().optional(),
});
export type UnitState = z.infer<typeof unitStateSchema>;

export const regionStateSchema = z.object({
  id: z.string(),
  members: z.array(z.string()),
  level: warningLevelSchema,
  /** Mean of the members' daily AQI at the newest hour. */
  averageDailyAqi: z.number().nullable(),
  explanation: explanationSchema,
  /** First and last window end from now to the forecast's end where the region's level holds. */
  firstWindowEnd: z.number().optional(),
  lastWindowEnd: z.number().optional(),
});
export type RegionState = z.infer<typeof regionStateSchema>;

export const stationStateSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  simulated: z.boolean(),
  hourlyAqi: z.number().nullable(),
  newestHour: z.number().nullable(),
  stale: z.boolean(),
});
export type StationState = z.infer<typeof stationStateSchema>;

/**
 * One action of the recommendation (DOMAIN.md "Recommendation"), in the cover's order: a region of the
 * disjoint cover, or a unit on its own (above its region's level, or in no chosen region). averageDailyAqi:
 * the members' mean daily AQI at now (a unit's own), null when a member has none.
 */
export const recommendationEntrySchema = z.object({
  kind: z.enum(['region', 'unit']),
  regionId: z.string().optional(),
  unitId: z.string().optional(),
  members: z.array(z.string()),
  level: warningLevelSchema.exclude(['none']),
  averageDailyAqi: z.number().nullable(),
});
export type RecommendationEntry = z.infer<typeof recommendationEntrySchema>;

/** A plan §7 accountability flag (shared/rules complianceFlags), with since when it has been true. */
export const complianceFlagSchema = z.object({
  kind: z.enum(['start-due', 'dust-unconfirmed', 'upgrade-due', 'lift-due', 'lower-due', 'without-grounds']),
  targetKey: z.string(),
  warningId: z.string().nullable(),
  level: warningLevelSchema,
  toLevel: warningLevelSchema.nullable(),
  since: z.number(),
  explanation: explanationSchema,
  /** dust-unconfirmed: the likely-dust hours (ends) the office is asked to confirm. */
  dustPeriod: z.object({ from: z.number(), to: z.number() }).optional(),
});
export type ComplianceFlagState = z.infer<typeof complianceFlagSchema>;

/** A warning that is proposed, under approval or issued (the fold of the event log at now). */
export const warningStateSchema = z.object({
  id: z.string(),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('unit'), unitId: z.string() }),
    z.object({ kind: z.literal('region'), regionId: z.string(), members: z.array(z.string()) }),
  ]),
  status: z.enum(['proposed', 'under-approval', 'issued', 'active']),
  proposedLevel: warningLevelSchema,
  /** The level in force at now ('none' until the effective time passes). */
  level: warningLevelSchema,
  proposedAt: z.number(),
  issuedAt: z.number().nullable(),
  /**
   * Each level approved by now, in order: the issue, then every raise or lowering, at its approval time
   * (shared/documents/facts levelSegments): the wall tells "raised to red at 10:00" from it.
   */
  levels: z.array(
    z.object({
      kind: z.enum(['issued', 'raised', 'lowered']),
      level: warningLevelSchema.exclude(['none']),
      at: z.number(),
    }),
  ),
});
export type WarningState = z.infer<typeof warningStateSchema>;

export const jurisdictionStateSchema = z.object({
  jurisdiction: jurisdictionSchema,
  /** The engine's now (epoch ms, end of an hour). */
  now: z.number(),
  edition: z.enum(['2012', '2026']),
  units: z.array(unitStateSchema),
  regions: z.array(regionStateSchema),
  stations: z.array(stationStateSchema),
  /** Open warnings (proposed, under approval, issued or active) at now. */
  warnings: z.array(warningStateSchema),
  compliance: z.array(complianceFlagSchema),
  /**
   * What to decide, most urgent first (DOMAIN.md "Recommendation"): Ili's regions as a disjoint cover, then
   * units on their own; the region list, the compliance flags and every screen read this one answer.
   */
  recommendation: z.array(recommendationEntrySchema),
  /**
   * 'forecast' when `now` is an hour after the engine's now (the time slider in the forecast horizon):
   * daily AQI from the forecast, no hourly or station values. Absent means observed.
   */
  basis: z.enum(['observed', 'forecast']).optional(),
  /** Forecast states only: the engine's now the forecast is seen from (issues known then). */
  forecastFrom: z.number().optional(),
});
export type JurisdictionState = z.infer<typeof jurisdictionStateSchema>;

/** A unit's or station's recent and forecast AQI for the side panel (GET /api/state/series); null = NA. */
/** An HJ 633 report at one hour: each indicator it uses, with the concentration as used and its IAQI. */
export const panelReportSchema = z.object({
  edition: editionSchema,
  aqi: z.number().nullable(),
  readings: z.array(
    z.object({
      indicator: indicatorSchema,
      concentration: z.number().nullable(),
      iaqi: z.number().nullable(),
    }),
  ),
});
export type PanelReport = z.infer<typeof panelReportSchema>;

export const seriesStateSchema = z.object({
  kind: z.enum(['unit', 'station']),
  id: z.string(),
  now: z.number(),
  /** Hour ends from now − 71 h to now: the real-time hourly AQI, and the indicators its report lacked. */
  hourly: z.array(
    z.object({ time: z.number(), aqi: z.number().nullable(), missing: z.array(indicatorSchema) }),
  ),
  /** Window ends from now − 71 h to now: the daily AQI D(t), its primary pollutants and what it lacked. */
  daily: z.array(
    z.object({
      time: z.number(),
      aqi: z.number().nullable(),
      primaryPollutants: z.array(speciesSchema),
      missing: z.array(indicatorSchema),
    }),
  ),
  /** The pollutants at now: the real-time hourly report and the daily report of the window ending at now. */
  reports: z.object({ hourly: panelReportSchema, daily: panelReportSchema }),
  /** Units only: window ends after now with a forecast, the newest issue known at now. */
  forecast: z.array(
    z.object({
      time: z.number(),
      aqi: z.number(),
      aqiLow: z.number().nullable(),
      aqiHigh: z.number().nullable(),
      primary: speciesSchema.nullable(),
      source: z.string(),
      issuedAt: z.number(),
    }),
  ),
});
export type SeriesState = z.infer<typeof seriesStateSchema>;

/** The hours the time slider can reach (GET /api/state/timeline); null when nothing is stored. */
export const timelineStateSchema = z.object({
  jurisdiction: jurisdictionSchema,
  /** End of the oldest stored hour with a value. */
  oldest: z.number().nullable(),
  now: z.number(),
  /** Last forecast window end known at now within the engine's forecast horizon, or null. */
  forecastEnd: z.number().nullable(),
});
export type TimelineState = z.infer<typeof timelineStateSchema>;
