import { z } from 'zod';
import {
  complianceFlagSchema,
  explanationSchema,
  jurisdictionStateSchema,
  recommendationEntrySchema,
  regionStateSchema,
  type StationState,
  stationStateSchema,
  type UnitState,
  unitStateSchema,
  warningStateSchema,
} from '../state/schema';
import { jurisdictionSchema } from '../units/schema';
import { expandNewestHours, newestHourClockSchema } from './newest-hour';

/**
 * The Socket.IO contract between server/live and the client (issue 6, "Live state").
 * Client → server: `join` then, on a sequence gap, `resync`; `explain` for the current explanation texts.
 * Server → client: `snapshot` once per join or resync, then one `delta` per engine tick (`seq` grows by one
 * per delta for the jurisdiction); `explanations` answers `explain`; `live-error` names a refused payload.
 */
export const joinRequestSchema = z.object({ jurisdiction: jurisdictionSchema });
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export const resyncRequestSchema = z.object({ jurisdiction: jurisdictionSchema });
export type ResyncRequest = z.infer<typeof resyncRequestSchema>;

/** Asks for the explanation texts at now (they travel in deltas only with a decision change). */
export const explainRequestSchema = z.object({ jurisdiction: jurisdictionSchema });
export type ExplainRequest = z.infer<typeof explainRequestSchema>;

export const explanationsSchema = z.object({
  /** The delta sequence number the texts are current with. */
  seq: z.number().int(),
  jurisdiction: jurisdictionSchema,
  now: z.number(),
  units: z.record(z.string(), explanationSchema),
  regions: z.record(z.string(), explanationSchema),
  compliance: z.array(complianceFlagSchema),
});
export type Explanations = z.infer<typeof explanationsSchema>;

export const snapshotSchema = z.object({
  seq: z.number().int(),
  state: jurisdictionStateSchema,
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/**
 * A changed row: its id and only the fields whose value changed since the previous delta. A unit's
 * `explanation` is included only when one of recommendedLevel, issuedLevel, regionFloor or dust changed.
 * `newestHour` is left out where the delta's `stationNewestHour` / `unitNewestHour` gives it.
 */
export const stationChangeSchema = stationStateSchema.partial().extend({ id: z.string() });
export const unitChangeSchema = unitStateSchema.partial().extend({ id: z.string() });

/** What one engine tick changed: only the stations, units and events that differ from the previous tick. */
export const deltaSchema = z.object({
  seq: z.number().int(),
  jurisdiction: jurisdictionSchema,
  now: z.number(),
  edition: z.enum(['2012', '2026']),
  stations: z.array(stationChangeSchema),
  units: z.array(unitChangeSchema),
  /** Every station's newestHour is `hour` except the listed ones (shared/live/newest-hour.ts). */
  stationNewestHour: newestHourClockSchema.optional(),
  /** The same for units. */
  unitNewestHour: newestHourClockSchema.optional(),
  /** The full region list when a region's members or level changed, otherwise absent. */
  regions: z.array(regionStateSchema).optional(),
  /** When only the regions' average daily AQI changed: region id → averageDailyAqi. */
  regionAverages: z.record(z.string(), z.number().nullable()).optional(),
  /** The full open-warning list when it changed. */
  warnings: z.array(warningStateSchema).optional(),
  /** The full recommendation (state.recommendation) when it changed. */
  recommendation: z.array(recommendationEntrySchema).optional(),
  /** The full compliance-flag list when a flag (not only its wording) changed. */
  compliance: z.array(complianceFlagSchema).optional(),
  /** Warning events appended since the previous tick, as stored (see shared/rules lifecycle). */
  events: z.array(z.unknown()),
});
export type Delta = z.infer<typeof deltaSchema>;

export const liveErrorSchema = z.object({ message: z.string() });

/** The office recorded something other staff's screens list (daily reports, enterprise checks). */
export const officeChangeSchema = z.object({
  jurisdiction: jurisdictionSchema,
  kind: z.enum(['reports', 'enterprise-checks']),
});
export type OfficeChange = z.infer<typeof officeChangeSchema>;
export type LiveError = z.infer<typeof liveErrorSchema>;

/** Socket.IO typed maps: `new Server<ClientToServerEvents, ServerToClientEvents>()`. */
export type ClientToServerEvents = {
  join: (request: JoinRequest) => void;
  resync: (request: ResyncRequest) => void;
  explain: (request: ExplainRequest) => void;
};
export type ServerToClientEvents = {
  snapshot: (snapshot: Snapshot) => void;
  delta: (delta: Delta) => void;
  explanations: (explanations: Explanations) => void;
  'live-error': (error: LiveError) => void;
  'office-change': (change: OfficeChange) => void;
};

/** A region with the average a delta gives it (an average can turn null: a member lost its value). */
function averaged<Region extends { id: string; averageDailyAqi: number | null }>(
  region: Region,
  averages: Record<string, number | null>,
): Region {
  return region.id in averages ? { ...region, averageDailyAqi: averages[region.id] ?? null } : region;
}

/** Applies a delta to a snapshot's state (the client's fold); the caller checks `seq` first. */
export function applyDelta(state: Snapshot['state'], delta: Delta): Snapshot['state'] {
  const units = new Map(state.units.map((unit) => [unit.id, unit]));
  for (const change of delta.units) units.set(change.id, { ...units.get(change.id), ...change } as UnitState);
  const stations = new Map(state.stations.map((station) => [station.id, station]));
  for (const change of delta.stations)
    stations.set(change.id, { ...stations.get(change.id), ...change } as StationState);
  return {
    ...state,
    now: delta.now,
    edition: delta.edition,
    units: expandNewestHours([...units.values()], delta.unitNewestHour),
    stations: expandNewestHours([...stations.values()], delta.stationNewestHour),
    regions:
      delta.regions ??
      (delta.regionAverages
        ? state.regions.map((region) => averaged(region, delta.regionAverages ?? {}))
        : state.regions),
    warnings: delta.warnings ?? state.warnings,
    compliance: delta.compliance ?? state.compliance,
    recommendation: delta.recommendation ?? state.recommendation,
  };
}
