import { z } from 'zod';
import { warningLevelSchema } from '../levels';
import { jurisdictionSchema } from '../units/schema';

/**
 * The live state a jurisdiction's clients see (GET /api/state and the Socket.IO snapshot).
 * Field names here are a contract with external checks (issue 6): do not rename them.
 */
export const speciesSchema = z.enum(['so2', 'no2', 'pm10', 'pm25', 'co', 'o3']);

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
  primaryPollutants: z.array(speciesSchema),
  recommendedLevel: warningLevelSchema,
  issuedLevel: warningLevelSchema,
  /** The level of the highest region this unit belongs to, or 'none'. */
  regionFloor: warningLevelSchema,
  explanation: explanationSchema,
  /** End of the newest hour with data for this unit (epoch ms), and how many stations contributed. */
  newestHour: z.number().nullable(),
  stationCount: z.number().int(),
  stale: z.boolean(),
  /** True when the unit's values come only from simulated stations. */
  simulated: z.boolean(),
  dust: z.enum(['none', 'suspected', 'confirmed']),
});
export type UnitState = z.infer<typeof unitStateSchema>;

export const regionStateSchema = z.object({
  id: z.string(),
  members: z.array(z.string()),
  level: warningLevelSchema,
  /** Mean of the members' daily AQI at the newest hour. */
  averageDailyAqi: z.number().nullable(),
  explanation: explanationSchema,
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

export const jurisdictionStateSchema = z.object({
  jurisdiction: jurisdictionSchema,
  /** The engine's now (epoch ms, end of an hour). */
  now: z.number(),
  edition: z.enum(['2012', '2026']),
  units: z.array(unitStateSchema),
  regions: z.array(regionStateSchema),
  stations: z.array(stationStateSchema),
});
export type JurisdictionState = z.infer<typeof jurisdictionStateSchema>;
