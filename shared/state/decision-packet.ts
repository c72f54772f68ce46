import { z } from 'zod';
import { warningBookSchema } from '../rules/lifecycle/book-schema';
import { guardIdSchema } from '../rules/lifecycle/schema';
import { jurisdictionSchema } from '../units/schema';
import { explanationSchema, jurisdictionStateSchema } from './schema';

/** A daily-AQI series as JSON: values per window end from `start`, hourly; null = missing. */
export const frozenSeriesSchema = z.object({
  start: z.number(),
  values: z.array(z.number().nullable()),
  lastObservedIndex: z.number(),
});
export type FrozenSeries = z.infer<typeof frozenSeriesSchema>;

const warningSchema = warningBookSchema.shape.warnings.valueType;

/**
 * A decision packet (issue 15, decision aids): the evidence the signers saw when a warning was issued,
 * raised, lowered or lifted, frozen with the event (GET /api/packets/:id). The map image is a hook: it is
 * filled once the press's server-side snapshot (GET /api/snapshot) is available to the server.
 */
export const decisionPacketSchema = z.object({
  id: z.number(),
  jurisdiction: jurisdictionSchema,
  warningId: z.string(),
  /** The stored warning event that took effect (warning_events seq). */
  eventSeq: z.number(),
  outcome: z.enum(['issued', 'raised', 'lowered', 'lifted']),
  /** The event's time (the engine's data clock) and the wall-clock time the evidence was frozen. */
  at: z.number(),
  frozenAt: z.number(),
  event: z.unknown(),
  warning: warningSchema,
  evidence: z.object({
    /** The live state at the event: units, regions, recommendation, compliance. */
    state: jurisdictionStateSchema,
    /** The warning's subject: its daily AQI series (a region's members averaged) and each member's. */
    subject: frozenSeriesSchema.nullable(),
    members: z.array(z.object({ unitId: z.string(), series: frozenSeriesSchema.nullable() })),
    /** The guards that stood in the way and were overridden (特殊情况), with their explanations. */
    guards: z.array(z.object({ id: guardIdSchema, explanation: explanationSchema })),
  }),
  /**
   * The packet's map: drawn on request from `evidence.state` (GET /api/packets/:id/map.png). Packets frozen
   * before the server could draw maps say 'not-available'; their map is drawn the same way.
   */
  mapSnapshot: z.object({
    status: z.enum(['frozen-state', 'not-available']),
    note: z.string(),
  }),
});
export type DecisionPacket = z.infer<typeof decisionPacketSchema>;

/** GET /api/warnings/:id/packets: the packets of one warning, oldest first. */
export const packetListSchema = z.object({
  packets: z.array(
    decisionPacketSchema.pick({ id: true, warningId: true, outcome: true, at: true, frozenAt: true }),
  ),
});
